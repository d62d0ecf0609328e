// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { createBadgeBoard } from './board';
import { badgeFor } from './badge-text';
import type { BadgeTarget } from './badge';
import { EMEA, HOUR, MINUTE, NOW, SECOND, clock, running, view } from './__fixtures__/views';
import type { SlaView } from '../view/types';

const TEXT = { locale: 'en-GB', timeZone: 'UTC' };

function row(key: string): BadgeTarget {
  const element = document.createElement('tr');
  const cell = element.appendChild(document.createElement('td'));
  const anchor = cell.appendChild(document.createElement('a'));
  anchor.textContent = key;
  document.querySelector('tbody')!.append(element);
  return { key, element, anchor };
}

const badges = () => [...document.querySelectorAll<HTMLElement>('[data-sla-badge]')];

beforeEach(() => {
  document.body.innerHTML = '<table><tbody></tbody></table>';
});

describe('createBadgeBoard', () => {
  it('set renders at once; render keeps it current', () => {
    const board = createBadgeBoard({ text: TEXT });
    const t = row('SUP-1');
    board.set(t, view([running('resolution', 3 * HOUR + 12 * MINUTE, 8 * HOUR)], { key: 'SUP-1' }), NOW);
    expect(badges().map((b) => b.textContent)).toEqual(['3h 12m left']);
    board.render(NOW + 30 * SECOND);
    expect(badges().map((b) => b.textContent)).toEqual(['3h 11m left']);
  });

  it('reports the fast cadence while a badge is in its last 10 minutes', () => {
    const board = createBadgeBoard({ text: TEXT });
    board.set(row('SUP-1'), view([running('resolution', 11 * MINUTE, HOUR)]), NOW);
    expect(board.render(NOW)).toBe(false);
    expect(board.render(NOW + 30 * SECOND)).toBe(false);
    expect(board.render(NOW + 60 * SECOND)).toBe(true);
    expect(badges()[0]!.textContent).toBe('10m left');
    expect(board.render(NOW + 10 * MINUTE + 1 * SECOND)).toBe(true);
    expect(badges()[0]!.textContent).toBe('<1m left');
  });

  it('in the last minute the badge stays put until the breach: no DOM write each second', () => {
    const board = createBadgeBoard({ text: TEXT });
    board.set(row('SUP-1'), view([running('resolution', 50 * SECOND, HOUR)]), NOW);
    const observer = new MutationObserver(() => undefined);
    observer.observe(document.body, { subtree: true, characterData: true, attributes: true, childList: true });
    for (let s = 1; s < 50; s++) board.render(NOW + s * SECOND);
    expect(observer.takeRecords()).toEqual([]);
    expect(badges()[0]!.textContent).toBe('<1m left');
    expect(badges()[0]!.getAttribute('title')).toContain('at risk, under a minute of calendar time left');
    board.render(NOW + 50 * SECOND);
    expect(badges()[0]!.textContent).toBe('breached just now');
  });

  it('a badge is redrawn when its words change, not on every tick', () => {
    const board = createBadgeBoard({ text: TEXT });
    const slow = row('SUP-1');
    const fast = row('SUP-2');
    board.set(slow, view([running('resolution', 3 * HOUR + 5 * SECOND, 8 * HOUR)]), NOW);
    board.set(fast, view([running('resolution', 5 * MINUTE + 30 * SECOND, HOUR)]), NOW);
    const text = (t: typeof slow) => t.element.querySelector('[data-sla-badge]')!.textContent;
    expect([text(slow), text(fast)]).toEqual(['3h left', '5m left']);
    // Three seconds in, neither figure has changed: nothing is drawn, though the tab ticks every second.
    const observer = new MutationObserver(() => undefined);
    observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    expect(board.render(NOW + 3 * SECOND)).toBe(true);
    expect(observer.takeRecords()).toEqual([]);
    // The slow badge crossed 3h five seconds in; the fast one crosses 5m thirty seconds in.
    board.render(NOW + 10 * SECOND);
    expect([text(slow), text(fast)]).toEqual(['2h 59m left', '5m left']);
    board.render(NOW + 31 * SECOND);
    expect([text(slow), text(fast)]).toEqual(['2h 59m left', '4m left']);
    observer.disconnect();
  });

  it('calendars set after a badge redraw it on the next render', () => {
    const board = createBadgeBoard({ text: TEXT });
    board.set(row('SUP-1'), view([clock('resolution', { start: Date.UTC(2026, 10, 23, 8), targetMs: 40 * HOUR }, 'emea')]), NOW);
    expect(badges()[0]!.dataset.slaState).toBe('unknown');
    board.setCalendars({ emea: EMEA });
    board.render(NOW);
    expect(badges()[0]!.dataset.slaState).toBe('ok');
    expect(badges()[0]!.textContent).toBe('30h left');
  });

  it('set with a new anchor keeps one badge; elements that left the page are forgotten', () => {
    const board = createBadgeBoard({ text: TEXT });
    const t = row('SUP-1');
    const v = view([running('resolution', 3 * HOUR, 8 * HOUR)]);
    board.set(t, v, NOW);
    const anchor = document.createElement('a');
    t.anchor.replaceWith(anchor);
    board.set({ ...t, anchor }, v, NOW);
    expect(badges()).toHaveLength(1);
    t.element.remove();
    board.render(NOW + MINUTE);
    expect(board.size).toBe(0);
  });

  it('a hostile policy name reaches the page as text only', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const board = createBadgeBoard({ text: TEXT });
    board.set(row('SUP-1'), view([clock('resolution', { start: NOW, targetMs: 4 * HOUR }, '24x7', hostile)], { policyName: hostile }), NOW);
    const badge = badges()[0]!;
    expect(document.querySelector('img')).toBeNull();
    expect([...badge.querySelectorAll('*')].map((e) => e.className)).toEqual(['sla-lens-pill']);
    expect(badge.textContent).toBe('4h left');
    expect(badge.getAttribute('aria-label')).toMatch(/^<img src=x onerror=alert\(1\)> — resolution: on track/);
    expect(badge.title).toBe(badge.getAttribute('aria-label'));
  });

  it('delete and abort remove badges', () => {
    const controller = new AbortController();
    const board = createBadgeBoard({ text: TEXT, signal: controller.signal });
    const a = row('SUP-1');
    board.set(a, view([running('resolution', 3 * HOUR, 8 * HOUR)]), NOW);
    board.set(row('SUP-2'), view([running('resolution', 3 * HOUR, 8 * HOUR)]), NOW);
    board.delete(a.element);
    expect(badges().map((b) => b.dataset.slaKey)).toEqual(['SUP-2']);
    controller.abort();
    expect(badges()).toHaveLength(0);
    expect(board.size).toBe(0);
  });

  it('1,000 badges: a tick writes only to the badges whose rendering changed', () => {
    const board = createBadgeBoard({ text: TEXT });
    const calendars = { emea: EMEA };
    board.setCalendars({ emea: EMEA });
    const tracked: Array<{ target: BadgeTarget; view: SlaView }> = [];
    for (let i = 0; i < 1000; i++) {
      const key = `SUP-${i}`;
      const c =
        i % 10 === 0
          ? clock('resolution', { start: NOW - HOUR, stop: NOW - MINUTE, targetMs: 4 * HOUR }) // met: never changes
          : i % 10 === 1
            ? clock('resolution', { start: NOW - HOUR, targetMs: 4 * HOUR, pauses: [{ from: NOW - MINUTE, to: null }] }) // paused
            : running('resolution', HOUR + i * 7 * SECOND, 40 * HOUR);
      const entry = { target: row(key), view: view([c], { key }) };
      tracked.push(entry);
      board.set(entry.target, entry.view, NOW);
    }
    expect(badges()).toHaveLength(1000);

    const later = NOW + 30 * SECOND;
    const expected = new Set(
      tracked
        .filter(({ view: v }) => {
          const a = badgeFor(v, calendars, NOW, TEXT);
          const b = badgeFor(v, calendars, later, TEXT);
          return a.text !== b.text || a.label !== b.label || a.state !== b.state;
        })
        .map(({ target }) => target.key),
    );
    expect(expected.size).toBeGreaterThan(100);
    expect(expected.size).toBeLessThan(900);

    const observer = new MutationObserver(() => undefined);
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    board.render(later);
    const records = observer.takeRecords();
    observer.disconnect();
    const touched = new Set(
      records.map((r) => {
        const el = r.target.nodeType === Node.ELEMENT_NODE ? (r.target as Element) : r.target.parentElement!;
        return el.closest('[data-sla-badge]')?.getAttribute('data-sla-key') ?? 'outside a badge';
      }),
    );
    expect(touched).toEqual(expected);
    // Text, title and aria-label at most: no class or state churn for a countdown.
    expect(records.length).toBeLessThanOrEqual(expected.size * 3);

    // The same instant again: nothing at all.
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    board.render(later, true);
    expect(observer.takeRecords()).toEqual([]);
    observer.disconnect();
  });
});

