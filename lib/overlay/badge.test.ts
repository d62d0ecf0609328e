// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { hasSlot, removeAllBadges, removeBadge, showPlaceholder, sweepStaleBadges, upsertBadge, type BadgeTarget } from './badge';
import type { RenderedBadge } from './badge-text';

const OK: RenderedBadge = { state: 'ok', metric: 'resolution', text: '3h 12m left', label: 'Enterprise — resolution: on track', fast: false, changesAt: Infinity };
const BREACHED: RenderedBadge = { state: 'breached', metric: 'first-response', text: 'breached 40m ago', label: 'Enterprise — first response: breached', fast: false, changesAt: Infinity };
const NONE: RenderedBadge = { state: 'none', metric: null, text: 'no SLA', label: 'No SLA policy applies to this ticket', fast: false, changesAt: Infinity };

function row(key = 'SUP-1'): BadgeTarget {
  const element = document.createElement('tr');
  element.innerHTML = `<td><a class="key" href="/browse/${key}">${key}</a></td><td>Printer on fire</td>`;
  document.querySelector('tbody')!.append(element);
  return { key, element, anchor: element.querySelector('a.key')! };
}

const badges = () => [...document.querySelectorAll<HTMLElement>('[data-sla-badge]')];

beforeEach(() => {
  document.body.innerHTML = '<table><tbody></tbody></table>';
});

describe('upsertBadge', () => {
  it('inserts one badge right after the anchor, with the public attributes', () => {
    const t = row();
    upsertBadge(t, OK);
    const [badge] = badges();
    expect(badges()).toHaveLength(1);
    expect(t.anchor.nextElementSibling).toBe(badge);
    expect(badge!.outerHTML).toBe(
      '<span data-sla-badge="" role="img" data-sla-key="SUP-1" data-sla-state="ok" class="sla-lens-badge sla-lens-ok" data-sla-metric="resolution" ' +
        'title="Enterprise — resolution: on track" aria-label="Enterprise — resolution: on track" lang="en"><span class="sla-lens-pill" dir="ltr">3h 12m left</span></span>',
    );
  });

  it("turns the ticket's placeholder into its badge: the same element, in the same place, with the public attributes", () => {
    const t = row();
    expect(hasSlot(t)).toBe(false);
    showPlaceholder(t);
    const placeholder = t.anchor.nextElementSibling as HTMLElement;
    expect(placeholder.hasAttribute('data-sla-pending')).toBe(true);
    expect(hasSlot(t)).toBe(true);
    expect(badges()).toEqual([]);
    const badge = upsertBadge(t, OK);
    expect(badge).toBe(placeholder);
    expect(badges()).toEqual([placeholder]);
    expect(badge!.hasAttribute('data-sla-pending')).toBe(false);
    expect(badge!.className).toBe('sla-lens-badge sla-lens-ok');
    expect(badge!.getAttribute('aria-label')).toBe(OK.label);
    expect(badge!.textContent).toBe('3h 12m left');
    expect(hasSlot(t)).toBe(true);
    // A placeholder the page moved away is not taken over: the badge goes right after the anchor.
    const u = row('SUP-2');
    showPlaceholder(u);
    const moved = u.anchor.nextElementSibling!;
    u.element.append(moved);
    expect(hasSlot(u)).toBe(false);
    const other = upsertBadge(u, OK);
    expect(other).not.toBe(moved);
    expect(u.anchor.nextElementSibling).toBe(other);
    expect(moved.isConnected).toBe(false);
  });

  it('is idempotent: a second call updates the same badge', () => {
    const t = row();
    const first = upsertBadge(t, OK);
    const second = upsertBadge(t, BREACHED);
    expect(second).toBe(first);
    expect(badges()).toHaveLength(1);
    expect(first!.dataset).toMatchObject({ slaState: 'breached', slaMetric: 'first-response' });
    expect(first!.className).toBe('sla-lens-badge sla-lens-breached');
    expect(first!.textContent).toBe('breached 40m ago');
  });

  it('after the page re-rendered the anchor, still exactly one badge, next to the new anchor', () => {
    const t = row();
    upsertBadge(t, OK);
    const fresh = t.anchor.cloneNode(true) as Element;
    t.anchor.replaceWith(fresh);
    upsertBadge({ ...t, anchor: fresh }, OK);
    expect(badges()).toHaveLength(1);
    expect(fresh.nextElementSibling).toBe(badges()[0]);
  });

  it('after the page re-rendered the whole row (badge copied along), one badge', () => {
    const t = row();
    upsertBadge(t, OK);
    const copy = t.element.cloneNode(true) as Element;
    t.element.replaceWith(copy);
    const anchor = copy.querySelector('a.key')!;
    // The copied badge is not ours: the page made it. It goes; ours takes its place.
    upsertBadge({ key: 'SUP-1', element: copy, anchor }, BREACHED);
    expect(badges()).toHaveLength(1);
    expect(anchor.nextElementSibling?.textContent).toBe('breached 40m ago');
  });

  it('moves the badge when the adapter names another anchor in the same row', () => {
    const t = row();
    upsertBadge(t, OK);
    const status = t.element.querySelectorAll('td')[1]!;
    upsertBadge({ ...t, anchor: status }, OK);
    expect(badges()).toHaveLength(1);
    expect(status.nextElementSibling).toBe(badges()[0]);
  });

  it('one badge per ticket element, even for the same key in two places', () => {
    upsertBadge(row('SUP-1'), OK);
    upsertBadge(row('SUP-1'), OK);
    upsertBadge(row('SUP-2'), OK);
    expect(badges().map((b) => b.dataset.slaKey)).toEqual(['SUP-1', 'SUP-1', 'SUP-2']);
  });

  it('renders hostile policy names and keys as text, never as markup', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const t = row();
    const t2 = { ...t, key: `"><img src=x onerror=alert(1)>` };
    upsertBadge(t2, { ...OK, text: hostile, label: `${hostile} — resolution` });
    const badge = badges()[0]!;
    expect(document.querySelector('img')).toBeNull();
    expect(badge.textContent).toBe(hostile);
    expect(badge.getAttribute('title')).toBe(`${hostile} — resolution`);
    expect(badge.getAttribute('aria-label')).toBe(`${hostile} — resolution`);
    expect(badge.dataset.slaKey).toBe(t2.key);
    // The pill, holding text alone.
    expect([...badge.querySelectorAll('*')].map((e) => e.className)).toEqual(['sla-lens-pill']);
  });

  it('a new badge goes in complete: one added element, nothing else', () => {
    const t = row();
    const observer = new MutationObserver(() => undefined);
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    upsertBadge(t, OK);
    const records = observer.takeRecords();
    observer.disconnect();
    expect(records.map((r) => [r.type, r.target, [...r.addedNodes]])).toEqual([['childList', t.anchor.parentNode, [badges()[0]]]]);
  });

  it('writes nothing when nothing changed', async () => {
    const t = row();
    upsertBadge(t, OK);
    const observer = new MutationObserver(() => undefined);
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    upsertBadge(t, { ...OK });
    expect(observer.takeRecords()).toEqual([]);
    upsertBadge(t, { ...OK, text: '3h 11m left' });
    expect(observer.takeRecords().length).toBeGreaterThan(0);
    observer.disconnect();
  });

  describe('none', () => {
    it('is not shown in lists, and a badge that turns none goes', () => {
      const t = row();
      expect(upsertBadge(t, NONE)).toBeNull();
      expect(badges()).toHaveLength(0);
      upsertBadge(t, OK);
      upsertBadge(t, NONE);
      expect(badges()).toHaveLength(0);
    });

    it('is shown on the ticket view', () => {
      const t = { ...row(), isTicketView: true };
      upsertBadge(t, NONE);
      expect(badges().map((b) => [b.dataset.slaState, b.textContent, b.hasAttribute('data-sla-metric')])).toEqual([['none', 'no SLA', false]]);
    });
  });
});

