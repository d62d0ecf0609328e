import { AppHeader } from '../../components/AppHeader';

import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { Notice } from '../../components/Notice';
import {
  agingWords,
  creditWords,
  durationWords,
  effectiveNow,
  internalNoteWords,
  effectiveWords,
  holidayWords,
  pauseWords,
  upcomingHolidays,
  warnWords,
  weekWords,
  whichTickets,
} from '../../lib/config/agreement-words';
import { metricLabel, metricsWithTargets } from '../../lib/config/format';
import type { AgreementPolicy, Agreements } from '../../lib/db/agreements';
import { sourceOrigin } from '../../lib/db/announcement';
import type { CalendarSpec } from '../../lib/sla/index';
import { plural } from '../../lib/view/words';

export interface AgreementsPageProps {
  /** undefined while loading; null without a configuration. */
  agreements: Agreements | null | undefined;
  error?: string | undefined;
  now: number;
  onOpenSettings: () => void;
}

const appliedDate = new Intl.DateTimeFormat(undefined, { dateStyle: 'long' });

/** YYYY-MM-DD in `timeZone` at `now`: the date the agreement's period and holidays are read in. */
export function todayIn(timeZone: string, now: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** What a person is held to, in plain words: the active configuration's agreements, theirs first. */
export function AgreementsPage({ agreements, error, now, onOpenSettings }: AgreementsPageProps) {
  return (
    <div class="agreements">
      <AppHeader title="Our agreements" subtitle={agreements ? `${agreements.name} · version ${agreements.version}` : 'What your team’s SLAs promise'} />
      <main aria-busy={agreements === undefined && !error}>
        {error ? <Notice tone="error">{error}</Notice> : agreements === null ? <NoAgreements onOpenSettings={onOpenSettings} /> : agreements ? <Body agreements={agreements} now={now} /> : null}
      </main>
    </div>
  );
}

function NoAgreements({ onOpenSettings }: { onOpenSettings: () => void }) {
  return (
    <EmptyState
      title="No agreements yet"
      action={
        <Button variant="secondary" onClick={onOpenSettings}>
          Open settings
        </Button>
      }
    >
      SLA Lens has no SLA configuration in this browser. Your team’s admin imports one, subscribes to the team’s file or sets it by policy in the settings.
    </EmptyState>
  );
}

function Body({ agreements, now }: { agreements: Agreements; now: number }) {
  // A policy that extends another inherits its name: two cards must not read the same.
  const named = new Map<string, number>();
  for (const p of agreements.policies) named.set(p.policy.name, (named.get(p.policy.name) ?? 0) + 1);
  const title = (p: AgreementPolicy) => ((named.get(p.policy.name) ?? 0) > 1 ? `${p.policy.name} (${p.policy.id})` : p.policy.name);
  const yours = agreements.policies.filter((p) => p.tickets > 0);
  const others = agreements.policies.filter((p) => p.tickets === 0);
  const usedCalendars = [...new Set(agreements.policies.map((p) => p.policy.calendarId))].filter((id) => id !== '24x7' && agreements.calendars[id]);
  return (
    <>
      <p class="agreements__intro">
        {agreements.description ? `${agreements.description} ` : ''}Version {agreements.version}, in use since {appliedDate.format(agreements.appliedAt)}, from {sourceOrigin(agreements.source)}.
      </p>
      {agreements.policies.length === 0 ? (
        <Notice tone="info">This configuration has no policy that can time a ticket (each needs a calendar and targets).</Notice>
      ) : (
        <>
          <section aria-labelledby="yours-title">
            <h2 id="yours-title" class="agreements__heading">
              The agreements on your tickets
            </h2>
            {yours.length === 0 ? (
              <p class="muted">
                {agreements.openTickets === 0
                  ? 'SLA Lens has not seen any open ticket in this browser yet: open a queue or a ticket and the agreements that time them come first here.'
                  : `None of the ${plural(agreements.openTickets, 'open ticket')} seen in this browser is timed by an agreement.`}
              </p>
            ) : (
              <p class="muted">
                {yours.length === 1 ? 'This agreement times' : `These ${yours.length} agreements time`} the {plural(agreements.openTickets, 'open ticket')} SLA Lens has seen in this browser.
              </p>
            )}
            {yours.map((p) => (
              <AgreementCard key={p.policy.id} title={title(p)} entry={p} calendars={agreements.calendars} now={now} />
            ))}
          </section>
          {others.length > 0 && (
            <section aria-labelledby="others-title">
              <h2 id="others-title" class="agreements__heading">
                {yours.length > 0 ? 'Other agreements in this configuration' : 'The agreements in this configuration'}
              </h2>
              {others.map((p) => (
                <AgreementCard key={p.policy.id} title={title(p)} entry={p} calendars={agreements.calendars} now={now} />
              ))}
            </section>
          )}
          {usedCalendars.length > 0 && (
            <section aria-labelledby="hours-title">
              <h2 id="hours-title" class="agreements__heading">
                Business hours and holidays
              </h2>
              {usedCalendars.map((id) => (
                <CalendarWords key={id} id={id} spec={agreements.calendars[id]!} now={now} />
              ))}
            </section>
          )}
        </>
      )}
    </>
  );
}

function calendarName(id: string, spec: CalendarSpec | undefined): string {
  return id === '24x7' ? 'around the clock' : (spec?.name ?? id);
}

function AgreementCard({ title, entry, calendars, now }: { title: string; entry: AgreementPolicy; calendars: Agreements['calendars']; now: number }) {
  const { policy, tickets, byTarget } = entry;
  const spec = calendars[policy.calendarId];
  const headingId = `agreement-${policy.id}`;
  const rows = Object.entries(policy.targets).sort(([a], [b]) => Number(a === '*') - Number(b === '*'));
  const metrics = metricsWithTargets(policy.targets);
  const period = effectiveNow(policy.effective, todayIn(spec?.timeZone ?? 'UTC', now));
  const business = policy.calendarId !== '24x7';
  return (
    <article class="agreement" aria-labelledby={headingId}>
      <h3 class="agreement__name" id={headingId}>
        {title}
      </h3>
      {policy.description && <p>{policy.description}</p>}
      <p class="agreement__who">
        {whichTickets(policy.match)}.{tickets > 0 ? ` It times ${tickets.toLocaleString('en')} of your open tickets.` : ''}
      </p>
      <table class="agreement__targets">
        <caption>Targets, {business ? `in business hours (${calendarName(policy.calendarId, spec)})` : 'around the clock, every hour counts'}</caption>
        <thead>
          <tr>
            <th scope="col">Priority</th>
            {metrics.map((m) => (
              <th key={m} scope="col">
                {metricLabel(m, true)} within
              </th>
            ))}
            {tickets > 0 && <th scope="col">Your open tickets</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map(([key, target]) => (
            <tr key={key}>
              <th scope="row">{key === '*' ? 'Any other priority' : target.label}</th>
              {metrics.map((m) => {
                const ms = target[`${m}Ms`];
                return <td key={m}>{ms === undefined ? 'No target' : durationWords(ms)}</td>;
              })}
              {tickets > 0 && <td>{byTarget[key] ?? 0}</td>}
            </tr>
          ))}
        </tbody>
      </table>
      <ul class="agreement__facts">
        <li>{pauseWords(policy.pauseOn, (s) => `“${s}”`)}</li>
        <li>{warnWords(policy.warnAt)}</li>
        {internalNoteWords(policy.internalNotesCount) && <li>{internalNoteWords(policy.internalNotesCount)}</li>}
        {agingWords(policy.aging, (s) => `“${s}”`) && <li>{agingWords(policy.aging, (s) => `“${s}”`)}</li>}
        {creditWords(policy) && <li>{creditWords(policy)}</li>}
        <li>
          {effectiveWords(policy.effective)}
          {period === 'before' && ' Not in force yet.'}
          {period === 'after' && ' No longer in force for new tickets.'}
        </li>
      </ul>
    </article>
  );
}

function CalendarWords({ id, spec, now }: { id: string; spec: CalendarSpec; now: number }) {
  const { upcoming, past } = upcomingHolidays(spec.holidays ?? [], todayIn(spec.timeZone, now));
  const headingId = `hours-${id}`;
  return (
    <article class="agreement" aria-labelledby={headingId}>
      <h3 class="agreement__name" id={headingId}>
        {calendarName(id, spec)}
      </h3>
      <p class="muted">Times in {spec.timeZone.replace(/_/g, ' ')}. The clocks count only while open.</p>
      <ul class="agreement__week">
        {weekWords(spec.week).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <h4 class="agreement__subheading">Holidays</h4>
      {upcoming.length === 0 ? (
        <p class="muted">{past > 0 ? 'No holiday ahead in this calendar.' : 'None: open every week as above.'}</p>
      ) : (
        <ul class="agreement__holidays">
          {upcoming.map((h, i) => (
            <li key={i}>{holidayWords(h)}</li>
          ))}
        </ul>
      )}
      {past > 0 && upcoming.length > 0 && <p class="muted">{plural(past, 'earlier holiday')} not shown.</p>}
    </article>
  );
}
