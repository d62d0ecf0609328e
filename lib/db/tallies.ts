/**
 * Running totals of the ticket store: tickets per phase, approximate ones, tickets per site. A
 * ticket's phase, site and exactness change only when it is written, so totals that follow every
 * write are exact, and the popup reads one row instead of counting 10,000 (IndexedDB counts by
 * walking the index). The at-risk and breached counts depend on `now` and are counted at read time
 * over their small index ranges.
 *
 * The totals are kept in one place, a DBCore middleware under every write to `tickets` (put, add,
 * delete, a range delete, and what Dexie builds on them: bulk writes, modify, update, clear,
 * `where(…).delete()`), in the writer's own transaction. A writer cannot forget them.
 */
import type { DBCore, DBCoreKeyRange, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreRangeType, DBCoreTable, DBCoreTransaction, Middleware, Transaction } from 'dexie';
import type { TicketSource } from '../sla/index';
import type { SlaLensDatabase, StoredTicket } from './database';
import type { TicketPhase } from '../view/types';

export const TALLIES_KEY = 'ticketTallies';

export interface TicketTallies {
  total: number;
  phases: Record<TicketPhase, number>;
  /** Approximate tickets among the running and the paused ones. */
  approx: { running: number; paused: number };
  sites: Record<string, { source: TicketSource; tickets: number }>;
  /**
   * How many writes to the tickets the totals have followed. Rows read while it said n are still
   * what the store holds as long as it says n, so a writer need not read them again.
   */
  writes: number;
}

export function emptyTallies(): TicketTallies {
  return { total: 0, phases: { running: 0, paused: 0, stopped: 0, none: 0, unknown: 0 }, approx: { running: 0, paused: 0 }, sites: {}, writes: 0 };
}

/** What of a stored ticket the totals count. */
export interface Counted extends Pick<StoredTicket, 'site' | 'phase' | 'approx'> {
  source: TicketSource;
}

const counted = (row: StoredTicket): Counted => ({ site: row.site, source: row.facts.source, phase: row.phase, approx: row.approx });

/** Adds (`sign` 1) or removes (-1) one row's share. */
export function tally(t: TicketTallies, row: Counted, sign: 1 | -1): void {
  t.total += sign;
  t.phases[row.phase] += sign;
  if (row.approx === 1 && (row.phase === 'running' || row.phase === 'paused')) t.approx[row.phase] += sign;
  const site = (t.sites[row.site] ??= { source: row.source, tickets: 0 });
  site.tickets += sign;
  if (site.tickets <= 0) delete t.sites[row.site];
}

export function tallyAll(rows: Iterable<StoredTicket>): TicketTallies {
  const t = emptyTallies();
  for (const row of rows) tally(t, counted(row), 1);
  return t;
}

/**
 * Totals counted afresh after the old ones were lost. Their write count starts anywhere, so rows
 * read under the lost totals are never taken for current.
 */
export function recounted(rows: Iterable<StoredTicket>): TicketTallies {
  return { ...tallyAll(rows), writes: Math.floor(Math.random() * 2 ** 40) };
}

function isTallies(value: unknown): value is TicketTallies {
  const v = value as TicketTallies | undefined;
  return typeof v?.total === 'number' && typeof v.phases === 'object' && typeof v.approx === 'object' && typeof v.sites === 'object' && typeof v.writes === 'number';
}

/** The stored totals; counted from the rows when there are none yet (an empty store, or one just upgraded). */
export async function readTallies(db: SlaLensDatabase): Promise<TicketTallies> {
  const stored = (await db.meta.get(TALLIES_KEY))?.value;
  if (isTallies(stored)) return stored;
  const t = emptyTallies();
  await db.tickets.each((r) => tally(t, counted(r), 1));
  return t;
}

/** The store's write count (`TicketTallies.writes`), or null while it has no totals. */
export async function ticketWrites(db: SlaLensDatabase): Promise<number | null> {
  const stored = (await db.meta.get(TALLIES_KEY))?.value;
  return isTallies(stored) ? stored.writes : null;
}

const idOf = (key: unknown) => JSON.stringify(key);

/** Rows a writer vouches for, per native transaction: see `rowsAsRead`. */
const vouched = new WeakMap<object, { writes: number; rows: Map<string, Counted | undefined> }>();

/**
 * Tells the next write in `tx` what the stored rows for these keys are (undefined: none), as read
 * while the write count was `writes`, so it does not read them again. It takes them only if the
 * count still says `writes` when it writes; otherwise it reads them.
 */
export function rowsAsRead(tx: Transaction, writes: number, rows: ReadonlyArray<readonly [[string, string], StoredTicket | undefined]>): void {
  vouched.set(tx.idbtrans, { writes, rows: new Map(rows.map(([key, row]) => [idOf(key), row && counted(row)])) });
}

