/**
 * The background's answer to an overlay: validate what the content script sent (a page can put
 * anything in the DOM it reads), evaluate every ticket against the active configuration, record
 * what was seen for the popup, and return the views the overlay ticks locally.
 */
import { calendarsFor, viewFor } from '../config/clocks';
import { isDeclaredSite, namingSite } from '../config/match';
import type { ResolvedConfig } from '../config/index';
import type { SlaView } from '../view/types';
import type { RefusedTicket } from '../messaging/schema';
import type { EvaluateRequest, EvaluateResponse } from '../messaging/types';
import type { StatusChange, TicketFacts } from '../sla/index';
import { activeConfig } from './config-store';
import { activeVersionId } from './active-version';
import type { SlaLensDatabase, StoredTicket } from './database';
import { rowsAsRead, ticketWrites } from './tallies';
import { readView } from '../view/read-view';
import { configFields, enforceTicketCaps, storedFacts, TICKET_CAPS, withTicketSpace, type TicketCaps } from './capacity';
import { t, tp } from '../i18n/core';
import { decidedTargets, type DecidedTarget } from '../report/decide';
import { replaceOutcomes } from './outcomes';
import type { CalendarSpecs } from '../view/calendars';
import { firstStaleAt } from '../view/aging';

/** What a stored ticket indexes, read from its view at `now` (ticket-state.ts). */
function indexedFields(view: SlaView, calendars: CalendarSpecs, now: number): Pick<StoredTicket, 'phase' | 'riskAt' | 'dueAt' | 'approx' | 'staleAt'> {
  const { phase, riskAt, dueAt } = readView(view, calendars, now);
  // The popup finds the stale tickets by it (issue 18 §2).
  return { phase, riskAt, dueAt, approx: view.exact ? 0 : 1, staleAt: firstStaleAt(view.aging, calendars) };
}

export function ticketRow(site: string, ticket: TicketFacts, view: SlaView, calendars: CalendarSpecs, now: number, before: StoredTicket | undefined, observed: StatusChange[]): StoredTicket {
  return {
    site,
    key: ticket.key,
    // The adapter names the team; facts recorded before it did carry only their project or group.
    team: ticket.team ?? ticket.project ?? ticket.group,
    view,
    facts: ticket,
    ...indexedFields(view, calendars, now),
    notified: before?.notified,
    // recordTickets keeps the first sighting of a ticket seen before.
    firstSeen: before?.firstSeen ?? now,
    lastSeen: now,
    observed,
  };
}

/** The active configuration, read again only when another version became active. */
export function createConfigCache(db: SlaLensDatabase) {
  let cached: { version: number | null; config: ResolvedConfig | null } | null = null;
  return async (): Promise<{ version: number | null; config: ResolvedConfig | null }> => {
    // Per message: the id only (one small row); the configuration is read again only when it changed.
    const version = await activeVersionId(db);
    if (!cached || cached.version !== version) cached = { version, config: version === null ? null : await activeConfig(db) };
    return cached;
  };
}

function observedAfter(stored: StoredTicket | undefined, ticket: TicketFacts, now: number): StatusChange[] {
  const observed = stored?.observed ?? [];
  if (!ticket.status || observed[observed.length - 1]?.status === ticket.status) return observed;
  return [...observed, { at: now, status: ticket.status }].slice(-200);
}

/**
 * A row to record, with the stored row it was built on when evaluation read one (tickets without
 * history), and the store's write count at that read (`TicketTallies.writes`).
 */
export interface Sighting {
  row: StoredTicket;
  read?: { writes: number; stored: StoredTicket | undefined };
  /**
   * The row's targets decided at evaluation, for the report (outcomes.ts): worked out when the
   * row is written, after the overlay has its answer, not on the way to it.
   */
  decided?: () => DecidedTarget[];
}

/**
 * The views for an overlay's tickets, and the sightings to record for the popup. Nothing is
 * written here: the caller answers the overlay first and records afterwards (`recordTickets`), so
 * badges never wait on a database write.
 */
