import { describeCredits, describeMatch, formatAging, formatMoney, formatPercent, formatWarnAt, metricLabel } from '../lib/config/format';
import type { ResolvedPolicy } from '../lib/config/types';
import { TargetsTable } from './TargetsTable';

interface PolicyCardProps {
  policy: ResolvedPolicy;
  /** The calendar's display name, when the policy has one that is not 24x7. */
  calendarName?: string | undefined;
}

export function formatEffective(effective: ResolvedPolicy['effective']): string {
  if (!effective || (effective.from === undefined && effective.to === undefined)) return 'Always';
  if (effective.to === undefined) return `From ${effective.from}`;
  if (effective.from === undefined) return `Until ${effective.to}`;
  return `${effective.from} to ${effective.to}`;
}

/** One policy of the active configuration, with its precedence. */
export function PolicyCard({ policy, calendarName }: PolicyCardProps) {
  const precedence = policy.index + 1;
  const headingId = `policy-${policy.id}-title`;
  const idId = `policy-${policy.id}-id`;
  const abstract = policy.calendarId === null;
  return (
    <article class={`policy${abstract ? ' policy--abstract' : ''}`} aria-labelledby={`${headingId} ${idId}`}>
      <header class="policy__head">
        <span class="policy__rank" title="Precedence: the first matching policy applies">
          <span class="visually-hidden">Precedence </span>
          {precedence}
        </span>
        <div class="policy__titles">
          <h4 class="policy__name" id={headingId}>
            {policy.name}
          </h4>
          <p class="policy__meta">
            <code id={idId}>{policy.id}</code>
            {policy.extends && <span class="chip">extends {policy.extends}</span>}
            {abstract && <span class="chip chip--muted">base policy</span>}
          </p>
        </div>
      </header>
      {policy.description && <p class="policy__description">{policy.description}</p>}
      <dl class="facts">
        <div>
          <dt>Matches</dt>
          <dd>{describeMatch(policy.match)}</dd>
        </div>
        {!abstract && (
          <div>
            <dt>Calendar</dt>
            <dd>
              {policy.calendarId === '24x7' ? (
                '24x7 (always open)'
              ) : calendarName && calendarName !== policy.calendarId ? (
                <>
                  {calendarName} <code>{policy.calendarId}</code>
                </>
              ) : (
                <code>{policy.calendarId}</code>
              )}
            </dd>
          </div>
        )}
        <div>
          <dt>Pauses on</dt>
          <dd>{policy.pauseOn.length > 0 ? policy.pauseOn.join(', ') : 'Never pauses'}</dd>
        </div>
        {policy.internalNotesCount && (
          <div>
            <dt>Internal notes count for</dt>
            <dd>{policy.internalNotesCount.map((m) => metricLabel(m)).join(', ')}</dd>
          </div>
        )}
        {policy.aging && (
          <div>
            <dt>Flags as stale</dt>
            <dd>{formatAging(policy.aging)}</dd>
          </div>
        )}
        <div>
          <dt>Warns at</dt>
          <dd>{formatWarnAt(policy.warnAt)}</dd>
        </div>
        <div>
          <dt>Effective</dt>
          <dd>{formatEffective(policy.effective)}</dd>
        </div>
        {policy.objective !== undefined && (
          <div>
            <dt>Objective</dt>
            <dd>{formatPercent(policy.objective)} of targets met</dd>
          </div>
        )}
        {policy.credits && policy.credits.length > 0 && (
          <div>
            <dt>Credits</dt>
            <dd>{describeCredits(policy.credits)}</dd>
          </div>
        )}
        {policy.creditCap !== undefined && (
          <div>
            <dt>Credit cap</dt>
            <dd>{formatPercent(policy.creditCap)} of the fee per period</dd>
          </div>
        )}
        {policy.fee && (
          <div>
            <dt>Fee</dt>
            <dd>{formatMoney(policy.fee.amount, policy.fee.currency)} per period</dd>
          </div>
        )}
      </dl>
      {abstract ? (
        <p class="muted policy__abstract-note">No calendar or targets of its own: it never applies by itself; policies that extend it inherit its settings.</p>
      ) : (
        <TargetsTable targets={policy.targets} caption={`Targets of ${policy.name}`} />
      )}
    </article>
  );
}