// DBCoreRangeType is an ambient const enum, which isolated modules cannot read.
const EVERYTHING = { type: 3 as DBCoreRangeType, lower: undefined, upper: undefined } satisfies DBCoreKeyRange;

/**
 * One write to `tickets`, with the totals: the rows it replaces or removes are read first (unless
 * vouched for), the write is made, and the totals move by what actually changed (a failed
 * operation changes nothing), all in the writer's transaction.
 */
function writeCounting(tickets: DBCoreTable, meta: DBCoreTable, req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
  const { trans } = req;
  const primaryKey = tickets.schema.primaryKey;
  const rowsIn = (range: DBCoreKeyRange) => tickets.query({ trans, values: true, query: { index: primaryKey, range } }).then((r) => r.result as StoredTicket[]);
  let totals: TicketTallies;
  let keys: unknown[] = [];
  const before = new Map<string, Counted | undefined>();
  // Before anything is written: a row the totals cannot count is refused, not half-written.
  const incoming = req.type === 'put' || req.type === 'add' ? req.values.map((v: StoredTicket) => counted(v)) : [];
  return meta
    .get({ trans, key: TALLIES_KEY })
    .then((row: { value?: unknown } | undefined) => (isTallies(row?.value) ? row.value : rowsIn(EVERYTHING).then(recounted)))
    .then((t) => {
      totals = t;
      const known = vouched.get(trans);
      vouched.delete(trans);
      if (req.type === 'deleteRange') return rowsIn(req.range).then((rows) => void rows.forEach((r) => before.set(idOf(primaryKey.extractKey!(r)), counted(r))));
      keys = req.type === 'delete' ? req.keys : (req.keys ?? req.values.map((v) => primaryKey.extractKey!(v)));
      // An add replaces nothing: where a row exists it fails.
      if (req.type === 'add') return undefined;
      const trusted = known?.writes === totals.writes ? known.rows : new Map<string, Counted | undefined>();
      for (const k of keys) if (trusted.has(idOf(k))) before.set(idOf(k), trusted.get(idOf(k)));
      const unread = keys.filter((k) => !trusted.has(idOf(k)));
      if (unread.length === 0) return undefined;
      // 'immutable': served from the rows Dexie's modify() has just read in this transaction, if those.
      return tickets
        .getMany({ trans, keys: unread, cache: 'immutable' })
        .then((rows: Array<StoredTicket | undefined>) => void unread.forEach((k, i) => before.set(idOf(k), rows[i] && counted(rows[i]))));
    })
    .then(() => tickets.mutate(req))
    .then((res) => {
      const now = new Map(before);
      if (req.type === 'deleteRange') {
        if (res.numFailures === 0) for (const id of before.keys()) now.set(id, undefined);
      } else {
        // In order, so a key written twice in one request counts once.
        keys.forEach((k, i) => {
          if (res.failures[i]) return;
          now.set(idOf(k), incoming[i]);
        });
      }
      for (const [id, row] of now) {
        const old = before.get(id);
        if (row === old) continue;
        if (old) tally(totals, old, -1);
        if (row) tally(totals, row, 1);
      }
      totals.writes++;
      return meta.mutate({ trans, type: 'put', values: [{ key: TALLIES_KEY, value: totals }] }).then(() => res);
    });
}

/** Writes to `tickets` in one transaction take turns, so none reads totals another is about to change. */
const turns = new WeakMap<object, Promise<unknown>>();
function inTurn<T>(trans: DBCoreTransaction, run: () => Promise<T>): Promise<T> {
  const previous = turns.get(trans);
  const mine = previous ? previous.then(run) : run();
  turns.set(
    trans,
    mine.catch(() => undefined),
  );
  return mine;
}

/** An upgrade's transaction (IndexedDB's `versionchange`): rows may be in an older shape there. */
const isUpgrade = (trans: DBCoreTransaction) => (trans as unknown as IDBTransaction).mode === 'versionchange';

/**
 * The middleware (`db.use(ticketTallies)`). Every read-write transaction over `tickets` also
 * covers `meta`, where the totals live. In an upgrade the totals are dropped, to be counted again
 * from the upgraded rows (the upgrade does it, or the next reader and writer).
 */
export const ticketTallies: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'TicketTallies',
  create(down) {
    return {
      ...down,
      transaction(stores, mode, options) {
        return down.transaction(mode === 'readwrite' && stores.includes('tickets') && !stores.includes('meta') ? [...stores, 'meta'] : stores, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (name !== 'tickets') return table;
        const meta = down.table('meta');
        return {
          ...table,
          mutate: (req) =>
            inTurn(req.trans, () => (isUpgrade(req.trans) ? meta.mutate({ trans: req.trans, type: 'delete', keys: [TALLIES_KEY] }).then(() => table.mutate(req)) : writeCounting(table, meta, req))),
        };
      },
    };
  },
};
