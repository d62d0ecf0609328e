import { Fragment, type JSX, type TargetedKeyboardEvent } from 'preact';
import { useId, useMemo, useRef, useState } from 'preact/hooks';
import type { TicketSummary } from '../../lib/view/summary';
import { Button } from '../Button';
import { CountdownPill } from './CountdownPill';
import { openableUrl } from '../../lib/view/ticket-url';
import { pillText, formatDue, metricWords, type TimeFormat } from '../../lib/view/words';
import { formatNumber, sentence, t, tp } from '../../lib/i18n/core';
import { filterTickets, GROUP_BY_LABELS, isFiltered, NO_FILTER, siteChoices, ticketId, urgentRows, type GroupBy, type UrgentFilter, type UrgentRow } from './urgent-rows';
import { rowOffsets, scrollToReveal, visibleWindow } from './virtual-window';

/** Row heights in px: the list renders only the rows in view, so every row's height is known. */
export const TICKET_ROW_HEIGHT = 56;
export const HEADER_ROW_HEIGHT = 28;
const OVERSCAN = 4;

export interface UrgentListProps {
  /** At-risk and breached tickets, most urgent first. */
  tickets: readonly TicketSummary[];
  now: number;
  onOpen: (ticket: TicketSummary) => void;
  format?: TimeFormat | undefined;
  /** The scroll area's height in px. */
  viewportHeight?: number;
}

function pillTitle(ticket: TicketSummary, now: number, format: TimeFormat | undefined): string {
  const due = formatDue(ticket.dueAt, now, format);
  const head = ticket.state === 'breached' ? t('urgent_breached_at', { due }) : t(ticket.businessTime ? 'urgent_due_business' : 'urgent_due_calendar', { due });
  return ticket.exact ? head : `${sentence(head)} ${t('tip_approximate', { why: t('approx_inferred') })}`;
}

function TicketRow({
  ticket,
  position,
  count,
  active,
  now,
  format,
  optionId,
  onClick,
}: {
  ticket: TicketSummary;
  position: number;
  count: number;
  active: boolean;
  now: number;
  format: TimeFormat | undefined;
  optionId: string;
  onClick: () => void;
}) {
  const openable = openableUrl(ticket.url, ticket.site) !== null;
  const meta = [ticket.site, ticket.assignee?.trim() || t('unassigned'), ticket.policyName || ticket.policyId, metricWords(ticket.metric)].filter(Boolean);
  return (
    <div
      role="option"
      id={optionId}
      class={`urgent-row${openable ? '' : ' urgent-row--no-link'}`}
      style={{ height: `${TICKET_ROW_HEIGHT}px` }}
      aria-selected={active}
      aria-disabled={openable ? undefined : 'true'}
      aria-posinset={position + 1}
      aria-setsize={count}
      title={openable ? undefined : t('urgent_no_link')}
      onClick={onClick}
    >
      <span class="urgent-row__line">
        <span class="urgent-row__key">{ticket.key}</span>{' '}
        <span class="urgent-row__title" dir="auto">
          {ticket.title?.trim() || t('urgent_no_title')}
        </span>{' '}
        <CountdownPill state={ticket.state} text={pillText(ticket, now)} title={pillTitle(ticket, now, format)} />
      </span>{' '}
      <span class="urgent-row__meta">
        {/* Each part in its own direction: a Hebrew line may hold a Latin host and an English policy name. */}
        {meta.map((part, i) => (
          <Fragment key={i}>
            {i > 0 && ' · '}
            <bdi>{part}</bdi>
          </Fragment>
        ))}
        {!openable && <span class="urgent-row__no-link"> · {t('urgent_no_link_short')}</span>}
      </span>
    </div>
  );
}

/**
 * The at-risk and breached tickets: a listbox that renders only the rows in view (it may hold
 * 10,000), with grouping, filters and a search. Arrow keys move through it, Enter opens a ticket.
 */
