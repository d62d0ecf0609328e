import { t } from '../lib/i18n/core';
import type { SiteKind } from '../lib/sources/self-hosted';
import type { BuiltInSite } from '../lib/sources/sites';
import { Button } from './Button';

// Jira's are product names, said alike in every language.
const kindName = (kind: SiteKind) => (kind === 'jira' ? 'Jira Data Center / Server' : t('adm_site_kind_zendesk'));

/** The sites covered out of the box: read-only. */
export function BuiltInSiteList({ sites }: { sites: readonly BuiltInSite[] }) {
  return (
    <ul class="site-list" aria-label={t('adm_sites_built_in')}>
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
    return <p class="muted">{t('adm_sites_none')}</p>;
  }
  return (
    <ul class="site-list" aria-label={t('adm_sites_self_hosted')}>
      {sites.map((site) => (
        <li key={site.origin} class="site-list__row">
          <div class="site-list__what">
            <code class="site-list__origin">{site.origin}</code>
            <span class="site-list__kind">{site.kind ? kindName(site.kind) : t('site_jira_or_zendesk')}</span>
            {!site.permitted && <span class="site-list__state site-list__state--warn">{t('adm_site_revoked')}</span>}
            {site.permitted && !site.registered && <span class="site-list__state">{t('adm_site_starting')}</span>}
          </div>
          <div class="site-list__actions">
            {site.permitted && site.registered && <span class="site-list__state site-list__state--ok">{t('adm_site_active')}</span>}
            {/* Each button is named after its site for a screen reader; the name begins with the visible words. */}
            {!site.permitted && (
              <Button size="small" disabled={pending !== null} onClick={() => onAllow(site)} aria-label={t('adm_site_allow_named', { site: site.origin })}>
                {t('adm_site_allow')}
              </Button>
            )}
            <Button variant="secondary" size="small" disabled={pending !== null} onClick={() => onRemove(site.origin)} aria-label={t('adm_site_remove_named', { site: site.origin })}>
              {t('adm_site_remove')}
            </Button>
          </div>
        </li>
      ))}
    </ul>
  );
}
