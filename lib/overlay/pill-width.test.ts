// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { pillWidth, textShape } from './pill-width';
import { BADGE_FONT } from './style';

/** A document whose canvas measures 6 px a character, and says which font it was given. */
function docWithCanvas(acceptsFont = true): { doc: Document; measured: string[] } {
  const measured: string[] = [];
  const context = {
    font: '10px sans-serif',
    measureText(text: string) {
      measured.push(text);
      return { width: text.length * 6 + 0.4 };
    },
  };
  Object.defineProperty(context, 'font', {
    get: () => font,
    set: (value: string) => {
      if (acceptsFont) font = value;
    },
  });
  let font = '10px sans-serif';
  const doc = { createElement: () => ({ getContext: () => context }) } as unknown as Document;
  return { doc, measured };
}

describe('a pill’s width per shape of its text', () => {
  it('treats every digit alike', () => {
    expect(textShape('4m left')).toBe(textShape('7m left'));
    expect(textShape('12m left')).not.toBe(textShape('9m left'));
    expect(textShape('breached 2d 3h ago')).toBe('breached 0d 0h ago');
  });

  it('measures each shape once, with the badge’s font, and adds the frame (and the paused bars)', () => {
    const { doc, measured } = docWithCanvas();
    const four = pillWidth(doc, '4m left', false);
    expect(four).toBe(Math.ceil(7 * 6 + 0.4) + 16);
    expect(pillWidth(doc, '7m left', false)).toBe(four);
    expect(pillWidth(doc, '12m left', false)).toBeGreaterThan(four!);
    expect(pillWidth(doc, 'paused · 4m left', true)).toBe(Math.ceil(16 * 6 + 0.4) + 16 + 11);
    expect(measured).toEqual(['0m left', '00m left', 'paused · 0m left']);
  });

  it('gives no width where there is no canvas, or the canvas does not take the font', () => {
    expect(pillWidth(document, '4m left', false)).toBeNull();
    expect(pillWidth(docWithCanvas(false).doc, '4m left', false)).toBeNull();
    expect(BADGE_FONT).toContain('11px');
  });
});
