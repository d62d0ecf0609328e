/**
 * "Fill this period from the site" (issue 17 §3): a report counts the targets decided among the
 * tickets the store holds, and a ticket resolved while nobody had it open or watched would be
 * missing. A fill reads the tickets resolved in the report's range from every site a watched
 * queue is on, through the watch's own path (its listers, the overlays' enrichment, the same
 * record), so a report stands on what the site holds, not on what happened to be seen.
 *
 * What is asked of each site:
 * - Jira: `project in (…) AND resolved >= "…" AND resolved < "…"`, over the projects the watched
 *   queues hold. Not the queues' own JQL narrowed by `resolved`: a queue watched for its open
 *   tickets (`resolution = Unresolved`, `statusCategory != Done`) holds no resolved one.
 * - Zendesk: Export Search Results with `solved>… solved<…`, the account's whole (a view's
 *   conditions cannot be searched, and a watched search is likewise about open tickets).
 * Both read dates as days in the searching user's (or account's) zone, which SLA Lens does not
 * know: the days asked reach one beyond the range on each side, and what decides a target's
 * period is its own decision instant, so reading a few tickets more changes no figure.
 *
 * Zendesk gives each ticket's history only through its audits, under the account's audit budget
 * (shared with the tabs): tickets read without it are read again at the budget's pace until they
 * are exact, or until tries stop making any exact.
 */
import { t, tp } from '../i18n/core';
import type { TicketFacts } from '../sla/index';
import type { Sighting } from '../db/evaluate';
import type { SiteFill } from './fill-protocol';
import type { ReadOutcome } from './runner';
import { sourceOf } from './sources';
import { MAX_SCOPE_TICKETS, type ScopeListing, type WatchScope } from './types';

const DAY = 86_400_000;
/** Tickets read a request (Jira's search and Zendesk's Show Many both take 100). */
export const FILL_CHUNK = 100;
/** Between tries at the histories the audit budget held back: a part of its minute. */
export const PACE_MS = 20_000;
/** Tries in a row that made no ticket exact before the rest are left approximate. */
export const IDLE_TRIES = 3;
/** Projects one query names at most: a JQL travels in a GET's URL. */
const MAX_PROJECTS = 200;

export interface FillRange {
  start: number;
  end: number;
}