export async function evaluateTickets(
  db: SlaLensDatabase,
  request: EvaluateRequest,
  config: { version: number | null; config: ResolvedConfig | null },
  now: number,
  refused: readonly RefusedTicket[] = [],
  selfHosted: ReadonlySet<string> = new Set(),
): Promise<{ response: EvaluateResponse; sightings: Sighting[] }> {
  const unknown = (key: string): SlaView => ({ key, kind: 'unknown', clocks: [], exact: false, note: t('db_note_unreadable') });
  // A ticket the background would not take says why on its badge; nothing of it is recorded.
  const notTaken = refused.map(({ key, reason }): SlaView => ({ key, kind: 'unknown', clocks: [], exact: false, note: t('db_note_refused', { reason }) }));
  if (!config.config) {
    const views = request.tickets.map((ticket): SlaView => ({ key: ticket.key, kind: 'none', clocks: [], exact: true, note: t('note_no_config') }));
    return { response: { views: [...views, ...(request.unreadable ?? []).map(unknown), ...notTaken], calendars: {}, configVersion: null }, sightings: [] };
  }
  // Another tenant's tickets (a vendor's Jira, a customer's Zendesk) are not the organisation's:
  // badged only where a policy names their site, and never recorded, counted or alerted.
  const ours = isDeclaredSite(config.config, request.site, selfHosted);
  const active = ours ? config.config : namingSite(config.config, request.site);
  // Stored rows matter only for tickets without history (their observed statuses): a site that
  // gives history costs no database read before the overlay is answered. They are read with the
  // store's write count, so that recording them need not read them again. Another tenant's
  // tickets are never stored: nothing to read, and no row to build.
  const blind = ours ? request.tickets.filter((t) => !t.statusHistory) : [];
  const [writes, rows] =
    blind.length === 0
      ? [null, []]
      : await db.transaction('r', db.tickets, db.meta, () => Promise.all([ticketWrites(db), db.tickets.bulkGet(blind.map((t) => [request.site, t.key] as [string, string]))]));
  const stored = new Map(rows.map((row, i) => [blind[i]!.key, row]));
  const sightings: Sighting[] = [];
  const views = request.tickets.map((ticket) => {
    const before = stored.get(ticket.key);
    const observed = observedAfter(before, ticket, now);
    const view = viewFor(active, ticket, { observed });
    if (ours) {
      const row = ticketRow(request.site, storedFacts(ticket, configFields(active)), view, active.calendars, now, before, observed);
      const calendars = active.calendars;
      const decided = () => decidedTargets(row, calendars, now);
      sightings.push(writes !== null && stored.has(ticket.key) ? { row, decided, read: { writes, stored: before } } : { row, decided });
    }
    return view;
  });
  const all = [...views, ...(request.unreadable ?? []).map(unknown), ...notTaken];
  return { response: { views: all, calendars: calendarsFor(active, all), configVersion: config.version }, sightings };
}

/**
 * Records what overlays saw, each row merged with the one stored when it is written: a ticket seen
 * again keeps when it was first seen, and its alerts. Each stored row is read once: a row
 * evaluation read is still current while the store's write count has not moved since (nothing
 * wrote the tickets in between, an alert or an earlier record, say), the others are read here, and
 * the write is told what they all are (`rowsAsRead`) so it does not read them again for the totals.
 */
export async function recordTickets(db: SlaLensDatabase, sightings: readonly Sighting[]): Promise<void> {
  if (sightings.length === 0) return;
  const keyOf = ({ row }: Sighting): [string, string] => [row.site, row.key];
  await db.transaction('rw', [db.tickets, db.meta, db.decisions], async (tx) => {
    const writes = await ticketWrites(db);
    const current = (s: Sighting) => writes !== null && s.read?.writes === writes;
    const unread = sightings.filter((s) => !current(s));
    const read = new Map((await db.tickets.bulkGet(unread.map(keyOf))).map((row, i) => [unread[i]!, row]));
    const stored = sightings.map((s) => (current(s) ? s.read!.stored : read.get(s)));
    if (writes !== null)
      rowsAsRead(
        tx,
        writes,
        sightings.map((s, i) => [keyOf(s), stored[i]] as const),
      );
    // The alerts already shown stay remembered: each ticket and metric alerts once.
    await db.tickets.bulkPut(sightings.map(({ row }, i) => ({ ...row, firstSeen: Math.min(row.firstSeen, stored[i]?.firstSeen ?? row.firstSeen), notified: row.notified ?? stored[i]?.notified })));
    const decided = sightings.filter((s) => s.decided !== undefined);
    await replaceOutcomes(
      db,
      decided.map((s) => s.row),
      decided.flatMap((s) => s.decided!()),
    );
  });
}

export interface RecorderOptions {
  /** Quiet time after the last evaluation before writing (default 300 ms). */
  delayMs?: number;
  /** Longest wait after the first evaluation of a burst (default 3 s). */
  maxWaitMs?: number;
  schedule?: (fn: () => void, ms: number) => unknown;
  clock?: () => number;
  /** The store's limits, kept after every write (capacity.ts). */
  caps?: TicketCaps;
  /** After a write that kept what it was given. */
  onRecorded?: () => void;
  /**
   * What became of the store on each write: null when all was kept and nothing had to give way,
   * else what the user should know (tickets forgotten to make room, or a write the browser refused).
   */
  onStorage?: (problem: string | null) => void;
}

/**
 * Gathers the sightings of a burst of evaluations (an overlay sends one per API answer) and
 * writes them together once the burst is over: `delayMs` after the last evaluation, or
 * `maxWaitMs` after the first, so recording never competes with the answers still to come. The
 * latest sighting per ticket wins. When the browser's storage is full the least recently seen
 * tickets give way (capacity.ts); a write that fails all the same is reported, never thrown:
 * losing a record must not break badges.
 */
