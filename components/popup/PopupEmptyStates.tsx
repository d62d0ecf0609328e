import { Button } from '../Button';
import { EmptyState } from '../EmptyState';
import { plural } from '../../lib/view/words';

export interface CoveredSite {
  name: string;
  host: string;
}

export function NoConfiguration({ onOpenSettings }: { onOpenSettings: () => void }) {
  return (
    <EmptyState title="No SLA configuration yet" action={<Button onClick={onOpenSettings}>Open settings</Button>}>
      <p>No SLA configuration has been imported, so no tickets are being timed.</p>
      <p>Import one in the settings: tickets on your Jira and Zendesk pages then show the time left before each SLA breaches.</p>
    </EmptyState>
  );
}

/** A configuration but no ticket yet: where SLA Lens looks, and how to add a site it does not. */
export function NoTicketsSeen({ sites, onOpenSettings }: { sites: readonly CoveredSite[]; onOpenSettings: () => void }) {
  return (
    <EmptyState
      title="No tickets seen yet"
      action={
        <Button variant="secondary" onClick={onOpenSettings}>
          Add a self-hosted site
        </Button>
      }
    >
      <p>Open a queue, board or ticket on one of these sites and its tickets appear here:</p>
      <ul class="covered-sites" aria-label="Sites SLA Lens covers">
        {sites.map((s) => (
          <li key={`${s.name}|${s.host}`}>
            <span class="covered-sites__name">{s.name}</span> <code>{s.host}</code>
          </li>
        ))}
      </ul>
      <p>Jira Data Center or Zendesk on your own domain? Add its address in the settings.</p>
    </EmptyState>
  );
}

/** Tickets are tracked and none is at risk: say so calmly. */
export function NothingAtRisk({ tracked }: { tracked: number }) {
  return (
    <div class="calm" role="status">
      <span class="calm__glyph" aria-hidden="true" />
      <div>
        <h2 class="calm__title">Nothing at risk</h2>
        <p class="calm__body">None of the {plural(tracked, 'tracked ticket')} is at risk or breached. Tickets appear here as soon as they near their target.</p>
      </div>
    </div>
  );
}