export interface FillDeps {
  scopes: readonly WatchScope[];
  /** The keys a scope held at its last listing (the watch's state), if it was listed. */
  held(scope: WatchScope): readonly string[] | undefined;
  /** Lists a scope (the watch's own listers); a fill asks its own scopes of the same forms. */
  list(scope: WatchScope, signal: AbortSignal): Promise<ScopeListing>;
  read(scope: WatchScope, keys: readonly string[], signal: AbortSignal, fresh?: boolean): Promise<ReadOutcome>;
  record(scope: WatchScope, facts: readonly TicketFacts[]): Promise<void>;
  /** Waits `ms`, or less when `signal` aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  onProgress(sites: SiteFill[]): void;
}

/** A day as JQL and Zendesk's search write it, cut in UTC (the margins above cover any zone). */
const day = (t: number) => new Date(t).toISOString().slice(0, 10);

/** The project of each key (`SUP-12` → `SUP`), each once, sorted. */
export function projectsOf(keys: Iterable<string>): string[] {
  const projects = new Set<string>();
  for (const key of keys) {
    const m = /^([A-Z][A-Z0-9_]*)-\d+$/.exec(key);
    if (m) projects.add(m[1]!);
  }
  return [...projects].sort();
}

/** The Jira query of what `projects` resolved in `range`, a day to spare either side. */
export function resolvedJql(projects: readonly string[], range: FillRange): string {
  return `project in (${projects.map((p) => `"${p}"`).join(', ')}) AND resolved >= "${day(range.start - DAY)}" AND resolved < "${day(range.end + 2 * DAY)}"`;
}

/** The Zendesk search of what was solved in `range` (`>`: after that day), a day to spare either side. */
export function solvedSearch(range: FillRange): string {
  return `solved>${day(range.start - 2 * DAY)} solved<${day(range.end + 2 * DAY)}`;
}

/**
 * The sightings of a fill as the store should keep them: a ticket it did not hold before is
 * marked seen when it was resolved, not now, so it is the first to give way to the store's limits
 * and its retention (the targets it decided stay, as every ticket's do), never the open tickets
 * the overlays and the watch keep.
 */
export function asFilled(sightings: readonly Sighting[], held: ReadonlySet<string>): Sighting[] {
  return sightings.map((s) => {
    const resolved = s.row.facts.resolvedAt;
    if (held.has(s.row.key) || resolved === undefined || resolved === null || resolved >= s.row.lastSeen) return s;
    return { ...s, row: { ...s.row, lastSeen: resolved, firstSeen: Math.min(s.row.firstSeen, resolved) } };
  });
}

/** Why a site's listing failed, as the report says it. */
function listingWords(site: string, failure: Extract<ScopeListing, { ok: false }>): string {
  switch (failure.failure) {
    case 'signed-out':
      return t('watch_fill_sign_in', { site });
    case 'forbidden':
      return t('watch_fill_forbidden', { site });
    case 'rate-limited':
      return t('watch_fill_rate_limited', { site });
    case 'too-many':
      return tp('watch_fill_too_many', MAX_SCOPE_TICKETS, { site });
    default:
      return failure.message;
  }
}

/**
 * Reads the tickets resolved in `range` on every site a watched scope is on, into the store.
 * Sites are filled side by side (each has its own origin and limits); progress is reported after
 * every step; `signal` stops it, keeping what was read. Never throws.
 */
export async function fillRange(deps: FillDeps, range: FillRange, signal: AbortSignal): Promise<SiteFill[]> {
  const bySite = new Map<string, WatchScope[]>();
  for (const scope of deps.scopes) bySite.set(scope.site, [...(bySite.get(scope.site) ?? []), scope]);
  const states: SiteFill[] = [...bySite.keys()].map((site) => ({ site, state: 'waiting', found: 0, read: 0, approximate: 0 }));
  const tell = () => deps.onProgress(states.map((s) => ({ ...s })));
  tell();
  await Promise.all(
    states.map(async (state) => {
      try {
        await fillSite(deps, bySite.get(state.site)!, range, signal, state, tell);
      } catch (error) {
        state.state = 'failed';
        state.message = t('watch_fill_failed', { site: state.site, error: error instanceof Error ? error.message : String(error) });
      }
      if (signal.aborted && state.state !== 'done' && state.state !== 'failed') {
        state.state = 'stopped';
        state.message = tp('watch_fill_stopped', state.found, { read: state.read, site: state.site });
      }
      tell();
    }),
  );
  return states.map((s) => ({ ...s }));
}

async function fillSite(deps: FillDeps, scopes: readonly WatchScope[], range: FillRange, signal: AbortSignal, state: SiteFill, tell: () => void): Promise<void> {
  const site = state.site;
  const source = sourceOf(scopes[0]!);
  const fail = (message: string) => {
    state.state = 'failed';
    state.message = message;
  };
  state.state = 'listing';
  tell();

  let query: WatchScope['query'];
  if (source === 'jira') {
    // The projects the queues hold: a queue never listed (or one whose listing is lost) is listed now.
    const keys: string[] = [];
    for (const scope of scopes) {
      if (signal.aborted) return;
      const held = deps.held(scope);
      if (held) keys.push(...held);
      else {
        const listing = await deps.list(scope, signal);
        if (listing.ok) keys.push(...listing.keys);
      }
    }
    const projects = projectsOf(keys);
    if (projects.length === 0) return fail(t('watch_fill_no_projects', { site }));
    if (projects.length > MAX_PROJECTS) return fail(tp('watch_fill_too_many_projects', MAX_PROJECTS, { site }));
    query = { kind: 'jql', jql: resolvedJql(projects, range) };
  } else {
    query = { kind: 'search', search: solvedSearch(range) };
  }
  const fill: WatchScope = { id: `fill:${site}`, site, query, origin: 'team' };
  const listing = await deps.list(fill, signal);
  if (signal.aborted) return;
  if (!listing.ok) return fail(listingWords(site, listing));
  state.found = listing.keys.length;
  state.state = 'reading';
  tell();

  const pending: string[] = [];
  for (let at = 0; at < listing.keys.length; at += FILL_CHUNK) {
    if (signal.aborted) return;
    const chunk = listing.keys.slice(at, at + FILL_CHUNK);
    const outcome = await deps.read(fill, chunk, signal);
    if (outcome.facts.length > 0) await deps.record(fill, outcome.facts);
    state.read += outcome.facts.length;
    for (const f of outcome.facts) if (!f.exact) pending.push(f.key);
    state.approximate = pending.length;
    tell();
    if (outcome.failure) return fail(outcome.failure.message);
  }

  // Jira's histories come with its search: one cut short is not made whole by asking again.
  if (source === 'zendesk') await readHistories(deps, fill, pending, signal, state, tell);
  if (signal.aborted) return;
  state.state = 'done';
  delete state.message;
}

/** Reads the approximate tickets again at the audit budget's pace, until all are exact or tries stop helping. */
async function readHistories(deps: FillDeps, fill: WatchScope, pending: string[], signal: AbortSignal, state: SiteFill, tell: () => void): Promise<void> {
  let idle = 0;
  while (pending.length > 0 && idle < IDLE_TRIES && !signal.aborted) {
    state.state = 'pacing';
    state.message = tp('watch_fill_pacing', pending.length, { site: state.site });
    tell();
    await deps.sleep(PACE_MS, signal);
    let gained = 0;
    const round = [...pending];
    for (let at = 0; at < round.length && !signal.aborted; at += FILL_CHUNK) {
      const chunk = round.slice(at, at + FILL_CHUNK);
      const outcome = await deps.read(fill, chunk, signal, true);
      const exact = outcome.facts.filter((f) => f.exact);
      if (exact.length > 0) await deps.record(fill, exact);
      const done = new Set(exact.map((f) => f.key));
      gained += done.size;
      pending.splice(0, pending.length, ...pending.filter((k) => !done.has(k)));
      state.approximate = pending.length;
      tell();
      // The budget is spent for now (or the site failed): wait before the rest.
      if (outcome.failure || exact.length < chunk.length) break;
    }
    idle = gained > 0 ? 0 : idle + 1;
  }
}
