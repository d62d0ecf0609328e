/**
 * A badge's width, fixed per shape of its text: every text with the same words and the same number
 * of digits gets the same width ("4m left" and "7m left" alike; figures are tabular). A badge of
 * fixed width is given size and layout containment, so a countdown's tick lays out the pill alone
 * instead of the page's whole table (measured on a 1,000-row table: 0.1 ms a changed badge against
 * a full table layout of 7–13 ms); the width changes only when the shape does ("10m" to "9m").
 *
 * Measured on a canvas with the badge's own font. Where the document has no canvas (tests' DOMs)
 * or the font is not taken, there is no width, and the badge sizes itself as before.
 */
import { BADGE_FONT } from './style';

/** Padding (6 px a side) and border (1 px a side) of the border-box pill, and a pixel to spare for rounding. */
const FRAME_PX = 12 + 2 + 2;
/** The paused pill's bars (`::before`): 7 px wide and a 4 px gap. */
const PAUSED_PX = 11;
const MAX_SHAPES = 256;

type Measure = (text: string) => number | null;

const measures = new WeakMap<Document, Measure>();

function measurer(doc: Document): Measure {
  let context: CanvasRenderingContext2D | null = null;
  try {
    context = doc.createElement('canvas').getContext('2d');
  } catch {
    context = null;
  }
  if (!context) return () => null;
  context.font = BADGE_FONT;
  // A font the canvas does not understand leaves its default (10px sans-serif): no fixed width then.
  if (!context.font.includes('11px')) return () => null;
  const widths = new Map<string, number>();
  return (shape) => {
    let width = widths.get(shape);
    if (width === undefined) {
      if (widths.size >= MAX_SHAPES) widths.clear();
      width = Math.ceil(context.measureText(shape).width);
      widths.set(shape, width);
    }
    return width;
  };
}

/** The shape of a badge's text: its digits all alike. */
export function textShape(text: string): string {
  return text.replace(/[0-9]/g, '0');
}

/** The pill's border-box width in CSS pixels for `text`, or null when it cannot be measured here. */
export function pillWidth(doc: Document, text: string, paused: boolean): number | null {
  let measure = measures.get(doc);
  if (!measure) {
    measure = measurer(doc);
    measures.set(doc, measure);
  }
  const width = measure(textShape(text));
  return width === null ? null : width + FRAME_PX + (paused ? PAUSED_PX : 0);
}
