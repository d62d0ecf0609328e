// @vitest-environment happy-dom
import { beforeAll, describe, expect, it } from 'vitest';
import { BADGE_FONT, upsertBadge, type BadgeTarget } from './badge';
import type { RenderedBadge } from './badge-text';

/** A canvas whose text is 6 px a character, as a stand-in for the browser's font metrics. */
const measured: string[] = [];
beforeAll(() => {
  class FakeCanvas {
    getContext() {
      const context = {
        font: '',
        measureText: (text: string) => {
          expect(context.font).toBe(BADGE_FONT);
          measured.push(text);
          return { width: text.length * 6 };
        },
      };
      return context;
    }
  }
  (globalThis as unknown as { OffscreenCanvas: unknown }).OffscreenCanvas = FakeCanvas;
});

function target(): BadgeTarget {
  document.body.innerHTML = '<div class="row"><a class="key">SUP-1</a></div>';
  return { key: 'SUP-1', element: document.querySelector('.row')!, anchor: document.querySelector('.key')! };
}

const rendered = (text: string, state: RenderedBadge['state'] = 'at-risk'): RenderedBadge => ({ text, state, metric: 'resolution', label: 'Standard', fast: true, changesAt: 0 });

describe('a counting badge keeps its width while its words keep their shape', () => {
  it('is as wide as its text’s shape, and a tick that changes only digits changes no width', () => {
    const t = target();
    const badge = upsertBadge(t, rendered('9m 59s left'))!;
    // 11 characters × 6 px, the frame (14) and a pixel to spare.
    expect(badge.style.getPropertyValue('width')).toBe(`${11 * 6 + 14 + 1}px`);
    expect(badge.style.getPropertyPriority('width')).toBe('important');
    expect(badge.classList.contains('sla-lens-sized')).toBe(true);
    const before = measured.length;
    upsertBadge(t, rendered('9m 58s left'));
    upsertBadge(t, rendered('8m 07s left'));
    // Same shape: measured once, the width attribute untouched.
    expect(measured.length).toBe(before);
    expect(badge.style.getPropertyValue('width')).toBe('81px');
    upsertBadge(t, rendered('59s left'));
    expect(badge.style.getPropertyValue('width')).toBe(`${8 * 6 + 15}px`);
  });

  it('leaves room for the pause icon', () => {
    const badge = upsertBadge(target(), rendered('paused · 2h left', 'paused'))!;
    expect(badge.style.getPropertyValue('width')).toBe(`${16 * 6 + 15 + 11}px`);
  });
});