export function UrgentList({ tickets, now, onOpen, format, viewportHeight = 336 }: UrgentListProps) {
  const baseId = useId();
  const viewport = useRef<HTMLDivElement>(null);
  const [groupBy, setGroupBy] = useState<GroupBy>('none');
  const [filter, setFilter] = useState<UrgentFilter>(NO_FILTER);
  const [scrollTop, setScrollTop] = useState(0);
  const [activeId, setActiveId] = useState<string | null>(null);

  const sites = useMemo(() => siteChoices(tickets, filter.source), [tickets, filter.source]);
  const filtered = useMemo(() => filterTickets(tickets, filter), [tickets, filter]);
  const { rows, shown } = useMemo(() => urgentRows(filtered, groupBy), [filtered, groupBy]);
  const offsets = useMemo(() => rowOffsets(rows.map((r) => (r.kind === 'header' ? HEADER_ROW_HEIGHT : TICKET_ROW_HEIGHT))), [rows]);
  const rowOfPosition = useMemo(() => {
    const index: number[] = [];
    rows.forEach((r, i) => r.kind === 'ticket' && index.push(i));
    return index;
  }, [rows]);

  const activePosition = Math.max(0, activeId === null ? 0 : shown.findIndex((t) => ticketId(t) === activeId));
  const { start, end } = visibleWindow(offsets, scrollTop, viewportHeight, OVERSCAN);
  const optionId = (position: number) => `${baseId}-option-${position}`;
  const activeRow = rowOfPosition[activePosition];
  const activeRendered = activeRow !== undefined && activeRow >= start && activeRow < end;

  function change(next: Partial<UrgentFilter>) {
    setFilter((f) => {
      const merged = { ...f, ...next };
      // A site of the other source cannot match: drop it rather than show nothing.
      if (merged.site !== null && next.source && !tickets.some((t) => t.site === merged.site && (merged.source === 'all' || t.source === merged.source))) merged.site = null;
      return merged;
    });
    scrollTo(0);
  }

  function scrollTo(top: number) {
    if (viewport.current) viewport.current.scrollTop = top;
    setScrollTop(top);
  }

  function open(ticket: TicketSummary) {
    if (openableUrl(ticket.url, ticket.site)) onOpen(ticket);
  }

  function moveTo(position: number) {
    const p = Math.max(0, Math.min(shown.length - 1, position));
    const ticket = shown[p];
    if (!ticket) return;
    setActiveId(ticketId(ticket));
    const row = rowOfPosition[p]!;
    const above = rows[row - 1]?.kind === 'header' ? HEADER_ROW_HEIGHT : 0;
    const top = scrollToReveal(offsets, row, viewport.current?.scrollTop ?? scrollTop, viewportHeight, above);
    if (top !== scrollTop) scrollTo(top);
  }

  function onKeyDown(event: TargetedKeyboardEvent<HTMLDivElement>) {
    const page = Math.max(1, Math.floor(viewportHeight / TICKET_ROW_HEIGHT) - 1);
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page };
    if (event.key in moves) moveTo(activePosition + moves[event.key]!);
    else if (event.key === 'Home') moveTo(0);
    else if (event.key === 'End') moveTo(shown.length - 1);
    else if (event.key === 'Enter' || event.key === ' ') {
      const ticket = shown[activePosition];
      // Off screen after a mouse scroll: bring it back first, so the user sees what opens.
      if (ticket && !activeRendered) moveTo(activePosition);
      else if (ticket) open(ticket);
    } else return;
    event.preventDefault();
  }

  const renderTicket = (row: Extract<UrgentRow, { kind: 'ticket' }>) => (
    <TicketRow
      key={ticketId(row.ticket)}
      ticket={row.ticket}
      position={row.position}
      count={shown.length}
      active={row.position === activePosition}
      now={now}
      format={format}
      optionId={optionId(row.position)}
      onClick={() => {
        setActiveId(ticketId(row.ticket));
        open(row.ticket);
      }}
    />
  );

  // The window's rows, with each group's rows inside a `group` named after it (its header row may
  // have scrolled out of the window, so the name does not depend on it).
  const windowRows = rows.slice(start, end);
  const body: JSX.Element[] = [];
  if (groupBy === 'none') {
    for (const row of windowRows) if (row.kind === 'ticket') body.push(renderTicket(row));
  } else {
    let i = 0;
    while (i < windowRows.length) {
      const groupIndex = windowRows[i]!.groupIndex;
      const members: JSX.Element[] = [];
      let header: TicketGroupHeader | null = null;
      for (; i < windowRows.length && windowRows[i]!.groupIndex === groupIndex; i++) {
        const row = windowRows[i]!;
        if (row.kind === 'header') header = { label: row.group.label, count: row.group.count };
        else members.push(renderTicket(row));
      }
      const group = groupOf(rows, groupIndex);
      body.push(
        <div role="group" key={`g${groupIndex}`} aria-label={t('urgent_group_label', { group: group.label, count: tp('tickets', group.count) })}>
          {header && (
            <div class="urgent-group" style={{ height: `${HEADER_ROW_HEIGHT}px` }} aria-hidden="true">
              <span class="urgent-group__label">{header.label}</span>
              <span class="urgent-group__count">{header.count}</span>
            </div>
          )}
          {members}
        </div>,
      );
    }
  }

  const narrowed = isFiltered(filter);
  return (
    <div class="urgent">
      <div class="urgent__controls">
        <input
          type="search"
          class="urgent__search"
          aria-label={t('urgent_search_label')}
          placeholder={t('urgent_search_placeholder')}
          value={filter.query}
          onInput={(e) => change({ query: e.currentTarget.value })}
        />
        <div class="urgent__selects">
          <label class="urgent__select">
            <span>{t('urgent_group_by')}</span>
            <select
              value={groupBy}
              onChange={(e) => {
                setGroupBy(e.currentTarget.value as GroupBy);
                scrollTo(0);
              }}
            >
              {(Object.keys(GROUP_BY_LABELS) as GroupBy[]).map((g) => (
                <option key={g} value={g}>
                  {t(GROUP_BY_LABELS[g])}
                </option>
              ))}
            </select>
          </label>
          <label class="urgent__select">
            <span>{t('urgent_source')}</span>
            <select value={filter.source} onChange={(e) => change({ source: e.currentTarget.value as UrgentFilter['source'] })}>
              <option value="all">{t('urgent_all')}</option>
              <option value="jira">Jira</option>
              <option value="zendesk">Zendesk</option>
            </select>
          </label>
          <label class="urgent__select">
            <span>{t('urgent_site')}</span>
            <select value={filter.site ?? ''} onChange={(e) => change({ site: e.currentTarget.value || null })}>
              <option value="">{t('urgent_all_sites')}</option>
              {sites.map(({ site, count }) => (
                <option key={site} value={site}>{`${site} (${count})`}</option>
              ))}
            </select>
          </label>
        </div>
      </div>
      <p class="urgent__status" role="status">
        {narrowed ? tp('urgent_match', shown.length, { total: formatNumber(tickets.length) }) : tp('urgent_count', tickets.length)}
      </p>
      {shown.length === 0 ? (
        <div class="urgent__none">
          <p>{t('urgent_none_match')}</p>
          <Button variant="secondary" size="small" onClick={() => change(NO_FILTER)}>
            {t('urgent_clear_filters')}
          </Button>
        </div>
      ) : (
        <div
          ref={viewport}
          class="urgent__viewport"
          role="listbox"
          aria-label={t('urgent_list_label')}
          tabIndex={0}
          aria-activedescendant={activeRendered ? optionId(activePosition) : undefined}
          style={{ height: `${Math.min(viewportHeight, offsets[offsets.length - 1]!)}px` }}
          onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
          onKeyDown={onKeyDown}
        >
          <div role="presentation" style={{ height: `${offsets[offsets.length - 1]}px` }}>
            <div role="presentation" style={{ transform: `translateY(${offsets[start]}px)` }}>
              {body}
            </div>
          </div>
        </div>
      )}
    </div>
  );
}

interface TicketGroupHeader {
  label: string;
  count: number;
}

function groupOf(rows: readonly UrgentRow[], groupIndex: number): TicketGroupHeader {
  // Headers precede their tickets; find this group's header by walking back from any of its rows.
  let lo = 0;
  let hi = rows.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rows[mid]!.groupIndex < groupIndex) lo = mid + 1;
    else hi = mid;
  }
  const header = rows[lo]!;
  return header.kind === 'header' ? header.group : { label: '', count: 0 };
}
