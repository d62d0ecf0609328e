import { explainMatch, type Explanation } from '../config/explain';
import type { MetricName } from '../config/match';
import type { ResolvedConfig } from '../config/types';
import { evaluateClock, type ClockState, type TicketFacts, type TicketSource } from '../sla/index';
import { calendarFor } from '../view/calendars';
import { fromDateTimeLocal, toDateTimeLocal } from './format';
import { value } from './value';
import { t } from '../i18n/core';

/** The policy tester's form, as the inputs hold it (text). */
export interface TesterForm {
  source: TicketSource;
  site: string;
  project: string;
  issueType: string;
  priority: string;
  /** Comma-separated. */
  labels: string;
  status: string;
  group: string;
  /** `datetime-local` value, local time. */
  created: string;
  metric: MetricName;
}

export const DEFAULT_SITES: Record<TicketSource, string> = { jira: 'acme.atlassian.net', zendesk: 'acme.zendesk.com' };

export function defaultTesterForm(now: number): TesterForm {
  return {
    source: 'jira',
    site: DEFAULT_SITES.jira,
    project: '',
    issueType: '',
    priority: '',
    labels: '',
    status: '',
    group: '',
    created: toDateTimeLocal(now - 2 * 3_600_000),
    metric: 'resolution',
  };
}

export type TesterResult =
  | { ok: false; message: string }
  | {
      ok: true;
      explanation: Explanation;
      /** The clock from creation until now, when a policy applies. */
      clock: (ClockState & { calendar: string; now: number }) | null;
      /** The status is one the policy pauses on (the tester has no history, so it cannot say since when). */
      pausedByStatus: boolean;
      /** The metric's clock starts later than creation, at a message the form does not hold (next reply): no clock shown. */
      startsLater?: boolean;
    };

export function ticketFromForm(form: TesterForm): TicketFacts | null {
  const created = fromDateTimeLocal(form.created);
  if (created === null) return null;
  const text = (s: string) => (s.trim() === '' ? undefined : s.trim());
  const labels = form.labels
    .split(',')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const facts: TicketFacts = { source: form.source, site: form.site.trim(), key: 'TEST-1', created, exact: true };
  const optional = { project: text(form.project), issueType: text(form.issueType), priority: text(form.priority), status: text(form.status), group: text(form.group) };
  for (const [key, v] of Object.entries(optional)) if (v !== undefined) Object.assign(facts, { [key]: v });
  if (labels.length > 0) facts.labels = labels;
  return facts;
}

/** Which policy applies to the form's ticket, why the earlier ones do not, and its clock at `now`. */
export function runTester(config: ResolvedConfig, form: TesterForm, now: number): TesterResult {
  const ticket = ticketFromForm(form);
  if (!ticket) return { ok: false, message: t('opt_tester_no_created') };
  const explanation = explainMatch(config, ticket, form.metric);
  const applied = explanation.applied;
  if (!applied) return { ok: true, explanation, clock: null, pausedByStatus: false };
  const { policy, targetMs } = applied;
  const calendar = calendarFor(config.calendars, policy.calendarId);
  let clock: (ClockState & { calendar: string; now: number }) | null = null;
  // Next reply starts at the requester's next message, which a form of one ticket's facts does not have.
  if (form.metric === 'nextReply') return { ok: true, explanation, clock: null, pausedByStatus: false, startsLater: true };
  if (calendar) {
    const state = evaluateClock(calendar, { start: ticket.created, targetMs, warnAt: policy.warnAt }, now);
    clock = { ...state, calendar: config.calendars[policy.calendarId]?.name ?? policy.calendarId, now };
  }
  const pausedByStatus = ticket.status !== undefined && policy.pauseOn.includes(ticket.status.toLowerCase());
  return { ok: true, explanation, clock, pausedByStatus };
}

/** The tester's form state; the result is derived from it and the live config. */
export function createTesterStore(now: () => number) {
  const form = value<TesterForm>(defaultTesterForm(now()));
  return {
    form,
    change(patch: Partial<TesterForm>) {
      form.update((current) => {
        const next = { ...current, ...patch };
        // Switching the tool swaps an untouched example host for the other tool's.
        if (patch.source && current.site === DEFAULT_SITES[current.source]) next.site = DEFAULT_SITES[patch.source];
        return next;
      });
    },
    reset: () => form.set(defaultTesterForm(now())),
  };
}

export type TesterStore = ReturnType<typeof createTesterStore>;
