import { useId, useState } from 'preact/hooks';
import type { ComplianceBar } from '../../lib/view/summary';
import { Notice } from '../Notice';
import { formatDue, metricWords, type TimeFormat } from '../../lib/view/words';
import { openableUrl } from '../../lib/view/ticket-url';

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
        {bar.missed === 0 ? 'None missed.' : 'The missed tickets are no longer stored.'}
      </p>
    );
  }
  return (
    <ul id={id} class="compliance__missed" aria-label={`Missed: ${bar.policyName}`}>
      {bar.missedTickets.map((t) => {
        const body = (
          <>
            <span class="compliance__key">{t.key}</span> <span class="compliance__title">{t.title?.trim() || 'No title seen'}</span>{' '}
            <span class="compliance__meta">
              {metricWords(t.metric)} · was due {formatDue(t.dueAt, now, format)}
              {!openableUrl(t.url, t.site) && ' · no link to open'}
            </span>
          </>
        );
        return (
          <li key={`${t.site}/${t.key}/${t.metric}`}>
            {openableUrl(t.url, t.site) ? (
              <button type="button" class="compliance__ticket" onClick={() => onOpen(t)}>
                {body}
              </button>
            ) : (
              <div class="compliance__ticket compliance__ticket--no-link" title="No web address was seen for this ticket, so it cannot be opened from here.">
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
        <legend class="visually-hidden">Period</legend>
        {COMPLIANCE_PERIODS.map((d) => (
          <label key={d} class={`segmented__option${d === days ? ' segmented__option--checked' : ''}`}>
            <input type="radio" name={`${baseId}-period`} value={d} checked={d === days} onChange={() => onDaysChange(d)} />
            {d} days
          </label>
        ))}
      </fieldset>
      {error ? (
        <Notice tone="error">{error}</Notice>
      ) : bars === null ? (
        <p class="compliance__loading">Loading…</p>
      ) : bars.length === 0 ? (
        <p class="compliance__empty">No targets decided in the last {days} days.</p>
      ) : (
        <ul class="compliance__bars" aria-label={`Policies over the last ${days} days`}>
          {bars.map((bar) => {
            const pct = metPercent(bar);
            const total = bar.met + bar.missed;
            const expanded = open === bar.policyId;
            const listId = `${baseId}-${bar.policyId}`;
            return (
              <li key={bar.policyId} class="compliance__item">
                <button type="button" class="compliance__bar" aria-expanded={expanded} aria-controls={expanded ? listId : undefined} onClick={() => setOpen(expanded ? null : bar.policyId)}>
                  <span class="compliance__head">
                    <span class="compliance__name">{bar.policyName || bar.policyId}</span> <span class="compliance__pct">{pct === null ? 'no targets decided' : `${pct}% met`}</span>
                  </span>{' '}
                  <span class="compliance__track" aria-hidden="true">
                    {total > 0 && <span class="compliance__met" style={{ width: `${(bar.met / total) * 100}%` }} />}
                    {total > 0 && <span class="compliance__miss" style={{ width: `${(bar.missed / total) * 100}%` }} />}
                  </span>
                  <span class="compliance__counts">
                    {bar.met.toLocaleString('en')} met · {bar.missed.toLocaleString('en')} missed
                  </span>
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
