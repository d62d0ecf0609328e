import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handle, SESSION_COOKIE, type FakeRequest, type FakeSiteData } from '../../testing/sites/index';
import { sampleJiraIssues, sampleZendeskTickets } from '../../testing/sites/samples';
import { applyConfig, H, NOW, simpleConfig } from '../db/__fixtures__/store';
import { SlaLensDatabase } from '../db/database';
import { createConfigCache, evaluateTickets, recordTickets, type Sighting } from '../db/evaluate';
import { decidedBetween } from '../db/outcomes';
import type { Fetch } from '../sources/http';
import type { TicketFacts } from '../sla/index';
import { asFilled, fillRange, IDLE_TRIES, PACE_MS, projectsOf, resolvedJql, solvedSearch, type FillDeps } from './fill';
import type { SiteFill } from './fill-protocol';
import { createScopeSources, sourceOf } from './sources';
import type { WatchScope } from './types';

const J = 'acme.atlassian.net';
const Z = 'acme.zendesk.com';
const DAY = 24 * H;
const NOVEMBER = { start: Date.parse('2026-11-01T00:00:00Z'), end: NOW };

const jiraScope: WatchScope = { id: 'team:jql', site: J, query: { kind: 'jql', jql: 'project = SUP AND statusCategory != Done' }, origin: 'team' };
const zendeskScope: WatchScope = { id: 'team:view', site: Z, query: { kind: 'view', view: '360000001' }, origin: 'team' };

/** Jira issues: resolved in November (two), before it (one, a month before), in another project, and open. */
const jiraIssues = () =>
  sampleJiraIssues(NOW, [
    {
      n: 1,
      summary: 'Resolved in time',
      priority: 'High',
      ageH: 60,
      changes: [
        [58, 'In Progress'],
        [55, 'Done'],
      ],
    },
    {
      n: 2,
      summary: 'Resolved late',
      priority: 'High',
      ageH: 100,
      changes: [
        [99, 'In Progress'],
        [70, 'Done'],
      ],
    },
    {
      n: 3,
      summary: 'Resolved in October',
      priority: 'High',
      ageH: 60 * 24,
      changes: [
        [59 * 24, 'In Progress'],
        [40 * 24, 'Done'],
      ],
    },
    { n: 4, summary: 'Still open', priority: 'High', ageH: 3, changes: [[2, 'In Progress']] },
  ]).concat(sampleJiraIssues(NOW, [{ n: 9, summary: 'Another project', priority: 'High', ageH: 60, changes: [[55, 'Done']] }]).map((i) => ({ ...i, key: 'OPS-9', id: 90009 })));

const zendeskTickets = () =>
  sampleZendeskTickets(NOW, [
    {
      id: 501,
      subject: 'Solved in time',
      priority: 'high',
      ageH: 40,
      changes: [
        [39, 'open'],
        [35, 'solved'],
      ],
    },
    {
      id: 502,
      subject: 'Solved late',
      priority: 'high',
      ageH: 80,
      changes: [
        [79, 'open'],
        [60, 'solved'],
      ],
    },
    {
      id: 503,
      subject: 'Solved too',
      priority: 'normal',
      ageH: 30,
      changes: [
        [29, 'open'],
        [25, 'solved'],
      ],
    },
    {
      id: 504,
      subject: 'Solved in October',
      priority: 'normal',
      ageH: 50 * 24,
      changes: [
        [49 * 24, 'open'],
        [45 * 24, 'solved'],
      ],
    },
    { id: 505, subject: 'Open', priority: 'normal', ageH: 5, changes: [[4, 'open']] },
  ]);

let db: SlaLensDatabase;
beforeEach(async () => {
  db = new SlaLensDatabase(`fill-${crypto.randomUUID()}`);
  await db.open();
  await applyConfig(db, simpleConfig({ resolution: '10h' }));
});
afterEach(async () => {
  await db.delete();
});

/** The fake sites, answering as they do a background GET carrying the session (or not). */
function sites(data: FakeSiteData, cookie: string | null = SESSION_COOKIE) {
  const log: FakeRequest[] = [];
  const fetch: Fetch = async (input, init) => {
    const req = { method: init.method ?? 'GET', url: new URL(input), cookie };
    log.push(req);
    const res = handle(data, req);
    if (!res) throw new TypeError('Failed to fetch');
    return new Response(res.body, { status: res.status, headers: { 'Content-Type': res.contentType, ...res.headers } });
  };
  return { fetch, log };
}

