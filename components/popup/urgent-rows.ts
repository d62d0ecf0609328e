/**
 * The urgent list's rows: filter by source, site and a search, then group. Tickets arrive most
 * urgent first and keep that order; groups are ordered by their most urgent ticket, which is
 * simply the order in which each group first appears.
 */
import type { TicketSummary } from '../../lib/view/summary';
import type { TicketSource } from '../../lib/sla/index';
import { t as tr, type MessageKey } from '../../lib/i18n/core';

export type GroupBy = 'none' | 'assignee' | 'team' | 'site';

export const GROUP_BY_LABELS: Record<GroupBy, MessageKey> = { none: 'group_none', assignee: 'group_assignee', team: 'group_team', site: 'group_site' };

export interface UrgentFilter {
  source: TicketSource | 'all';
  /** A site exactly, or null for all. */
  site: string | null;
  /** Matched case-insensitively against the key and the title. */
  query: string;
}

export const NO_FILTER: UrgentFilter = { source: 'all', site: null, query: '' };

export interface TicketGroup {
  label: string;
  count: number;
}

export type UrgentRow =
  | { kind: 'header'; group: TicketGroup; groupIndex: number }
  /** `position`: the ticket's place among the shown tickets, in display order. */
  | { kind: 'ticket'; ticket: TicketSummary; position: number; groupIndex: number };

export function ticketId(t: Pick<TicketSummary, 'site' | 'key'>): string {
  return `${t.site}\u0000${t.key}`;
}

export function isFiltered(filter: UrgentFilter): boolean {
  return filter.source !== 'all' || filter.site !== null || filter.query.trim() !== '';
}

export function filterTickets(tickets: readonly TicketSummary[], filter: UrgentFilter): TicketSummary[] {
  if (!isFiltered(filter)) return tickets as TicketSummary[];
  const q = filter.query.trim().toLowerCase();
  return tickets.filter(
    (t) =>
      (filter.source === 'all' || t.source === filter.source) &&
      (filter.site === null || t.site === filter.site) &&
      (q === '' || t.key.toLowerCase().includes(q) || (t.title?.toLowerCase().includes(q) ?? false)),
  );
}

function groupLabel(t: TicketSummary, by: Exclude<GroupBy, 'none'>): string {
  switch (by) {
    case 'assignee':
      return t.assignee?.trim() || tr('unassigned');
    case 'team':
      return t.team?.trim() || tr('no_team');
    case 'site':
      return t.site;
  }
}

/** Rows to render (group headers and tickets) and the tickets in display order. */
export function urgentRows(tickets: readonly TicketSummary[], by: GroupBy): { rows: UrgentRow[]; shown: TicketSummary[] } {
  if (by === 'none') {
    return { rows: tickets.map((ticket, position) => ({ kind: 'ticket', ticket, position, groupIndex: -1 })), shown: tickets as TicketSummary[] };
  }
  const groups = new Map<string, TicketSummary[]>();
  for (const t of tickets) {
    const label = groupLabel(t, by);
    const members = groups.get(label);
    if (members) members.push(t);
    else groups.set(label, [t]);
  }
  const rows: UrgentRow[] = [];
  const shown: TicketSummary[] = [];
  let groupIndex = 0;
  for (const [label, members] of groups) {
    rows.push({ kind: 'header', group: { label, count: members.length }, groupIndex });
    for (const ticket of members) {
      rows.push({ kind: 'ticket', ticket, position: shown.length, groupIndex });
      shown.push(ticket);
    }
    groupIndex++;
  }
  return { rows, shown };
}

/** The sites among `tickets` (of the chosen source), alphabetically, with how many each has. */
export function siteChoices(tickets: readonly TicketSummary[], source: UrgentFilter['source']): Array<{ site: string; count: number }> {
  const counts = new Map<string, number>();
  for (const t of tickets) if (source === 'all' || t.source === source) counts.set(t.site, (counts.get(t.site) ?? 0) + 1);
  return [...counts].map(([site, count]) => ({ site, count })).sort((a, b) => a.site.localeCompare(b.site));
}