describe('removal', () => {
  it('removeBadge removes one ticket’s badge', () => {
    const a = row('SUP-1');
    upsertBadge(a, OK);
    upsertBadge(row('SUP-2'), OK);
    removeBadge(a.element);
    expect(badges().map((b) => b.dataset.slaKey)).toEqual(['SUP-2']);
  });

  it('removeAllBadges removes every badge', () => {
    upsertBadge(row('SUP-1'), OK);
    upsertBadge(row('SUP-2'), OK);
    removeAllBadges(document);
    expect(badges()).toHaveLength(0);
  });

  it('sweepStaleBadges removes badges an older script left, and keeps ours', () => {
    const old = row('SUP-1');
    old.anchor.insertAdjacentHTML('afterend', '<span data-sla-badge data-sla-key="SUP-1" data-sla-state="ok">old</span>');
    const mine = row('SUP-2');
    upsertBadge(mine, OK);
    expect(sweepStaleBadges(document)).toBe(1);
    expect(badges().map((b) => b.dataset.slaKey)).toEqual(['SUP-2']);
    // The ticket whose stale badge was swept gets a fresh one.
    upsertBadge(old, OK);
    expect(badges()).toHaveLength(2);
  });

  it('a stale badge next to the anchor is replaced, not reused', () => {
    const t = row();
    t.anchor.insertAdjacentHTML('afterend', '<span data-sla-badge data-sla-key="SUP-1" data-sla-state="ok" class="old">old</span>');
    upsertBadge(t, OK);
    expect(badges()).toHaveLength(1);
    expect(badges()[0]!.classList.contains('old')).toBe(false);
  });
});
