import type { StaleTicket } from '../../lib/view/summary';
import { compactWallSpan } from '../../lib/view/durations';
import { openableUrl } from '../../lib/view/ticket-url';

/** What flags a stale ticket at `now`, as its mark beside the badge says it: `no update 3d`, `in Waiting 5d`. */
export function staleWords(ticket: StaleTicket, now: number): string {
  const span = compactWallSpan(Math.max(0, now - ticket.since));
  return ticket.kind === 'no-update' ? `no update ${span}` : `in ${ticket.status ?? 'its status'} ${span}`;
}

/** The stale tickets, oldest first (issue 18 §2): each with what flags it and for how long. */
export function StaleList({ tickets, now, onOpen }: { tickets: readonly StaleTicket[]; now: number; onOpen: (ticket: StaleTicket) => void }) {
  return (
    <ul class="stale-list">
      {tickets.map((t) => (
        <li key={`${t.site}|${t.key}`} class="stale-list__item">
          {openableUrl(t.url, t.site) ? (
            <button type="button" class="stale-list__key" onClick={() => onOpen(t)}>
              {t.key}
            </button>
          ) : (
            <span class="stale-list__key">{t.key}</span>
          )}{' '}
          <span class="stale-list__flag">{staleWords(t, now)}</span> <span class="stale-list__title">{t.title ?? ''}</span>
        </li>
      ))}
    </ul>
  );
}
