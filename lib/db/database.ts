import Dexie, { type EntityTable } from 'dexie';
import type { ConfigChange, ConfigV1, ResolvedPolicy } from '../config/index';
import type { CalendarSpec, StatusChange, TicketFacts, TicketSource } from '../sla/index';
import type { BadgeState, SlaView, TicketPhase } from '../view/types';
import { matchedFields, storedFacts } from './capacity';
import { recounted, TALLIES_KEY, ticketTallies } from './tallies';
import { decidedTargets, type DecidedTarget } from '../report/decide';

/** The extension's one IndexedDB database, in the extension origin (shared by background, popup, options). */
export const DATABASE_NAME = 'sla-lens';

/** Small key/value facts: which config version is active, settings. */
export interface MetaRow {
  key: string;
  value: unknown;
}

/** Where an applied configuration came from. */
export type ConfigSource =
  | { kind: 'file'; fileName: string }
  | { kind: 'paste' }
  | { kind: 'zendesk'; fileNames: string[] }
  | { kind: 'rollback'; toVersion: number }
  | { kind: 'sample' }
  /** Fetched from the URL a team subscribed to; the ETag the server gave it, if any. */
  | { kind: 'subscription'; url: string; etag?: string }
  /** Pushed by the organisation's browser policy: inline, or from the URL the policy names. */
  | { kind: 'policy'; url?: string };

/** One amendment of the SLA configuration: the applied document in full, append-only. */
export interface ConfigVersion {
  /** The version number, counting from 1. */
  id: number;
  appliedAt: number;
  /** SHA-256 of the document's canonical JSON. */
  hash: string;
  source: ConfigSource;
  /** What the admin typed when applying (may be empty). */
  note: string;
  document: ConfigV1;
  /** What changed from the version before. */
  changes: ConfigChange[];
}

/** A calendar of the active configuration. */
export interface StoredCalendar {
  id: string;
  spec: CalendarSpec;
}

/**
 * A ticket an overlay has seen, per site and key: what the popup lists. What the ticket is (title,
 * address, source, assignee…) is read from its facts, never from copies beside them.
 */
export interface StoredTicket {
  site: string;
  key: string;
  /**
   * What the popup groups the ticket under (Jira project or Zendesk group): worked out from the
   * facts when the row is written (evaluate.ts), so the popup needs no rule of its own. Written as
   * undefined when the facts name none, and IndexedDB keeps such a property: rows read back have it.
   */
  team?: string | undefined;
  view: SlaView;
  /** The facts the view was computed from, so a new configuration can evaluate the ticket again. */
  facts: TicketFacts;
  /** What only new facts change (ticket-state.ts); with riskAt and dueAt it finds tickets by state at any instant. */
  phase: TicketPhase;
  /** When a running ticket turns at-risk; Infinity otherwise. */
  riskAt: number;
  /** When its most urgent clock breaches (running), or the shown clock's due instant. */
  dueAt: number;
  /** 1 when the figures are approximate (IndexedDB cannot index booleans). */
  approx: 0 | 1;
  /** When its first aging flag turns on (issue 18 §2); Infinity when it has none. Stale ⟺ staleAt ≤ now. */
  staleAt: number;
  /** The metrics already alerted for (`resolution`, `first-response`), so each alerts once; undefined (as `team`) until one has. */
  notified?: string[] | undefined;
  firstSeen: number;
  lastSeen: number;
  /** Statuses seen over time, for sites that give no history (approximate pauses). */
  observed: StatusChange[];
}

/** A decided target as the report reads it (lib/report/decide.ts). */
export type StoredOutcome = DecidedTarget;

export class SlaLensDatabase extends Dexie {
  meta!: EntityTable<MetaRow, 'key'>;
  calendars!: EntityTable<StoredCalendar, 'id'>;
  /** The active policies, resolved; `index` is their precedence. */
  policies!: EntityTable<ResolvedPolicy, 'id'>;
  configVersions!: EntityTable<ConfigVersion, 'id'>;
  tickets!: Dexie.Table<StoredTicket, [string, string]>;
  /** Every target decided, by ticket, policy, metric and cycle (issues 17, 18): what the report counts, kept beyond the tickets' own limits. */
  decisions!: Dexie.Table<StoredOutcome, [string, string, string, string, number]>;

