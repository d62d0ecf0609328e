/**
 * A tab's page status as the content script reports it and the background keeps it in session
 * storage, and what the popup makes of it. No checks here (page-status.ts does them in the
 * background), so the content script and the popup carry no parser.
 */
import type { PageDiagnostics, PageKind } from '../sources/page-status';
import { tabStatusKey } from '../storage-keys';
import { t, type MessageKey } from '../i18n/core';

export const PAGE_STATUS_TYPE = 'sla:page-status';

export interface PageStatusMessage {
  type: typeof PAGE_STATUS_TYPE;
  site: string;
  readable: boolean;
  /** Null: the page is not a page of tickets, and whatever the tab showed before no longer holds. */
  kind: PageKind | null;
  found: number;
  shown: number;
  /** Only when the page could not be read: structure, never ticket text, names, keys or ids. */
  diagnostics?: PageDiagnostics;
}

/** What is kept for a tab: the report, plus what only the extension knows. */
export interface TabPageStatus extends Omit<PageStatusMessage, 'type' | 'kind'> {
  kind: PageKind;
  extension: string;
  at: number;
}

const PAGE_LABELS: Readonly<Record<string, MessageKey>> = {
  'jsm-queue': 'page_jsm_queue',
  'jsm-request': 'page_jsm_request',
  'issue-navigator': 'page_issue_navigator',
  'issue-navigator-detail': 'page_issue_navigator_detail',
  board: 'page_board',
  backlog: 'page_backlog',
  issue: 'page_issue',
  'zendesk-view': 'page_zendesk_view',
  'zendesk-ticket': 'page_zendesk_ticket',
  'zendesk-search': 'page_zendesk_search',
  'zendesk-organization-tickets': 'page_zendesk_organization_tickets',
  'zendesk-user-tickets': 'page_zendesk_user_tickets',
};

/** What the page is, in the language in use (the content script reports it by id; a kind it names alone keeps its own label). */
export function pageLabel(kind: { id: string; label: string }): string {
  const key = PAGE_LABELS[kind.id];
  return key ? t(key) : kind.label;
}

/** The toolbar tooltip for a tab whose page could not be read. */
export const cannotReadTitle = (kind: PageKind): string => t('toolbar_cannot_read', { page: pageLabel(kind) });

/** The tab's status as kept, or null (none, or not one: session storage is ours, but stay strict). */
export async function readTabStatus(tabId: number, session: { get(key: string): Promise<Record<string, unknown>> }): Promise<TabPageStatus | null> {
  const value = (await session.get(tabStatusKey(tabId)))[tabStatusKey(tabId)];
  if (!value || typeof value !== 'object') return null;
  const status = value as TabPageStatus;
  return typeof status.readable === 'boolean' && status.kind && typeof status.kind.label === 'string' ? status : null;
}

/** The browser's name and major version, from the user agent: structure, not identity. */
export function browserVersion(userAgent: string): string {
  // Edge and others also say "Chrome/…": the most specific name wins. No word boundary before the
  // token: headless Chromium says "HeadlessChrome/…".
  for (const [name, token] of [
    ['Edge', 'Edg'],
    ['Firefox', 'Firefox'],
    ['Chromium', 'Chromium'],
    ['Chrome', 'Chrome'],
  ] as const) {
    const version = new RegExp(`${token}/(\\d+)`).exec(userAgent)?.[1];
    if (version) return `${name} ${version}`;
  }
  return 'unknown';
}

/** The text **Copy diagnostics** puts on the clipboard. */
export function diagnosticsReport(status: TabPageStatus, browser: string): string {
  return JSON.stringify({ product: 'SLA Lens', extension: status.extension, browser, ...status.diagnostics, page: status.kind.id }, null, 2);
}