describe('the aging flag beside a badge (issue 18 §2)', () => {
  const marks = () => [...document.querySelectorAll<HTMLElement>('[data-sla-aging]')];
  const aged = (since: number, thresholdMs: number, extra: Partial<SlaView> = {}): SlaView =>
    view([running('resolution', 30 * HOUR, 40 * HOUR)], { key: 'SUP-1', aging: { policyId: 'gold', calendarId: '24x7', watches: [{ kind: 'no-update', since, thresholdMs }] }, ...extra });

  it('appears right after the badge once the ticket is stale, with its age, and tells why in its tooltip', () => {
    const board = createBadgeBoard({ text: TEXT });
    const t = row('SUP-1');
    board.set(t, aged(NOW - 47 * HOUR, 48 * HOUR), NOW);
    expect(marks()).toEqual([]);
    // The board knows when the flag is due: no tick before it redraws anything.
    board.render(NOW + HOUR);
    const [mark] = marks();
    expect(mark!.previousElementSibling).toBe(badges()[0]);
    expect([mark!.getAttribute('data-sla-aging'), mark!.getAttribute('data-sla-key'), mark!.textContent]).toEqual(['no-update', 'SUP-1', 'no update 2d']);
    expect(mark!.getAttribute('title')).toMatch(/^Stale: no public update by an agent for 2d \(since .+\); flagged after 48h of calendar time\.$/);
    expect(mark!.getAttribute('aria-label')).toBe(mark!.getAttribute('title'));
    // An hour on, its age moves on; the same element.
    board.render(NOW + 2 * HOUR);
    expect(marks()).toEqual([mark]);
    expect(mark!.textContent).toBe('no update 2d 1h');
  });

  it('names the status a ticket is stuck in, cut short in the pill and whole in the tooltip', () => {
    const board = createBadgeBoard({ text: TEXT });
    board.set(
      row('SUP-1'),
      aged(0, 0, { aging: { policyId: 'gold', calendarId: '24x7', watches: [{ kind: 'in-status', since: NOW - 5 * 24 * HOUR, thresholdMs: 72 * HOUR, status: 'Waiting for customer approval' }] } }),
      NOW,
    );
    expect(marks().map((m) => [m.getAttribute('data-sla-aging'), m.textContent])).toEqual([['in-status', 'in Waiting for custo… 5d']]);
    expect(marks()[0]!.getAttribute('title')).toMatch(/^Stale: in Waiting for customer approval for 5d /);
  });

  it('goes when the ticket is updated, and with its badge', () => {
    const board = createBadgeBoard({ text: TEXT });
    const t = row('SUP-1');
    board.set(t, aged(NOW - 50 * HOUR, 48 * HOUR), NOW);
    expect(marks()).toHaveLength(1);
    board.set(t, aged(NOW - HOUR, 48 * HOUR), NOW);
    expect(marks()).toEqual([]);
    board.set(t, aged(NOW - 50 * HOUR, 48 * HOUR), NOW);
    expect(marks()).toHaveLength(1);
    board.delete(t.element);
    expect([badges(), marks()]).toEqual([[], []]);
  });

  it('says in the badge’s tooltip when the data cannot support a flag, and shows none', () => {
    const board = createBadgeBoard({ text: TEXT });
    board.set(row('SUP-1'), aged(0, 0, { aging: { policyId: 'gold', calendarId: '24x7', watches: [], unknown: 'the last public update (the site did not give all comments)' } }), NOW);
    expect(marks()).toEqual([]);
    expect(badges()[0]!.getAttribute('title')).toContain('Stale flags not known: the last public update (the site did not give all comments).');
  });
});
