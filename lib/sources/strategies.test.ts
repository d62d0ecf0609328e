// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { countStrategies, readSurfaces, type Strategy, type Surface } from './strategies';
import type { FoundTicket } from './types';

const URL_ = new URL('https://acme.atlassian.net/jira/servicedesk/projects/SUP/queues/custom/1');
const byClass =
  (cls: string, keyAttr = 'data-key'): Strategy['read'] =>
  (root) =>
    [...root.querySelectorAll(`.${cls}`)].map((el): FoundTicket => ({ key: el.getAttribute(keyAttr)!, element: el, anchor: el, dom: { title: el.textContent ?? '', status: undefined } }));

function page(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

const queue: Surface = {
  name: 'queue',
  on: 'anywhere',
  strategies: [
    { name: 'new', read: byClass('new') },
    { name: 'old', read: byClass('old') },
  ],
};
const rich = (el: Element) => el.closest('.comment') !== null;

describe('surfaces and their strategies', () => {
  it('the first strategy that finds tickets wins; later ones are not mixed in', () => {
    const root = page('<div class="new" data-key="A-1">a</div><div class="old" data-key="A-2">b</div>');
    expect(readSurfaces([queue], rich, root, URL_).map((t) => t.key)).toEqual(['A-1']);
  });

  it('a later strategy reads the page when the earlier ones find nothing', () => {
    const root = page('<div class="old" data-key="A-2">b</div><div class="old" data-key="A-3">c</div>');
    expect(readSurfaces([queue], rich, root, URL_).map((t) => t.key)).toEqual(['A-2', 'A-3']);
  });

  it('a strategy whose only finds are in rich text does not win', () => {
    const root = page('<div class="comment"><div class="new" data-key="X-9">mention</div></div><div class="old" data-key="A-2">b</div>');
    expect(readSurfaces([queue], rich, root, URL_).map((t) => t.key)).toEqual(['A-2']);
  });

  it('one ticket per element across surfaces, and dom keeps only what the page showed', () => {
    const root = page('<div class="new old" data-key="A-1">a</div>');
    const other: Surface = { name: 'other', on: 'anywhere', strategies: [{ name: 'old', read: byClass('old') }] };
    const found = readSurfaces([queue, other], rich, root, URL_);
    expect(found).toHaveLength(1);
    expect(found[0]!.dom).toEqual({ title: 'a' });
  });

  it('diagnostics count every strategy alone, say which one is used, and carry no key', () => {
    const root = page('<div class="old" data-key="A-2">b</div><div class="old" data-key="A-2">b again</div><div class="comment"><div class="new" data-key="X-9"></div></div>');
    const boom: Surface = {
      name: 'board',
      on: 'anywhere',
      strategies: [
        {
          name: 'throws',
          read: () => {
            throw new Error('odd markup');
          },
        },
      ],
    };
    const counts = countStrategies([queue, boom], rich, root, URL_);
    expect(counts).toEqual([
      { strategy: 'queue/new', tickets: 0, used: false },
      { strategy: 'queue/old', tickets: 1, used: true },
      { strategy: 'board/throws', tickets: 0, used: false },
    ]);
    expect(JSON.stringify(counts)).not.toContain('A-2');
  });
});