export function createTicketRecorder(db: SlaLensDatabase, options: RecorderOptions = {}) {
  const { delayMs = 300, maxWaitMs = 3000, schedule = setTimeout, clock = Date.now, caps = TICKET_CAPS, onRecorded = () => undefined, onStorage = () => undefined } = options;
  let waiting = new Map<string, Sighting>();
  let firstAt: number | null = null;
  // Each add plans a flush; only the latest plan runs (the schedule cannot be cancelled).
  let plan = 0;
  const flush = async () => {
    plan++;
    firstAt = null;
    const sightings = [...waiting.values()];
    waiting = new Map();
    if (sightings.length === 0) return;
    let freed = 0;
    try {
      await withTicketSpace(
        db,
        () => recordTickets(db, sightings),
        (n) => (freed += n),
      );
      await enforceTicketCaps(db, caps);
    } catch (error) {
      console.error('SLA Lens could not record tickets', error);
      onStorage(t('db_storage_refused', { error: error instanceof Error ? error.name || error.message : String(error) }));
      return;
    }
    onStorage(freed > 0 ? tp('db_storage_full', freed) : null);
    onRecorded();
  };
  return {
    add(sightings: readonly Sighting[]): void {
      for (const s of sightings) waiting.set(`${s.row.site}\u0000${s.row.key}`, s);
      if (waiting.size === 0) return;
      const now = clock();
      firstAt ??= now;
      const mine = ++plan;
      schedule(
        () => {
          if (mine === plan) void flush();
        },
        Math.max(0, Math.min(delayMs, firstAt + maxWaitMs - now)),
      );
    },
    flush,
  };
}

/** Evaluates and records in one go (for callers that do not answer anyone in between). */
export async function evaluateRequest(db: SlaLensDatabase, request: EvaluateRequest, config: { version: number | null; config: ResolvedConfig | null }, now: number): Promise<EvaluateResponse> {
  const { response, sightings } = await evaluateTickets(db, request, config, now);
  await recordTickets(db, sightings);
  return response;
}

/** Where an unfinished `refreshStoredTickets` got to, so that the next start goes on from there. */
export const REFRESH_CURSOR_KEY = 'ticketsRefreshCursor';

interface RefreshCursor {
  version: number | null;
  after: [string, string];
}

/**
 * Brings every stored ticket up to date with `config` at `now`: each is matched and evaluated
 * again from its facts (a new configuration may change its policy; it keeps only the custom fields
 * the new one matches on) and its indexed fields derived again. Run when another configuration
 * becomes active and when the background starts (after an upgrade). Rows are rewritten `chunk` at
 * a time, each chunk in its own transaction with a note of where it got to: a service worker
 * stopped halfway goes on from that note for the same version, never from the start. Returns how
 * many rows were rewritten.
 */
export async function refreshStoredTickets(db: SlaLensDatabase, config: { version?: number | null; config: ResolvedConfig | null }, now: number, chunk = 500): Promise<number> {
  const active = config.config;
  const version = config.version ?? null;
  const kept = active ? configFields(active) : new Set<string>();
  const saved = (await db.meta.get(REFRESH_CURSOR_KEY))?.value as RefreshCursor | undefined;
  let after: [string, string] | null = saved && saved.version === version ? saved.after : null;
  let rewritten = 0;
  for (;;) {
    const from = after;
    const done = await db.transaction('rw', [db.tickets, db.meta, db.decisions], async () => {
      let last: [string, string] | null = null;
      const rewrote: StoredTicket[] = [];
      // modify(): the rows it reads are the ones the totals' middleware sees replaced, read once.
      const count = await (from ? db.tickets.where(':id').above(from) : db.tickets.toCollection()).limit(chunk).modify((row) => {
        const facts = storedFacts(row.facts, kept);
        const view: SlaView = active ? viewFor(active, facts, { observed: row.observed }) : { key: row.key, kind: 'none', clocks: [], exact: true, note: t('note_no_config') };
        Object.assign(row, { facts, view, ...indexedFields(view, active?.calendars ?? {}, now) });
        rewrote.push(row);
        last = [row.site, row.key];
      });
      // Decided again under the configuration now active: the report counts what it says.
      await replaceOutcomes(
        db,
        rewrote,
        rewrote.flatMap((row) => decidedTargets(row, active?.calendars ?? {}, now)),
      );
      if (last === null) return true;
      after = last;
      rewritten += count;
      await db.meta.put({ key: REFRESH_CURSOR_KEY, value: { version, after } satisfies RefreshCursor });
      return count < chunk;
    });
    if (done) break;
  }
  await db.meta.delete(REFRESH_CURSOR_KEY);
  return rewritten;
}
