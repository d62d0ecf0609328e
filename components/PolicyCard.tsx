import { describeCredits, describeMatch, formatAging, formatMoney, formatPercent, formatWarnAt, metricLabel } from '../lib/config/format';
import type { ResolvedPolicy } from '../lib/config/types';
import { formatNumber, t } from '../lib/i18n/core';
import { listed } from './CalendarWeek';
import { TargetsTable } from './TargetsTable';

interface PolicyCardProps {
  policy: ResolvedPolicy;
  /** The calendar's display name, when the policy has one that is not 24x7. */
  calendarName?: string | undefined;
}

export function formatEffective(effective: ResolvedPolicy['effective']): string {
  const from = effective?.from;
  const to = effective?.to;
  if (from === undefined) return to === undefined ? t('adm_effective_always') : t('adm_effective_until', { to });
  if (to === undefined) return t('adm_effective_from', { from });
  return t('adm_effective_between', { from, to });
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
        <span class="policy__rank" title={t('adm_policy_precedence_tip')}>
          <span class="visually-hidden">{t('adm_policy_precedence')} </span>
          {formatNumber(precedence)}
        </span>
        <div class="policy__titles">
          <h4 class="policy__name" id={headingId}>
            <bdi>{policy.name}</bdi>
          </h4>
          <p class="policy__meta">
            <code id={idId}>{policy.id}</code>
            {policy.extends && <span class="chip">{t('adm_policy_extends', { policy: policy.extends })}</span>}
            {abstract && <span class="chip chip--muted">{t('adm_policy_base')}</span>}
          </p>
        </div>
      </header>
      {policy.description && (
        <p class="policy__description">
          <bdi>{policy.description}</bdi>
        </p>
      )}
      <dl class="facts">
        <div>
          <dt>{t('adm_policy_matches')}</dt>
          <dd>{describeMatch(policy.match)}</dd>
        </div>
        {!abstract && (
          <div>
            <dt>{t('adm_policy_calendar')}</dt>
            <dd>
              {policy.calendarId === '24x7' ? (
                t('adm_policy_always_open', { calendar: '24x7' })
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
          <dt>{t('adm_policy_pauses_on')}</dt>
          <dd>{policy.pauseOn.length > 0 ? listed(policy.pauseOn) : t('adm_policy_never_pauses')}</dd>
        </div>
        {policy.internalNotesCount && (
          <div>
            <dt>{t('adm_policy_notes_count')}</dt>
            <dd>{listed(policy.internalNotesCount.map((m) => metricLabel(m)))}</dd>
          </div>
        )}
        {policy.aging && (
          <div>
            <dt>{t('adm_policy_stale')}</dt>
            <dd>{formatAging(policy.aging)}</dd>
          </div>
        )}
        <div>
          <dt>{t('adm_policy_warns')}</dt>
          <dd>{formatWarnAt(policy.warnAt)}</dd>
        </div>
        <div>
          <dt>{t('adm_policy_effective')}</dt>
          <dd>{formatEffective(policy.effective)}</dd>
        </div>
        {policy.objective !== undefined && (
          <div>
            <dt>{t('adm_policy_objective')}</dt>
            <dd>{t('adm_policy_objective_value', { percent: formatPercent(policy.objective) })}</dd>
          </div>
        )}
        {policy.credits && policy.credits.length > 0 && (
          <div>
            <dt>{t('adm_policy_credits')}</dt>
            <dd>{describeCredits(policy.credits)}</dd>
          </div>
        )}
        {policy.creditCap !== undefined && (
          <div>
            <dt>{t('adm_policy_credit_cap')}</dt>
            <dd>{t('adm_policy_credit_cap_value', { percent: formatPercent(policy.creditCap) })}</dd>
          </div>
        )}
        {policy.fee && (
          <div>
            <dt>{t('adm_policy_fee')}</dt>
            <dd>{t('adm_policy_fee_value', { amount: formatMoney(policy.fee.amount, policy.fee.currency) })}</dd>
          </div>
        )}
      </dl>
      {abstract ? (
        <p class="muted policy__abstract-note">{t('adm_policy_abstract_note')}</p>
      ) : (
        <TargetsTable targets={policy.targets} caption={t('adm_policy_targets_caption', { policy: policy.name })} />
      )}
    </article>
  );
}
