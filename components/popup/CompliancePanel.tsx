import { useId, useState } from 'preact/hooks';
import type { ComplianceBar } from '../../lib/view/summary';
import { Notice } from '../Notice';
import { formatDue, metricWords, type TimeFormat } from '../../lib/view/words';
import { openableUrl } from '../../lib/view/ticket-url';
import { formatNumber, t } from '../../lib/i18n/core';

export type MissedTicket = ComplianceBar['missedTickets'][number];
export const COMPLIANCE_PERIODS = [7, 30] as const;
export type CompliancePeriod = (typeof COMPLIANCE_PERIODS)[number];

interface CompliancePanelProps {
  /** null while loading. */
  bars: readonly ComplianceBar[] | null;
  days: CompliancePeriod;
  onDaysChange: (days: CompliancePeriod) => void;
  onOpen: (ticket: MissedTicket) => void;
  now: number;
  format?: TimeFormat | undefined;
  /** Why the figures could not be read, if they could not. */
  error?: string | undefined;
}

/** Met share in whole percent, rounded down: 99.6% met is not "100%" while anything was missed. */
export function metPercent(bar: Pick<ComplianceBar, 'met' | 'missed'>): number | null {
  const total = bar.met + bar.missed;
  if (total === 0) return null;
  return Math.floor((bar.met / total) * 100);
}

function MissedList({ bar, id, now, format, onOpen }: { bar: ComplianceBar; id: string; now: number; format: TimeFormat | undefined; onOpen: (t: MissedTicket) => void }) {
  if (bar.missedTickets.length === 0) {
    return (
      <p id={id} class="compliance__none">
        {bar.missed === 0 ? t('compliance_none_missed') : t('compliance_not_stored')}
      </p>
    );
  }
  return (
    <ul id={id} class="compliance__missed" aria-label={t('compliance_missed_label', { policy: bar.policyName })}>
      {bar.missedTickets.map((ticket) => {
        const body = (
          <>
            <span class="compliance__key">{ticket.key}</span>{' '}
            <span class="compliance__title" dir="auto">
              {ticket.title?.trim() || t('urgent_no_title')}
            </span>{' '}
            <span class="compliance__meta">
              {t('compliance_was_due', { metric: metricWords(ticket.metric), when: formatDue(ticket.dueAt, now, format) })}
              {!openableUrl(ticket.url, ticket.site) && ` · ${t('urgent_no_link_short')}`}
            </span>
          </>
        );
        return (
          <li key={`${ticket.site}/${ticket.key}/${ticket.metric}`}>
            {openableUrl(ticket.url, ticket.site) ? (
              <button type="button" class="compliance__ticket" onClick={() => onOpen(ticket)}>
                {body}
              </button>
            ) : (
              <div class="compliance__ticket compliance__ticket--no-link" title={t('urgent_no_link')}>
                {body}
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** How well each policy was met over the last 7 or 30 days; a bar opens its missed tickets. */
export function CompliancePanel({ bars, days, onDaysChange, onOpen, now, format, error }: CompliancePanelProps) {
  const baseId = useId();
  const [open, setOpen] = useState<string | null>(null);
  return (
    <div class="compliance">
      <fieldset class="segmented">
        <legend class="visually-hidden">{t('compliance_period')}</legend>
        {COMPLIANCE_PERIODS.map((d) => (
          <label key={d} class={`segmented__option${d === days ? ' segmented__option--checked' : ''}`}>
            <input type="radio" name={`${baseId}-period`} value={d} checked={d === days} onChange={() => onDaysChange(d)} />
            {t('compliance_days', { n: d })}
          </label>
        ))}
      </fieldset>
      {error ? (
        <Notice tone="error">{error}</Notice>
      ) : bars === null ? (
        <p class="compliance__loading">{t('loading')}</p>
      ) : bars.length === 0 ? (
        <p class="compliance__empty">{t('compliance_empty', { days })}</p>
      ) : (
        <ul class="compliance__bars" aria-label={t('compliance_bars_label', { days })}>
          {bars.map((bar) => {
            const pct = metPercent(bar);
            const total = bar.met + bar.missed;
            const expanded = open === bar.policyId;
            const listId = `${baseId}-${bar.policyId}`;
            return (
              <li key={bar.policyId} class="compliance__item">
                <button type="button" class="compliance__bar" aria-expanded={expanded} aria-controls={expanded ? listId : undefined} onClick={() => setOpen(expanded ? null : bar.policyId)}>
                  <span class="compliance__head">
                    <span class="compliance__name">{bar.policyName || bar.policyId}</span>{' '}
                    <span class="compliance__pct">{pct === null ? t('compliance_no_targets') : t('compliance_pct_met', { pct: formatNumber(pct / 100, { style: 'percent' }) })}</span>
                  </span>{' '}
                  <span class="compliance__track" aria-hidden="true">
                    {total > 0 && <span class="compliance__met" style={{ width: `${(bar.met / total) * 100}%` }} />}
                    {total > 0 && <span class="compliance__miss" style={{ width: `${(bar.missed / total) * 100}%` }} />}
                  </span>
                  <span class="compliance__counts">{t('compliance_counts', { met: bar.met, missed: bar.missed })}</span>
                </button>
                {expanded && <MissedList bar={bar} id={listId} now={now} format={format} onOpen={onOpen} />}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