  /**
   * Told after a write made another configuration version active (apply, rollback, any future
   * writer): the context publishes it to the content scripts and the background.
   */
  readonly onActiveVersion: (id: number) => Promise<void> | void;

  constructor(name = DATABASE_NAME, options: { onActiveVersion?: (id: number) => Promise<void> | void } = {}) {
    super(name);
    this.onActiveVersion = options.onActiveVersion ?? (() => undefined);
    // The running totals follow every write to the tickets, whoever writes (tallies.ts).
    this.use(ticketTallies);
    // Every schema change adds a version with its upgrade and a test that upgrades real data.
    this.version(1).stores({ meta: 'key', calendars: 'id', policies: 'id, index', configVersions: '++id, appliedAt' });
    // 2: the tickets overlays have seen. Nothing to convert: the table is new.
    this.version(2).stores({ tickets: '[site+key], state, dueAt, lastSeen, site' });
    // 3: tickets are found by what they will be at any instant (phase + riskAt / dueAt), not by the
    // state they had when last seen. Old rows get their phase from that state; the background
    // derives riskAt again from their clocks when it starts (refreshStoredTickets).
    this.version(3)
      .stores({ tickets: '[site+key], lastSeen, site, [phase+dueAt], [phase+riskAt], [approx+phase]' })
      .upgrade((tx) =>
        tx
          .table('tickets')
          .toCollection()
          .modify((row: Record<string, unknown>) => {
            const state = row.state as BadgeState;
            const phase: TicketPhase =
              state === 'ok' || state === 'at-risk' || state === 'breached' ? 'running' : state === 'paused' ? 'paused' : state === 'met' || state === 'missed' ? 'stopped' : state;
            row.phase = phase;
            row.riskAt = phase === 'running' ? (state === 'ok' ? row.dueAt : -Infinity) : Infinity;
            row.approx = (row.view as SlaView | undefined)?.exact === false ? 1 : 0;
          }),
      );
    // 4: what was written and never read goes: the state a ticket had when last seen (readers work
    // it out from the view at their own instant), and copies of the priority and status (the facts
    // hold them; a version 2 row has no facts yet, so it gets them first, while its priority and
    // status are still there). Same indexes.
    this.version(4)
      .stores({})
      .upgrade((tx) =>
        tx
          .table('tickets')
          .toCollection()
          .modify((row: Record<string, unknown>) => {
            row.facts ??= recoveredFacts(row);
            delete row.state;
            delete row.priority;
            delete row.status;
          }),
      );
    // 5: the facts are a ticket's one record of what it is: the flat copies of its source, title,
    // address and assignee go (readers read the facts), and a version 2 row without facts gets
    // them. The totals are counted again from the upgraded rows. Same indexes.
    this.version(5)
      .stores({})
      .upgrade((tx) => {
        const tickets = tx.table('tickets');
        return tickets
          .toCollection()
          .modify((row: Record<string, unknown>) => {
            row.facts ??= recoveredFacts(row);
            delete row.source;
            delete row.title;
            delete row.url;
            delete row.assignee;
          })
          .then(() => tickets.toArray())
          .then((rows: StoredTicket[]) => tx.table('meta').put({ key: TALLIES_KEY, value: recounted(rows) }));
      });
    // 6: a store with limits (capacity.ts). Each site's least recently seen tickets are found by
    // [site+lastSeen], and a ticket keeps only the custom fields some policy matches on: the others
    // (phone numbers, addresses, order numbers…) were never used. Zendesk facts from before sources
    // gave aliases kept the group, organization and assignee ids among their fields: they become
    // the aliases, so trimming the fields loses no match.
    this.version(6)
      .stores({ tickets: '[site+key], lastSeen, site, [site+lastSeen], [phase+dueAt], [phase+riskAt], [approx+phase]' })
      .upgrade(async (tx) => {
        const policies = (await tx.table('policies').toArray()) as ResolvedPolicy[];
        const kept = matchedFields(policies.filter((p) => Array.isArray(p.match)));
        const tickets = tx.table('tickets');
        await tickets.toCollection().modify((row: StoredTicket) => {
          row.facts = storedFacts(withRecordedAliases(row.facts), kept);
        });
        // The totals do not move (no phase, site or exactness changed), but an upgrade's writes drop them.
        await tx.table('meta').put({ key: TALLIES_KEY, value: recounted((await tickets.toArray()) as StoredTicket[]) });
      });
    // 7: the targets decided, in a table of their own, so that a report of a year (issue 17) finds
    // a period's by the instant they were decided, and keeps them when their tickets give way to
    // the store's limits. Filled from the tickets held now.
    this.version(7)
      .stores({ outcomes: '[site+key+policyId+metric], decidedAt, [site+key]' })
      .upgrade(async (tx) => {
        const calendars = Object.fromEntries(((await tx.table('calendars').toArray()) as StoredCalendar[]).map((c) => [c.id, c.spec]));
        const rows = (await tx.table('tickets').toArray()) as StoredTicket[];
        await tx.table('outcomes').bulkPut(rows.flatMap((row) => decidedTargets(row, calendars, Date.now())));
      });
    // 8 and 9: a metric that recurs (next reply, the updates: issue 18) decides a target every
    // cycle, so a decision is keyed by its cycle too. IndexedDB cannot change a table's key: the
    // decisions move to a table of their own (every one kept so far is its metric's first cycle),
    // and the old table goes in the next version.
    this.version(8)
      .stores({ decisions: '[site+key+policyId+metric+cycle], decidedAt, [site+key]' })
      .upgrade(async (tx) => {
        const kept = (await tx.table('outcomes').toArray()) as Array<Omit<DecidedTarget, 'cycle'>>;
        await tx.table('decisions').bulkPut(kept.map((o) => ({ ...o, cycle: 0 })));
      });
    this.version(9).stores({ outcomes: null });
    // 10: the tickets' aging flags (issue 18 §2), found by when they turn on. No ticket had any.
    this.version(10)
      .stores({ tickets: '[site+key], lastSeen, site, [site+lastSeen], [phase+dueAt], [phase+riskAt], [approx+phase], staleAt' })
      .upgrade(async (tx) => {
        const tickets = tx.table('tickets');
        await tickets.toCollection().modify((row: StoredTicket) => {
          row.staleAt = Infinity;
        });
        // As in 6: the totals do not move, but an upgrade's writes drop them.
        await tx.table('meta').put({ key: TALLIES_KEY, value: recounted((await tickets.toArray()) as StoredTicket[]) });
      });
  }
}

