import type { StaleTicket } from '../../lib/view/summary';
import { openableUrl } from '../../lib/view/ticket-url';
import { staleWords } from '../../lib/view/words';

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
          <span class="stale-list__flag">{staleWords(t.kind, t.status, now - t.since)}</span>{' '}
          <span class="stale-list__title" dir="auto">
            {t.title ?? ''}
          </span>
        </li>
      ))}
    </ul>
  );
}
