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
import { formatLocale, formatNumber, sentence, t, tp } from '../../lib/i18n/core';

export interface AgreementsPageProps {
  /** undefined while loading; null without a configuration. */
  agreements: Agreements | null | undefined;
  error?: string | undefined;
  now: number;
  onOpenSettings: () => void;
}

/** The day a configuration was applied, in the language in use ("3 December 2026"). */
function appliedDate(at: number): string {
  return new Intl.DateTimeFormat(formatLocale(), { dateStyle: 'long' }).format(at);
}

/** A status quoted in a sentence, with the language's quotation marks. */
const quoted = (status: string) => t('agr_quoted', { text: status });

/** YYYY-MM-DD in `timeZone` at `now`: the date the agreement's period and holidays are read in. */
export function todayIn(timeZone: string, now: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** What a person is held to, in plain words: the active configuration's agreements, theirs first. */
export function AgreementsPage({ agreements, error, now, onOpenSettings }: AgreementsPageProps) {
  return (
    <div class="agreements">
      <AppHeader title={t('popup_our_agreements')} subtitle={agreements ? t('popup_subtitle_config', { name: agreements.name, version: String(agreements.version) }) : t('agr_subtitle')} />
      <main aria-busy={agreements === undefined && !error}>
        {error ? <Notice tone="error">{error}</Notice> : agreements === null ? <NoAgreements onOpenSettings={onOpenSettings} /> : agreements ? <Body agreements={agreements} now={now} /> : null}
      </main>
    </div>
  );
}

function NoAgreements({ onOpenSettings }: { onOpenSettings: () => void }) {
  return (
    <EmptyState
      title={t('agr_none_title')}
      action={
        <Button variant="secondary" onClick={onOpenSettings}>
          {t('popup_open_settings')}
        </Button>
      }
    >
      {t('agr_none_body')}
    </EmptyState>
  );
}

function Body({ agreements, now }: { agreements: Agreements; now: number }) {
  // A policy that extends another inherits its name: two cards must not read the same.
  const named = new Map<string, number>();
  for (const p of agreements.policies) named.set(p.policy.name, (named.get(p.policy.name) ?? 0) + 1);
  const title = (p: AgreementPolicy) => ((named.get(p.policy.name) ?? 0) > 1 ? t('agr_policy_named', { name: p.policy.name, id: p.policy.id }) : p.policy.name);
  const yours = agreements.policies.filter((p) => p.tickets > 0);
  const others = agreements.policies.filter((p) => p.tickets === 0);
  const usedCalendars = [...new Set(agreements.policies.map((p) => p.policy.calendarId))].filter((id) => id !== '24x7' && agreements.calendars[id]);
  const intro = t('agr_intro', { version: String(agreements.version), date: appliedDate(agreements.appliedAt), origin: sourceOrigin(agreements.source) });
  return (
    <>
      <p class="agreements__intro">{agreements.description ? t('agr_then', { first: agreements.description, second: intro }) : intro}</p>
      {agreements.policies.length === 0 ? (
        <Notice tone="info">{t('agr_no_policy')}</Notice>
      ) : (
        <>
          <section aria-labelledby="yours-title">
            <h2 id="yours-title" class="agreements__heading">
              {t('agr_yours_title')}
            </h2>
            {yours.length === 0 ? (
              <p class="muted">{agreements.openTickets === 0 ? t('agr_yours_none_seen') : tp('agr_yours_none', agreements.openTickets)}</p>
            ) : (
              <p class="muted">{tp('agr_yours_times', yours.length, { tickets: tp('agr_open_tickets', agreements.openTickets) })}</p>
            )}
            {yours.map((p) => (
              <AgreementCard key={p.policy.id} title={title(p)} entry={p} calendars={agreements.calendars} now={now} />
            ))}
          </section>
          {others.length > 0 && (
            <section aria-labelledby="others-title">
              <h2 id="others-title" class="agreements__heading">
                {yours.length > 0 ? t('agr_others_title') : t('agr_all_title')}
              </h2>
              {others.map((p) => (
                <AgreementCard key={p.policy.id} title={title(p)} entry={p} calendars={agreements.calendars} now={now} />
              ))}
            </section>
          )}
          {usedCalendars.length > 0 && (
            <section aria-labelledby="hours-title">
              <h2 id="hours-title" class="agreements__heading">
                {t('agr_hours_title')}
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
  return id === '24x7' ? t('agr_around_the_clock') : (spec?.name ?? id);
}

function AgreementCard({ title, entry, calendars, now }: { title: string; entry: AgreementPolicy; calendars: Agreements['calendars']; now: number }) {
  const { policy, tickets, byTarget } = entry;
  const spec = calendars[policy.calendarId];
  const headingId = `agreement-${policy.id}`;
  const rows = Object.entries(policy.targets).sort(([a], [b]) => Number(a === '*') - Number(b === '*'));
  const metrics = metricsWithTargets(policy.targets);
  const period = effectiveNow(policy.effective, todayIn(spec?.timeZone ?? 'UTC', now));
  const business = policy.calendarId !== '24x7';
  const who = whichTickets(policy.match);
  const aging = agingWords(policy.aging, quoted);
  const internalNotes = internalNoteWords(policy.internalNotesCount);
  const credits = creditWords(policy);
  const effective = effectiveWords(policy.effective);
  return (
    <article class="agreement" aria-labelledby={headingId}>
      <h3 class="agreement__name" id={headingId}>
        {title}
      </h3>
      {policy.description && (
        <p>
          <bdi>{policy.description}</bdi>
        </p>
      )}
      <p class="agreement__who">{tickets > 0 ? tp('agr_who_times', tickets, { who }) : sentence(who)}</p>
      <table class="agreement__targets">
        <caption>{business ? t('agr_targets_business', { calendar: calendarName(policy.calendarId, spec) }) : t('agr_targets_24x7')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('agr_col_priority')}</th>
            {metrics.map((m) => (
              <th key={m} scope="col">
                {t('agr_col_within', { metric: metricLabel(m, true) })}
              </th>
            ))}
            {tickets > 0 && <th scope="col">{t('agr_col_yours')}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map(([key, target]) => (
            <tr key={key}>
              <th scope="row">{key === '*' ? t('agr_any_other_priority') : target.label}</th>
              {metrics.map((m) => {
                const ms = target[`${m}Ms`];
                return <td key={m}>{ms === undefined ? t('agr_no_target') : durationWords(ms)}</td>;
              })}
              {tickets > 0 && <td>{formatNumber(byTarget[key] ?? 0)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
      <ul class="agreement__facts">
        <li>{pauseWords(policy.pauseOn, quoted)}</li>
        <li>{warnWords(policy.warnAt)}</li>
        {internalNotes && <li>{internalNotes}</li>}
        {aging && <li>{aging}</li>}
        {credits && <li>{credits}</li>}
        <li>
          {period === 'before'
            ? t('agr_then', { first: effective, second: t('agr_not_in_force_yet') })
            : period === 'after'
              ? t('agr_then', { first: effective, second: t('agr_no_longer_in_force') })
              : effective}
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
      <p class="muted">{t('agr_times_in', { zone: spec.timeZone.replace(/_/g, ' ') })}</p>
      <ul class="agreement__week">
        {weekWords(spec.week).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <h4 class="agreement__subheading">{t('agr_holidays')}</h4>
      {upcoming.length === 0 ? (
        <p class="muted">{past > 0 ? t('agr_no_holiday_ahead') : t('agr_no_holidays')}</p>
      ) : (
        <ul class="agreement__holidays">
          {upcoming.map((h, i) => (
            <li key={i}>{holidayWords(h)}</li>
          ))}
        </ul>
      )}
      {past > 0 && upcoming.length > 0 && <p class="muted">{tp('agr_past_holidays', past)}</p>}
    </article>
  );
}
