import { formatDuration, metricLabel, metricsWithTargets } from '../lib/config/format';
import type { ResolvedTarget } from '../lib/config/types';
import { t } from '../lib/i18n/core';

interface TargetsTableProps {
  /** By lower-cased priority, `*` for every other priority; in the file's order. */
  targets: Record<string, ResolvedTarget>;
  caption: string;
}

/** Targets per priority: first response and resolution always, each other metric where some priority has it. */
export function TargetsTable({ targets, caption }: TargetsTableProps) {
  // "*" last: it is the fallback for every priority not listed above it.
  const rows = Object.entries(targets).sort(([a], [b]) => Number(a === '*') - Number(b === '*'));
  const metrics = metricsWithTargets(targets);
  return (
    <table class="targets">
      <caption class="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('adm_priority')}</th>
          {metrics.map((m) => (
            <th key={m} scope="col">
              {metricLabel(m, true)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(([key, target]) => (
          <tr key={key}>
            <th scope="row">{key === '*' ? <span class="targets__other">{t('adm_targets_fallback')}</span> : target.label}</th>
            {metrics.map((m) => {
              const ms = target[`${m}Ms`];
              return <td key={m}>{ms === undefined ? <None /> : formatDuration(ms)}</td>;
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function None() {
  return (
    <span class="targets__none" title={t('adm_targets_none_tip')}>
      —<span class="visually-hidden">{t('adm_targets_none')}</span>
    </span>
  );
}
