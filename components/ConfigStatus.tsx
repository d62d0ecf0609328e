import type { ComponentChildren } from 'preact';

export interface ConfigStatusProps {
  name: string;
  version: number;
  appliedAt: string;
  ticketsSeen: number;
  action?: ComponentChildren;
}

/** What is in force: the active configuration and how many tickets SLA Lens has seen. */
export function ConfigStatus({ name, version, appliedAt, ticketsSeen, action }: ConfigStatusProps) {
  return (
    <section class="config-status" aria-labelledby="config-status-title">
      <h2 id="config-status-title" class="config-status__title">
        Active configuration
      </h2>
      <p class="config-status__name">{name}</p>
      <p class="config-status__meta">
        Version {version}, applied {appliedAt}
      </p>
      <p class="config-status__seen">
        {ticketsSeen === 0
          ? 'No tickets seen yet: tickets on the pages SLA Lens covers get badges with their SLA time left.'
          : `${ticketsSeen.toLocaleString()} ${ticketsSeen === 1 ? 'ticket' : 'tickets'} seen so far, each badged with its SLA time left.`}
      </p>
      {action && <div class="config-status__action">{action}</div>}
    </section>
  );
}
