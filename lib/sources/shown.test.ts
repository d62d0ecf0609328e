// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { countShownTickets, type ShownOptions } from './shown';

const options: ShownOptions = {
  linkKey: (a) => /\/browse\/([A-Z]+-\d+)$/.exec(a.href)?.[1] ?? null,
  keyAttributes: ['data-issue-key'],
  isKey: (v) => /^[A-Z]+-\d+$/.test(v),
  exclude: '.comment',
};

const count = (html: string) => {
  document.body.innerHTML = html;
  return countShownTickets(document.body, options);
};

describe('how many tickets a page shows, without our readers', () => {
  it('counts grid rows, never header rows or empty ones', () => {
    expect(count('<div role="grid"><div role="row"><div role="columnheader">Key</div></div><div role="row">SUP-1 a</div><div role="row">SUP-2 b</div><div role="row"> </div></div>')).toBe(2);
  });

  it('counts table body rows once, even with a grid role on them', () => {
    expect(count('<table><thead><tr><th>Key</th></tr></thead><tbody><tr role="row"><td>1</td></tr><tr><td>2</td></tr><tr><td>3</td></tr></tbody></table>')).toBe(3);
  });

  it('a row inside a row is one row', () => {
    expect(count('<div role="row">x<div role="row">SUP-1</div></div>')).toBe(1);
  });

  it('counts distinct linked tickets (cards on a board have no rows), outside rich text', () => {
    expect(count('<a href="/browse/SUP-1">SUP-1</a><a href="/browse/SUP-1">summary</a><a href="/browse/SUP-2">SUP-2</a><div class="comment"><a href="/browse/SUP-9">SUP-9</a></div>')).toBe(2);
  });

  it('counts keyed elements', () => {
    expect(count('<li data-issue-key="SUP-1"></li><li data-issue-key="SUP-2"></li><li data-issue-key="not a key"></li>')).toBe(2);
  });

  it('takes the largest count, not the sum: the same tickets show in several ways', () => {
    expect(count('<div role="row"><a href="/browse/SUP-1">SUP-1</a></div><div role="row"><a href="/browse/SUP-2">SUP-2</a></div>')).toBe(2);
  });

  it('leaves out what many excluded containers mention, as it does for a few', () => {
    const comments = Array.from({ length: 40 }, (_, i) => `<div class="comment"><a href="/browse/OLD-${i + 1}">OLD-${i + 1}</a><div role="row">quoted</div></div>`).join('');
    expect(count(`${comments}<div role="row"><a href="/browse/SUP-1">SUP-1</a></div>`)).toBe(1);
  });

  it('our badges beside the rows add nothing', () => {
    const badge = (key: string) => `<span data-sla-badge="" data-sla-key="${key}" title="SLA">12m left</span>`;
    expect(count(`<div role="row"><a href="/browse/SUP-1">SUP-1</a>${badge('SUP-1')}</div><div role="row"><a href="/browse/SUP-2">SUP-2</a>${badge('SUP-2')}</div>`)).toBe(2);
  });

  it('an empty page shows nothing', () => {
    expect(count('<main><p>No issues in this queue</p></main>')).toBe(0);
  });
});
