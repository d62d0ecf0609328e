import type { TicketCounts } from '../../lib/view/summary';
import { formatNumber, t, type MessageKey } from '../../lib/i18n/core';
import { Words } from '../Words';

interface CountsSummaryProps {
  counts: TicketCounts;
}

const ITEMS = [
  { field: 'breached', state: 'breached', word: 'counts_breached' },
  { field: 'atRisk', state: 'at-risk', word: 'counts_at_risk' },
  { field: 'ok', state: 'ok', word: 'counts_ok' },
  { field: 'paused', state: 'paused', word: 'counts_paused' },
] as const satisfies ReadonlyArray<{ field: string; state: string; word: MessageKey }>;

/** The share of tickets with approximate figures, `12%`; never rounded to 0% or 100% when it is not. */
export function approximateShare(counts: TicketCounts): string | null {
  const total = counts.breached + counts.atRisk + counts.ok + counts.paused;
  if (total === 0) return null;
  const share = (Math.min(counts.approximate, total) / total) * 100;
  const percent = (n: number) => formatNumber(n / 100, { style: 'percent' });
  if (share > 0 && share < 1) return `<${percent(1)}`;
  if (share > 99 && share < 100) return `>${percent(99)}`;
  return percent(Math.round(share));
}

/** How many running tickets are in each state, and how many of those figures are approximate. */
export function CountsSummary({ counts }: CountsSummaryProps) {
  const share = approximateShare(counts);
  return (
    <section class="counts" aria-labelledby="counts-title">
      <h2 id="counts-title" class="visually-hidden">
        {t('counts_title')}
      </h2>
      <ul class="counts__list" aria-labelledby="counts-title">
        {ITEMS.map(({ field, state, word }) => (
          <li key={field} class={`counts__item counts__item--${state}`}>
            <span class="counts__glyph" aria-hidden="true" />
            <span class="counts__number">{formatNumber(counts[field])}</span> <span class="counts__word">{t(word)}</span>
          </li>
        ))}
      </ul>
      {(counts.stale ?? 0) > 0 && (
        <p class="counts__stale">
          <Words text={t('counts_stale')} parts={{ n: <span class="counts__number">{formatNumber(counts.stale!)}</span> }} />
        </p>
      )}
      {share !== null &&
        (counts.approximate === 0 ? (
          <p class="counts__approximate">{t('counts_all_exact')}</p>
        ) : (
          <details class="counts__approximate">
            <summary>{t('counts_approximate', { share })}</summary>
            <p>{t('counts_approximate_why', { n: counts.approximate })}</p>
          </details>
        ))}
    </section>
  );
}
