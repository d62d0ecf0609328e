import type { TicketCounts } from '../../lib/view/summary';

interface CountsSummaryProps {
  counts: TicketCounts;
}

const ITEMS = [
  { field: 'breached', state: 'breached', word: 'breached' },
  { field: 'atRisk', state: 'at-risk', word: 'at risk' },
  { field: 'ok', state: 'ok', word: 'on track' },
  { field: 'paused', state: 'paused', word: 'paused' },
] as const;

/** The share of tickets with approximate figures, `12%`; never rounded to 0% or 100% when it is not. */
export function approximateShare(counts: TicketCounts): string | null {
  const total = counts.breached + counts.atRisk + counts.ok + counts.paused;
  if (total === 0) return null;
  const share = (Math.min(counts.approximate, total) / total) * 100;
  if (share > 0 && share < 1) return '<1%';
  if (share > 99 && share < 100) return '>99%';
  return `${Math.round(share)}%`;
}

/** How many running tickets are in each state, and how many of those figures are approximate. */
export function CountsSummary({ counts }: CountsSummaryProps) {
  const share = approximateShare(counts);
  return (
    <section class="counts" aria-labelledby="counts-title">
      <h2 id="counts-title" class="visually-hidden">
        Tickets by state
      </h2>
      <ul class="counts__list" aria-labelledby="counts-title">
        {ITEMS.map(({ field, state, word }) => (
          <li key={field} class={`counts__item counts__item--${state}`}>
            <span class="counts__glyph" aria-hidden="true" />
            <span class="counts__number">{counts[field].toLocaleString('en')}</span> <span class="counts__word">{word}</span>
          </li>
        ))}
      </ul>
      {(counts.stale ?? 0) > 0 && (
        <p class="counts__stale">
          <span class="counts__number">{counts.stale!.toLocaleString('en')}</span> stale
        </p>
      )}
      {share !== null &&
        (counts.approximate === 0 ? (
          <p class="counts__approximate">All figures exact</p>
        ) : (
          <details class="counts__approximate">
            <summary>{share} approximate</summary>
            <p>
              {counts.approximate.toLocaleString('en')} of these tickets have figures that rest on inferred data: the site gave no status history, so pauses (waiting for the customer, on hold) may
              have been missed. Their countdowns carry a “~”.
            </p>
          </details>
        ))}
    </section>
  );
}
