import { describe, expect, it } from 'vitest';
import { TrailCache, type CachedTrail } from './audit-trails';

const trail = (changes: number, text = 'open'): CachedTrail => ({
  stamp: '2026-12-02T10:00:00Z',
  trail: { changes: Array.from({ length: changes }, (_, i) => ({ at: i, from: text, to: text })), comments: [], complete: true },
});

describe('the background’s trail cache', () => {
  it('holds about maxBytes of trails however few tickets that is: the longest trails a page could send cannot fill memory', () => {
    const huge = trail(200, 'x'.repeat(200));
    const cost = TrailCache.costOf(huge);
    expect(cost).toBeGreaterThan(160_000);
    const cache = new TrailCache(2_000, cost * 3);
    for (let id = 1; id <= 10; id++) cache.set('acme.zendesk.com', id, huge);
    // Only the three most recent fit; the oldest went first.
    expect(cache.size).toBe(3);
    expect(cache.get('acme.zendesk.com', 7)).toBeUndefined();
    expect(cache.get('acme.zendesk.com', 10)).toEqual(huge);
    // Small trails still fill the count cap, not the byte cap.
    const small = new TrailCache(5, cost * 3);
    for (let id = 1; id <= 10; id++) small.set('acme.zendesk.com', id, trail(2));
    expect(small.size).toBe(5);
  });

  it('a ticket stored again replaces its cost, it does not add to it', () => {
    const one = trail(50, 'y'.repeat(100));
    const cache = new TrailCache(2_000, TrailCache.costOf(one) * 2);
    for (let i = 0; i < 10; i++) cache.set('acme.zendesk.com', 1, one);
    cache.set('acme.zendesk.com', 2, one);
    expect(cache.size).toBe(2);
  });
});
