/**
 * The background's side of `sla:audit-budget`: one budget of Zendesk audit requests per site,
 * shared by the browser's tabs on it. Zendesk's rate limit is the account's (200–700 requests a
 * minute on most plans, for every agent, tab and integration), so a budget per tab would let many
 * tabs spend it between them; other agents' browsers are heard only through the site's
 * rate-limit headers the tabs pass on. Plain code (no zod, no `browser`): the background wires it to
 * `runtime.onMessage`, tests call it directly.
 */
import { cleanRateLimit, createRateBudget, MAX_RATE_LIMIT, MAX_RESET_SECONDS } from '../sources/rate-budget';
import { FACT_LIMITS } from './limits';
import { AUDIT_BUDGET_TYPE, MAX_AUDIT_BUDGET_WANT, senderProblem, type Envelope, type Sender } from './protocol';
import type { AuditBudgetRequest, AuditBudgetResponse } from './types';

const KEYS = new Set(['type', 'site', 'want', 'remaining', 'limit', 'resetSeconds']);

const within = (value: unknown, min: number, max: number, integer: boolean): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max && (!integer || Number.isInteger(value));

/** An optional part: absent (or undefined, as Firefox's structured clone keeps it), else in range. */
const optional = (value: unknown, min: number, max: number, integer: boolean) => value === undefined || within(value, min, max, integer);

/**
 * The message, checked; null for anything else: another type, a key it does not have, a site
 * that is not a host name's length, a `want` that is not a whole number from 1 to
 * `MAX_AUDIT_BUDGET_WANT`, or a figure of the site's that is not a finite number within bounds.
 */
export function parseAuditBudgetRequest(message: unknown): AuditBudgetRequest | null {
  if (typeof message !== 'object' || message === null || Array.isArray(message)) return null;
  const m = message as Record<string, unknown>;
  if (Object.keys(m).some((key) => !KEYS.has(key))) return null;
  if (m.type !== AUDIT_BUDGET_TYPE) return null;
  if (typeof m.site !== 'string' || m.site.length === 0 || m.site.length > FACT_LIMITS.site) return null;
  if (!within(m.want, 1, MAX_AUDIT_BUDGET_WANT, true)) return null;
  if (!optional(m.remaining, 0, MAX_RATE_LIMIT, true) || !optional(m.limit, 1, MAX_RATE_LIMIT, true) || !optional(m.resetSeconds, 0, MAX_RESET_SECONDS, false)) return null;
  return { type: AUDIT_BUDGET_TYPE, site: m.site, want: m.want, ...cleanRateLimit(m) };
}

export interface AuditBudgetHostOptions {
  /** Audits per site per minute, for all its tabs together (default 60). */
  perMinute?: number;
  now: () => number;
}

export interface AuditBudgetHost {
  /** The answer to send back; undefined when the message is not an audit budget request (another listener's). */
  handle(message: unknown, sender: Sender, runtimeId: string): Envelope<AuditBudgetResponse> | undefined;
}

export function createAuditBudgetHost({ perMinute = 60, now }: AuditBudgetHostOptions): AuditBudgetHost {
  const budget = createRateBudget({ perMinute });
  return {
    handle(message, sender, runtimeId) {
      if ((message as { type?: unknown } | null)?.type !== AUDIT_BUDGET_TYPE) return undefined;
      const request = parseAuditBudgetRequest(message);
      if (!request) return { ok: false, error: 'SLA Lens refused a message from a page: not an audit budget request it can read' };
      // Checked before the site's figures are heard: a page elsewhere must not pause, or spend, another account's budget.
      const problem = senderProblem(sender, request.site, runtimeId);
      if (problem) return { ok: false, error: `SLA Lens refused a message from a page: ${problem}` };
      const at = now();
      budget.observe(request.site, request, at);
      return { ok: true, response: { granted: budget.take(request.site, request.want, at) } };
    },
  };
}