interface Harness {
  deps: FillDeps;
  progress: SiteFill[][];
  slept: number[];
}

/** The background's wiring in small: the watch's sources, the store's own evaluation and record. */
function harness(fetch: Fetch, scopes: WatchScope[], options: { held?: Record<string, string[]>; auditBudget?: (want: number) => number; onSleep?: () => void } = {}): Harness {
  const budget = options.auditBudget;
  const sources = createScopeSources({ fetch, now: () => NOW, ...(budget ? { auditBudget: async (ask) => ({ granted: budget(ask.want) }) } : {}) });
  const progress: SiteFill[][] = [];
  const slept: number[] = [];
  const deps: FillDeps = {
    scopes,
    held: (scope) => options.held?.[scope.id],
    list: (scope, signal) => sources.list(scope, signal),
    read: sources.read,
    async record(scope, facts) {
      const stored = await db.tickets.bulkGet(facts.map((f): [string, string] => [scope.site, f.key]));
      const config = await createConfigCache(db)();
      const { sightings } = await evaluateTickets(db, { type: 'sla:evaluate', source: sourceOf(scope), site: scope.site, tickets: facts as TicketFacts[] }, config, NOW);
      await recordTickets(db, asFilled(sightings, new Set(stored.flatMap((r) => (r ? [r.key] : [])))));
    },
    async sleep(ms) {
      slept.push(ms);
      options.onSleep?.();
    },
    onProgress: (s) => progress.push(s),
  };
  return { deps, progress, slept };
}

describe('what a fill asks of the sites', () => {
  it('names the projects of the keys, each once', () => {
    expect(projectsOf(['SUP-1', 'OPS-12', 'SUP-3', 'not a key', 'A_B2-7'])).toEqual(['A_B2', 'OPS', 'SUP']);
  });

  it('asks for the days of the range and one more on each side, whatever zone the site reads them in', () => {
    expect(resolvedJql(['OPS', 'SUP'], NOVEMBER)).toBe('project in ("OPS", "SUP") AND resolved >= "2026-10-31" AND resolved < "2026-11-28"');
    // `>` is "after that day": after 30 October, before 28 November.
    expect(solvedSearch(NOVEMBER)).toBe('solved>2026-10-30 solved<2026-11-28');
  });
});

describe('a ticket read only for a report', () => {
  it('is marked seen when it was resolved, so it gives way first; a ticket the store held keeps its own', () => {
    const sighting = (key: string, resolvedAt: number | undefined) => ({ row: { site: J, key, firstSeen: NOW, lastSeen: NOW, facts: { resolvedAt } } }) as unknown as Sighting;
    const out = asFilled([sighting('SUP-1', NOW - 3 * DAY), sighting('SUP-2', NOW - 3 * DAY), sighting('SUP-3', undefined)], new Set(['SUP-2']));
    expect(out.map((s) => [s.row.key, s.row.lastSeen, s.row.firstSeen])).toEqual([
      ['SUP-1', NOW - 3 * DAY, NOW - 3 * DAY],
      ['SUP-2', NOW, NOW],
      ['SUP-3', NOW, NOW],
    ]);
  });
});

