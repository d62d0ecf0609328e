/**
 * What the "Our agreements" page shows (issue 15 §3): the active configuration's policies that can
 * apply, those that time the open tickets this person has seen first, each with how many of those
 * tickets it times per target row. Read-only; no parsers, so the page stays light.
 */
import type { ResolvedPolicy } from '../config/types';
import type { CalendarSpec } from '../sla/index';
import { activeConfig, activeVersion } from './active-version';
import type { ConfigSource, SlaLensDatabase } from './database';
import { t } from '../i18n/core';

export interface AgreementPolicy {
  policy: ResolvedPolicy & { calendarId: string };
  /** Open tickets seen here that one of this policy's clocks times. */
  tickets: number;
  /** The same tickets by the target row that applies to them (a lower-cased priority, or `*`). */
  byTarget: Record<string, number>;
}

export interface Agreements {
  name: string;
  description?: string;
  version: number;
  appliedAt: number;
  source: ConfigSource;
  /** Policies timing this person's open tickets first (most tickets first), then the rest in the file's order. */
  policies: AgreementPolicy[];
  calendars: Record<string, CalendarSpec>;
  /** Open tickets seen in this browser. */
  openTickets: number;
}

/** The target row a ticket's priority reads (as matching does: the exact name, else `*`). */
function targetRow(policy: ResolvedPolicy, priority: string | undefined): string | null {
  const key = priority?.toLowerCase();
  if (key !== undefined && policy.targets[key]) return key;
  return policy.targets['*'] ? '*' : null;
}

export async function readAgreements(db: SlaLensDatabase): Promise<Agreements | null> {
  return db.transaction('r', [db.meta, db.calendars, db.policies, db.configVersions, db.tickets], async () => {
    const [version, config] = await Promise.all([activeVersion(db), activeConfig(db)]);
    if (!version || !config) return null;
    // A base policy (no calendar) never times a ticket by itself: its children carry what it says.
    const policies = config.policies.filter((p): p is AgreementPolicy['policy'] => p.calendarId !== null);
    const counts = new Map<string, AgreementPolicy>(policies.map((policy) => [policy.id, { policy, tickets: 0, byTarget: {} }]));
    let openTickets = 0;
    // Open tickets only (as the ticket's own status says, whatever its clocks do): what this
    // person still works on, not what they closed last month.
    await db.tickets
      .filter((row) => row.facts.statusCategory !== 'done' && !row.facts.resolvedAt)
      .each((row) => {
        openTickets += 1;
        for (const id of new Set(row.view.clocks.map((c) => c.policyId))) {
          const entry = counts.get(id);
          if (!entry) continue;
          entry.tickets += 1;
          const target = targetRow(entry.policy, row.facts.priority);
          if (target !== null) entry.byTarget[target] = (entry.byTarget[target] ?? 0) + 1;
        }
      });
    const ordered = [...counts.values()].sort((a, b) => b.tickets - a.tickets || a.policy.index - b.policy.index);
    return {
      name: config.name ?? t('db_unnamed_config'),
      ...(config.description !== undefined ? { description: config.description } : {}),
      version: version.id,
      appliedAt: version.appliedAt,
      source: version.source,
      policies: ordered,
      calendars: config.calendars,
      openTickets,
    };
  });
}
