import type { SiteKind } from '../lib/sources/self-hosted';
import type { BuiltInSite } from '../lib/sources/sites';
import { Button } from './Button';

const KIND_NAMES: Record<SiteKind, string> = { jira: 'Jira Data Center / Server', zendesk: 'Zendesk custom domain' };

/** The sites covered out of the box: read-only. */
export function BuiltInSiteList({ sites }: { sites: readonly BuiltInSite[] }) {
  return (
    <ul class="site-list" aria-label="Built-in sites">
      {sites.map((site) => (
        <li key={site.host} class="site-list__row">
          <span class="site-list__name">{site.name}</span>
          <code>{site.host}</code>
        </li>
      ))}
    </ul>
  );
}

export interface SelfHostedSiteRow {
  origin: string;
  kind: SiteKind | null;
  /** Host permission granted. */
  permitted: boolean;
  /** Content script registered. */
  registered: boolean;
}

interface SelfHostedSiteListProps {
  sites: readonly SelfHostedSiteRow[];
  /** The origin being added or removed, while it runs. */
  pending: string | null;
  onRemove(origin: string): void;
  /** Asks the browser again for a site whose access was revoked (must run inside the click). */
  onAllow(site: SelfHostedSiteRow): void;
}

/** Sites the admin added, with their state and a way to remove each. */
export function SelfHostedSiteList({ sites, pending, onRemove, onAllow }: SelfHostedSiteListProps) {
  if (sites.length === 0) {
    return <p class="muted">No self-hosted sites yet. Add a Jira Data Center or Server site, or a Zendesk custom domain, below.</p>;
  }
  return (
    <ul class="site-list" aria-label="Self-hosted sites">
      {sites.map((site) => (
        <li key={site.origin} class="site-list__row">
          <div class="site-list__what">
            <code class="site-list__origin">{site.origin}</code>
            <span class="site-list__kind">{site.kind ? KIND_NAMES[site.kind] : 'Jira or Zendesk'}</span>
            {!site.permitted && <span class="site-list__state site-list__state--warn">Access was removed in the browser: SLA Lens does not run here.</span>}
            {site.permitted && !site.registered && <span class="site-list__state">Starting…</span>}
          </div>
          <div class="site-list__actions">
            {site.permitted && site.registered && <span class="site-list__state site-list__state--ok">Active</span>}
            {!site.permitted && (
              <Button size="small" disabled={pending !== null} onClick={() => onAllow(site)}>
                Allow access<span class="visually-hidden"> to {site.origin}</span>
              </Button>
            )}
            <Button variant="secondary" size="small" disabled={pending !== null} onClick={() => onRemove(site.origin)}>
              Remove<span class="visually-hidden"> {site.origin}</span>
            </Button>
          </div>
        </li>
      ))}
    </ul>
  );
}
