// @vitest-environment happy-dom
/**
 * A pill in a cell narrower than its words (a queue's key column) says its figure alone; the room
 * comes from a ResizeObserver, so knowing it forces no layout. The canvas that measures the words
 * and the observer are stand-ins here: happy-dom lays nothing out.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RenderedBadge } from './badge-text';

type Entry = { target: Element; borderBoxSize: { inlineSize: number }[]; contentRect: { width: number } };
let report: (entries: Entry[]) => void = () => undefined;
const observed = new Set<Element>();
class FakeObserver {
  constructor(callback: (entries: Entry[]) => void) {
    report = callback;
  }
  observe(el: Element) {
    observed.add(el);
  }
  unobserve(el: Element) {
    observed.delete(el);
  }
  disconnect() {
    observed.clear();
  }
}

let upsertBadge: typeof import('./badge').upsertBadge;
let removeAllBadges: typeof import('./badge').removeAllBadges;

beforeAll(async () => {
  // 6 px a character at the badge's font: "breached 40m ago" needs 16 × 6 + 16 = 112 px.
  HTMLCanvasElement.prototype.getContext = function () {
    let font = '';
    return {
      get font() {
        return font;
      },
      set font(value: string) {
        font = value;
      },
      measureText: (text: string) => ({ width: text.length * 6 }),
    } as unknown as CanvasRenderingContext2D;
  } as unknown as typeof HTMLCanvasElement.prototype.getContext;
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = FakeObserver;
  ({ upsertBadge, removeAllBadges } = await import('./badge'));
});

const BREACHED: RenderedBadge = { state: 'breached', metric: 'resolution', text: 'breached 40m ago', short: 'Breached', label: 'Enterprise — resolution: breached', fast: false, changesAt: Infinity };
const MET: RenderedBadge = { state: 'met', metric: 'resolution', text: 'met', label: 'Enterprise — resolution: met', fast: false, changesAt: Infinity };

function target(key: string) {
  const element = document.createElement('div');
  element.innerHTML = `<a href="/browse/${key}">${key}</a>`;
  document.body.append(element);
  return { key, element, anchor: element.querySelector('a')!, isTicketView: false };
}
const room = (el: Element, width: number) => report([{ target: el, borderBoxSize: [{ inlineSize: width }], contentRect: { width } }]);
const words = (el: Element) => el.querySelector('.sla-lens-pill')!.textContent;

beforeEach(() => {
  document.body.innerHTML = '';
});
afterEach(() => removeAllBadges(document));

describe('a pill in a narrow cell', () => {
  it('says its figure alone while its cell is narrower than its words, and its words again when there is room', () => {
    const row = target('SUP-1');
    const badge = upsertBadge(row, BREACHED)!;
    expect(observed.has(badge)).toBe(true);
    // Before the first layout nothing is known: the whole words.
    expect(words(badge)).toBe('breached 40m ago');
    room(badge, 104);
    expect(words(badge)).toBe('Breached');
    // The tooltip and the name keep every word.
    expect(badge.getAttribute('aria-label')).toBe('Enterprise — resolution: breached');
    // The next tick stays short in the same room.
    upsertBadge(row, { ...BREACHED, text: 'breached 41m ago' });
    expect(words(badge)).toBe('Breached');
    room(badge, 160);
    expect(words(badge)).toBe('breached 41m ago');
  });

  it('keeps words that have no shorter form, and words that fit', () => {
    const met = upsertBadge(target('SUP-2'), MET)!;
    room(met, 20);
    expect(words(met)).toBe('met');
    const fits = upsertBadge(target('SUP-3'), BREACHED)!;
    room(fits, 112);
    expect(words(fits)).toBe('breached 40m ago');
  });

  it('lets go of a slot taken out of the page', () => {
    const badge = upsertBadge(target('SUP-4'), BREACHED)!;
    badge.remove();
    room(badge, 0);
    expect(observed.has(badge)).toBe(false);
  });
});