/** Zendesk facts recorded before `aliases`: the ids their fields kept, as aliases. */
function withRecordedAliases(facts: TicketFacts): TicketFacts {
  if (facts.aliases !== undefined || facts.source !== 'zendesk') return facts;
  const id = (name: string) => {
    const value = facts.fields?.[`${name}_id`];
    return typeof value === 'number' || (typeof value === 'string' && value !== '') ? String(value) : undefined;
  };
  const aliases: NonNullable<TicketFacts['aliases']> = {};
  for (const name of ['group', 'organization', 'assignee'] as const) {
    const value = id(name);
    if (value !== undefined) aliases[name] = value;
  }
  return { ...facts, aliases };
}

/**
 * Facts for a row version 2 wrote (before facts were kept), from what the row holds: its flat
 * copies, and the creation, resolution and first reply its clocks were started and stopped at.
 * Its status history was never kept, so they are approximate, as evaluating them again says.
 */
function recoveredFacts(row: Record<string, unknown>): TicketFacts {
  const view = row.view as SlaView;
  const stopOf = (metric: string) => view.clocks.find((c) => c.metric === metric)?.clock.stop ?? null;
  const observed = (row.observed as StatusChange[] | undefined) ?? [];
  const source = row.source as TicketSource;
  const facts: Record<string, unknown> = {
    source,
    site: row.site,
    key: row.key,
    title: row.title,
    url: row.url,
    // Version 2 wrote the project (Jira) or the group (Zendesk) as the team.
    [source === 'zendesk' ? 'group' : 'project']: row.team,
    assignee: row.assignee,
    priority: row.priority,
    status: row.status ?? observed[observed.length - 1]?.status,
    // Every clock starts when the ticket was created.
    created: view.clocks[0]?.clock.start ?? row.firstSeen,
    resolvedAt: stopOf('resolution'),
    firstResponseAt: stopOf('first-response'),
    exact: false,
  };
  for (const [name, value] of Object.entries(facts)) if (value === undefined) delete facts[name];
  return facts as unknown as TicketFacts;
}
