/**
 * Every Jira fixture page through every reader strategy, alone (as the diagnostics run them): what
 * each finds, and which one wins among those that run on the page's type, per page, beside the
 * page's kind and the tickets it shows. A
 * strategy that starts finding tickets on a page it was not written for, or stops finding them on
 * its own, changes this table.
 */
import { describe, expect, it } from 'vitest';
import { FIXTURE_PAGES, renderFixture } from './__fixtures__/pages';
import { jiraShownTickets } from './page-kind';
import { diagnose, find, jiraPageKind, SURFACES } from './read-page';
import type { JiraFixturePage } from './selectors';

/** Strategy → tickets found, for those that find any; `*` marks the one whose tickets are shown. */
const TABLE: Record<JiraFixturePage, { kind: string; shown: number; strategies: Record<string, string> }> = {
  'cloud-issue': { kind: 'issue', shown: 1, strategies: { 'issue-view/breadcrumb': '1*', 'issue-view/summary-heading': '1' } },
  'cloud-board': { kind: 'board', shown: 32, strategies: { 'board/card': '32*' } },
  'cloud-board-modal': { kind: 'board', shown: 32, strategies: { 'issue-view/breadcrumb': '1*', 'issue-view/summary-heading': '1', 'board/card': '32*' } },
  'cloud-backlog': { kind: 'backlog', shown: 32, strategies: { 'backlog/content-container': '32*' } },
  'cloud-backlog-panel': { kind: 'backlog', shown: 32, strategies: { 'issue-view/breadcrumb': '1*', 'issue-view/summary-heading': '1', 'backlog/content-container': '32*' } },
  // The queue's broadest strategy finds the navigator's rows too, but runs on queues only.
  'cloud-navigator': { kind: 'issue-navigator', shown: 30, strategies: { 'navigator/issue-row': '30*', 'queue/grid-row-link': '30' } },
  'cloud-navigator-detail': { kind: 'issue-navigator-detail', shown: 32, strategies: { 'issue-view/breadcrumb': '1*', 'issue-view/summary-heading': '1', 'navigator-detail/card-link': '32*' } },
  'cloud-queue': { kind: 'jsm-queue', shown: 32, strategies: { 'queue/cell-testid': '32*', 'queue/virtual-table-row': '32', 'queue/grid-row-link': '32' } },
  'cloud-queue-de': { kind: 'jsm-queue', shown: 32, strategies: { 'queue/cell-testid': '32*', 'queue/virtual-table-row': '32', 'queue/grid-row-link': '32' } },
  'cloud-queue-legacy': { kind: 'jsm-queue', shown: 32, strategies: { 'queue/issue-table-container': '32*', 'queue/grid-row-link': '32' } },
  'dc-issue': { kind: 'issue', shown: 1, strategies: { 'dc-issue-view/key-val': '1*' } },
  'dc-navigator': { kind: 'issue-navigator', shown: 32, strategies: { 'dc-navigator/issuerow': '32*' } },
  'dc-navigator-detail': {
    kind: 'issue-navigator-detail',
    shown: 32,
    strategies: { 'dc-issue-view/key-val': '1*', 'dc-navigator-detail/li-data-key': '32*', 'dc-navigator-detail/splitview-link': '32', 'dc-navigator-detail/issue-link-key': '32' },
  },
  'dc-queue': { kind: 'jsm-queue', shown: 32, strategies: { 'dc-queue/queue-issue-link': '32*', 'dc-queue/queue-route-link': '32', 'dc-queue/sd-page-panel-link': '32' } },
  'dc-board': { kind: 'board', shown: 32, strategies: { 'dc-board/ghx-issue': '32*' } },
};

describe('every Jira fixture page through every strategy', () => {
  it('the table covers every fixture page and every strategy name is a real one', () => {
    expect(Object.keys(TABLE).sort()).toEqual([...FIXTURE_PAGES].sort());
    const names = new Set(SURFACES.flatMap((s) => s.strategies.map((st) => `${s.name}/${st.name}`)));
    for (const row of Object.values(TABLE)) for (const name of Object.keys(row.strategies)) expect(names).toContain(name);
  });

  it.each(FIXTURE_PAGES)('%s', (page) => {
    const { document, url } = renderFixture(page);
    const counts = diagnose(document, url);
    const found = Object.fromEntries(counts.filter((c) => c.tickets > 0).map((c) => [c.strategy, `${c.tickets}${c.used ? '*' : ''}`]));
    const expected = TABLE[page];
    expect(found).toEqual(expected.strategies);
    expect(jiraPageKind(url, document)?.id).toBe(expected.kind);
    expect(jiraShownTickets(document)).toBe(expected.shown);
    // What the overlay shows is what the winning strategies found, one ticket per element.
    const winners = counts.filter((c) => c.used).reduce((n, c) => n + c.tickets, 0);
    expect(new Set(find(document, url).map((t) => `${t.key}|${t.isTicketView ? 'view' : 'list'}`)).size).toBe(winners);
  });
});
