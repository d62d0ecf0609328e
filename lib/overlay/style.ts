/**
 * The badges' stylesheet: one `<style>` per document, injected once. Jira's and Zendesk's CSS
 * reaches every `span`, often through ID selectors, so the badge resets everything
 * (`all: initial`) and declares what it needs with `!important`; page styles lose, and a user
 * who styles our public attributes can still win with `!important`. A compact pill (18 px) that
 * sits next to a key without changing a table row's height.
 *
 * The badge element is a slot of one width for the whole page, as wide as its widest pill, with
 * size and layout containment; the pill inside (`.sla-lens-pill`) is as wide as its words. So
 * whatever a tick does to a pill (a figure, a state, "<1m left" turning into "breached just now"),
 * the page around it is not laid out again: on a 1,000-row table that layout costs 7–30 ms a
 * time. The slot grows, once, when a wider pill comes (`fitSlot`); it never shrinks on a page,
 * and never reaches past the element it sits in.
 */

import { STATE_COLOURS, type StateColour } from '../view/colours';
import type { BadgeState } from '../view/types';

export const STYLE_ID = 'sla-lens-style';
/** The slot width's own `<style>`, rewritten when the slot grows. */
export const SLOT_STYLE_ID = 'sla-lens-slot';
export const PILL_CLASS = 'sla-lens-pill';

/** The pill's font, as CSS and canvas both read it (pill-width.ts measures with it). */
export const BADGE_FONT = '600 11px system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif';

const B = '.sla-lens-badge';
const P = `>.${PILL_CLASS}`;

// Light palette; the dark one follows Jira's `data-color-mode` or, when the page does not say
// it is light, the system preference. Each pill carries its own background, so either palette
// stays legible on either page. The colours are the extension's state tokens (lib/view/colours.ts).
function palette(scope: string, colours: Record<BadgeState, StateColour>): string {
  return (Object.keys(colours) as BadgeState[])
    .map((state) => {
      const { fg, bg, line } = colours[state];
      // Unknown is outlined, dashed: no figure, no fill.
      const border = line ? (state === 'unknown' ? `;border:1px dashed ${line}!important` : `;border-color:${line}!important`) : '';
      return `${scope}${B}.sla-lens-${state}${P}{color:${fg}!important;background:${bg}!important${border}}`;
    })
    .join('\n');
}

const LIGHT = palette('', STATE_COLOURS.light);
const DARK = (scope: string) => palette(`${scope} `, STATE_COLOURS.dark);

export const BADGE_CSS = `
${B}{all:initial!important;display:inline-flex!important;align-items:center!important;height:18px!important;
margin:0!important;margin-inline-start:6px!important;vertical-align:middle!important;white-space:nowrap!important;direction:ltr!important;
cursor:default!important;user-select:none!important}
${B}[hidden]{display:none!important}
${B}${P}{all:initial!important;display:inline-block!important;box-sizing:border-box!important;height:18px!important;
padding:0 6px!important;border:1px solid transparent!important;border-radius:9px!important;
font:${BADGE_FONT}!important;line-height:16px!important;
font-variant-numeric:tabular-nums!important;letter-spacing:0!important;text-transform:none!important;text-decoration:none!important;
white-space:nowrap!important;direction:ltr!important;cursor:default!important;user-select:none!important;
max-width:100%!important;overflow:hidden!important;text-overflow:ellipsis!important;
color:#44546f!important;background:#f1f2f4!important}
${B}.sla-lens-pending${P}{color:#626f86!important;background:transparent!important;border:1px dashed #b3b9c4!important;font-weight:400!important}
${B}::after,${B}::before,${B}${P}::after,${B}:not(.sla-lens-paused)${P}::before{content:none!important}
${B}.sla-lens-paused${P}::before{content:""!important;display:inline-block!important;box-sizing:border-box!important;
width:7px!important;height:8px!important;margin:0!important;margin-inline-end:4px!important;border:solid currentColor!important;border-width:0 2px!important;
vertical-align:-1px!important}
${B}${P}[dir=rtl],.sla-lens-aging>.sla-lens-aging__text[dir=rtl]{direction:rtl!important}
${LIGHT}
${DARK('html[data-color-mode="dark"]')}
@media (prefers-color-scheme: dark){${DARK('html:not([data-color-mode="light"])')}}
@media (forced-colors: active){${B}${P}{border:1px solid CanvasText!important}}
.sla-lens-aging{all:initial!important;display:inline-block!important;box-sizing:border-box!important;height:18px!important;
margin:0!important;margin-inline-start:4px!important;padding:0 5px!important;border:1px dotted #8590a2!important;border-radius:9px!important;vertical-align:middle!important;
font:${BADGE_FONT}!important;font-weight:400!important;line-height:16px!important;font-variant-numeric:tabular-nums!important;
white-space:nowrap!important;direction:ltr!important;cursor:default!important;user-select:none!important;color:#626f86!important;background:transparent!important}
.sla-lens-aging>.sla-lens-aging__text{all:initial!important;font:inherit!important;color:inherit!important;line-height:inherit!important;
white-space:nowrap!important;direction:ltr!important;unicode-bidi:isolate!important;cursor:inherit!important}
@media (prefers-color-scheme: dark){html:not([data-color-mode="light"]) .sla-lens-aging{color:#9fadbc!important;border-color:#738496!important}}
html[data-color-mode="dark"] .sla-lens-aging{color:#9fadbc!important;border-color:#738496!important}
@media (forced-colors: active){.sla-lens-aging{border:1px dotted CanvasText!important}}
`;

/** Adds the stylesheet once; replaces one an older version of the extension left behind. */
export function injectStyle(doc: Document = document): HTMLStyleElement {
  const existing = doc.getElementById(STYLE_ID);
  if (existing?.localName === 'style' && existing.textContent === BADGE_CSS) return existing as HTMLStyleElement;
  existing?.remove();
  const style = doc.createElement('style');
  style.id = STYLE_ID;
  style.textContent = BADGE_CSS;
  (doc.head ?? doc.documentElement).append(style);
  return style;
}

export function removeStyle(doc: Document = document): void {
  doc.getElementById(STYLE_ID)?.remove();
  doc.getElementById(SLOT_STYLE_ID)?.remove();
  slots.delete(doc);
}

/** The slot width given to each document, in CSS pixels. */
const slots = new WeakMap<Document, number>();

/** Widens the page's badge slot to hold a pill `width` pixels wide; never narrows it. */
export function fitSlot(doc: Document, width: number): void {
  if (!(width > (slots.get(doc) ?? 0))) return;
  slots.set(doc, width);
  let style = doc.getElementById(SLOT_STYLE_ID);
  if (style?.localName !== 'style') {
    style?.remove();
    style = doc.createElement('style');
    style.id = SLOT_STYLE_ID;
    (doc.head ?? doc.documentElement).append(style);
  }
  // Never wider than the cell it sits in (less the slot's 6px margin): in a column narrower than the words (a queue's key
  // column), the pill is cut with an ellipsis (its tooltip and name say it whole) rather than
  // painted over the next column's text.
  style.textContent = `.sla-lens-badge{width:${width}px!important;max-width:calc(100% - 6px)!important;contain:size layout style!important}`;
}
