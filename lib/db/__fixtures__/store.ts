/**
 * For tests of the ticket store and what reads it: a configuration applied through the real
 * import path, and tickets recorded as an overlay's sightings are (evaluate, then record).
 */
import type { TicketFacts } from '../../sla/index';
import { applyImport, previewText } from '../config-store';
import type { SlaLensDatabase } from '../database';
import { createConfigCache, evaluateRequest } from '../evaluate';

export const MIN = 60_000;
export const H = 60 * MIN;
export const NOW = Date.parse('2026-11-26T12:00:00Z');

/** A one-policy configuration on 24x7 time, so the tests' arithmetic is wall-clock arithmetic. */
export function simpleConfig(targets: { resolution?: string; firstResponse?: string }, extra: { name?: string; policyName?: string; pauseOn?: string[] } = {}): string {
  return JSON.stringify({
    version: 1,
    name: extra.name ?? 'Test',
    policies: [{ id: 'std', name: extra.policyName ?? 'Standard', match: {}, calendar: '24x7', targets: { '*': targets }, ...(extra.pauseOn ? { pauseOn: extra.pauseOn } : {}) }],
  });
}

export async function applyConfig(db: SlaLensDatabase, text: string): Promise<void> {
  const preview = await previewText(db, text, { kind: 'paste' });
  if (!preview.ok) throw new Error(`test configuration must be valid: ${JSON.stringify(preview)}`);
  await applyImport(db, preview);
}

/** A ticket `ageMs` old at NOW, open since it was created; Zendesk when the site is. */
export function ticketFacts(site: string, key: string, ageMs: number, extra: Partial<TicketFacts> = {}): TicketFacts {
  const zendesk = site.endsWith('.zendesk.com');
  return {
    source: zendesk ? 'zendesk' : 'jira',
    site,
    key,
    title: `Ticket ${key}`,
    url: zendesk ? `https://${site}/agent/tickets/${key}` : `https://${site}/browse/${key}`,
    project: 'SUP',
    priority: 'High',
    status: 'Open',
    created: NOW - ageMs,
    statusHistory: [{ at: NOW - ageMs, status: 'Open' }],
    exact: true,
    ...extra,
  };
}

/** Records the tickets as the overlays' sightings at `at`, one request per site. */
export async function see(db: SlaLensDatabase, tickets: TicketFacts[], at = NOW): Promise<void> {
  const bySite = new Map<string, TicketFacts[]>();
  for (const t of tickets) bySite.set(t.site, [...(bySite.get(t.site) ?? []), t]);
  const config = await createConfigCache(db)();
  for (const [site, list] of bySite) await evaluateRequest(db, { type: 'sla:evaluate', source: list[0]!.source, site, tickets: list }, config, at);
}