describe('filling a period from the sites', () => {
  it('reads the tickets Jira resolved in the range, in the projects the watched queues hold, into the store and its decided targets', async () => {
    const site = sites({ jira: jiraIssues(), zendesk: [] });
    const h = harness(site.fetch, [jiraScope], { held: { [jiraScope.id]: ['SUP-4'] } });
    const result = await fillRange(h.deps, NOVEMBER, new AbortController().signal);
    expect(result).toEqual([{ site: J, state: 'done', found: 2, read: 2, approximate: 0 }]);
    expect((await db.tickets.toArray()).map((t) => t.key).sort()).toEqual(['SUP-1', 'SUP-2']);
    const decided = await decidedBetween(db, NOVEMBER.start, NOVEMBER.end, NOW);
    // Resolution in 10 h: SUP-1 took 5 h (met when it stopped), SUP-2 30 h (missed at its breach).
    expect(
      decided
        .filter((t) => t.metric === 'resolution')
        .map((t) => [t.key, t.outcome, t.decidedAt])
        .sort(),
    ).toEqual([
      ['SUP-1', 'met', NOW - 55 * H],
      ['SUP-2', 'missed', NOW - 90 * H],
    ]);
    // Only GETs: a search for the keys, the site's fields (once), a search for their facts.
    expect(site.log.map((r) => `${r.method} ${r.url.pathname}`)).toEqual(['GET /rest/api/3/search/jql', 'GET /rest/api/2/field', 'GET /rest/api/3/search/jql']);
    expect(site.log[0]!.url.searchParams.get('jql')).toBe('project in ("SUP") AND resolved >= "2026-10-31" AND resolved < "2026-11-28"');
    // What it said along the way, in order.
    expect(h.progress.map((p) => p[0]!.state)).toEqual(['waiting', 'listing', 'reading', 'reading', 'done']);
    // A ticket the fill brought gives way before the ones pages and queues keep.
    expect((await db.tickets.get([J, 'SUP-1']))!.lastSeen).toBe(NOW - 55 * H);
  });

  it('reads 250 resolved tickets in five requests: one search for the keys, the site’s fields, and a search a hundred', async () => {
    const resolved = sampleJiraIssues(
      NOW,
      Array.from({ length: 250 }, (_, i) => ({ n: 100 + i, summary: `Resolved ${i}`, priority: 'High' as const, ageH: 30, changes: [[20, 'Done'] as [number, string]] })),
    );
    const site = sites({ jira: resolved, zendesk: [] });
    const h = harness(site.fetch, [jiraScope], { held: { [jiraScope.id]: ['SUP-1'] } });
    expect(await fillRange(h.deps, NOVEMBER, new AbortController().signal)).toEqual([{ site: J, state: 'done', found: 250, read: 250, approximate: 0 }]);
    expect(site.log).toHaveLength(5);
    expect(await db.tickets.count()).toBe(250);
    // Progress after every hundred.
    expect(h.progress.filter((p) => p[0]!.state === 'reading').map((p) => p[0]!.read)).toEqual([0, 100, 200, 250]);
  });

  it('lists a queue it has never listed to learn its projects, and says so when the queues hold nothing', async () => {
    const data: FakeSiteData = { jira: jiraIssues(), zendesk: [], jiraScopes: { [(jiraScope.query as { jql: string }).jql]: ['SUP-4'] } };
    const h = harness(sites(data).fetch, [jiraScope]);
    expect(await fillRange(h.deps, NOVEMBER, new AbortController().signal)).toEqual([{ site: J, state: 'done', found: 2, read: 2, approximate: 0 }]);

    const empty = harness(sites({ ...data, jiraScopes: { [(jiraScope.query as { jql: string }).jql]: [] } }).fetch, [jiraScope]);
    const [failed] = await fillRange(empty.deps, NOVEMBER, new AbortController().signal);
    expect(failed).toMatchObject({ state: 'failed', found: 0, read: 0 });
    expect(failed!.message).toBe(`The queues watched on ${J} hold no tickets yet, so SLA Lens cannot tell which projects to read: refresh them, then fill again.`);
    expect(await db.tickets.count()).toBe(2);
  });

  it('reads what Zendesk solved in the range, and the histories its audit budget held back at the budget’s pace', async () => {
    let allowance = 1;
    const h = harness(sites({ jira: [], zendesk: zendeskTickets() }).fetch, [zendeskScope], {
      auditBudget: (want) => {
        const granted = Math.min(want, allowance);
        allowance -= granted;
        return granted;
      },
      // Each wait refills the budget by one audit.
      onSleep: () => (allowance = 1),
    });
    const result = await fillRange(h.deps, NOVEMBER, new AbortController().signal);
    expect(result).toEqual([{ site: Z, state: 'done', found: 3, read: 3, approximate: 0 }]);
    expect(h.slept).toEqual([PACE_MS, PACE_MS]);
    expect(h.progress.some((p) => p[0]!.state === 'pacing' && p[0]!.approximate === 2 && p[0]!.message === `Reading the histories of 2 tickets at the pace ${Z} allows…`)).toBe(true);
    const rows = await db.tickets.toArray();
    expect(rows.map((r) => [r.key, r.facts.exact]).sort()).toEqual([
      ['501', true],
      ['502', true],
      ['503', true],
    ]);
    const decided = await decidedBetween(db, NOVEMBER.start, NOVEMBER.end, NOW);
    expect(
      decided
        .filter((t) => t.metric === 'resolution')
        .map((t) => [t.key, t.outcome, t.approximate ?? false])
        .sort(),
    ).toEqual([
      ['501', 'met', false],
      ['502', 'missed', false],
      ['503', 'met', false],
    ]);
  });

  it('leaves tickets approximate, and says how many, once tries stop making any exact', async () => {
    const h = harness(sites({ jira: [], zendesk: zendeskTickets() }).fetch, [zendeskScope], { auditBudget: () => 0 });
    const [result] = await fillRange(h.deps, NOVEMBER, new AbortController().signal);
    expect(result).toEqual({ site: Z, state: 'done', found: 3, read: 3, approximate: 3 });
    expect(h.slept).toHaveLength(IDLE_TRIES);
  });

  it('fills every watched site side by side', async () => {
    const data: FakeSiteData = { jira: jiraIssues(), zendesk: zendeskTickets() };
    const h = harness(sites(data).fetch, [jiraScope, zendeskScope, { ...jiraScope, id: 'personal:x' }], { held: { [jiraScope.id]: ['SUP-4'], 'personal:x': ['OPS-1'] } });
    const result = await fillRange(h.deps, NOVEMBER, new AbortController().signal);
    expect(result).toEqual([
      { site: J, state: 'done', found: 3, read: 3, approximate: 0 },
      { site: Z, state: 'done', found: 3, read: 3, approximate: 0 },
    ]);
  });

  it('says what to do when a site is signed out or holds too many, and records nothing', async () => {
    const out = harness(sites({ jira: jiraIssues(), zendesk: zendeskTickets(), requireSession: true }, null).fetch, [jiraScope, zendeskScope], { held: { [jiraScope.id]: ['SUP-4'] } });
    expect(await fillRange(out.deps, NOVEMBER, new AbortController().signal)).toEqual([
      { site: J, state: 'failed', found: 0, read: 0, approximate: 0, message: `Sign in to ${J} to fill the report from it.` },
      { site: Z, state: 'failed', found: 0, read: 0, approximate: 0, message: `Sign in to ${Z} to fill the report from it.` },
    ]);
    expect(await db.tickets.count()).toBe(0);

    const busy = harness(sites({ jira: [], zendesk: zendeskTickets() }).fetch, [zendeskScope]);
    busy.deps.list = async () => ({ ok: false, failure: 'too-many', message: 'the lister’s own words', requests: 1 });
    expect(await fillRange(busy.deps, NOVEMBER, new AbortController().signal)).toEqual([
      { site: Z, state: 'failed', found: 0, read: 0, approximate: 0, message: `More than 10,000 tickets were resolved on ${Z} in this range: fill a shorter one (a month at a time).` },
    ]);
  });

  it('stops when asked, keeping what it read, and says how far it got', async () => {
    const many = sampleZendeskTickets(
      NOW,
      Array.from({ length: 250 }, (_, i) => ({
        id: 1000 + i,
        subject: `Solved ${i}`,
        priority: 'normal' as const,
        ageH: 40,
        changes: [[39, 'open'] as [number, 'open'], [35, 'solved'] as [number, 'solved']],
      })),
    );
    const controller = new AbortController();
    const h = harness(sites({ jira: [], zendesk: many }).fetch, [zendeskScope]);
    const onProgress = h.deps.onProgress;
    h.deps.onProgress = (s) => {
      onProgress(s);
      if (s[0]!.read >= 100) controller.abort();
    };
    const [result] = await fillRange(h.deps, NOVEMBER, controller.signal);
    expect(result).toMatchObject({ site: Z, state: 'stopped', found: 250, read: 100 });
    expect(result!.message).toBe(`Stopped: 100 of 250 tickets read from ${Z}; what was read is kept.`);
    expect(await db.tickets.count()).toBe(100);
  });
});
