import { Button } from '../Button';
import { EmptyState } from '../EmptyState';
import { t, tp } from '../../lib/i18n/core';

export interface CoveredSite {
  name: string;
  host: string;
}

export function NoConfiguration({ onOpenSettings }: { onOpenSettings: () => void }) {
  return (
    <EmptyState title={t('empty_no_config_title')} action={<Button onClick={onOpenSettings}>{t('popup_open_settings')}</Button>}>
      <p>{t('empty_no_config_body')}</p>
      <p>{t('empty_no_config_hint')}</p>
    </EmptyState>
  );
}

/** A configuration but no ticket yet: where SLA Lens looks, and how to add a site it does not. */
export function NoTicketsSeen({ sites, onOpenSettings }: { sites: readonly CoveredSite[]; onOpenSettings: () => void }) {
  return (
    <EmptyState
      title={t('empty_no_tickets_title')}
      action={
        <Button variant="secondary" onClick={onOpenSettings}>
          {t('empty_add_site')}
        </Button>
      }
    >
      <p>{t('empty_open_a_page')}</p>
      <ul class="covered-sites" aria-label={t('empty_sites_label')}>
        {sites.map((s) => (
          <li key={`${s.name}|${s.host}`}>
            <span class="covered-sites__name">{s.name}</span> <code>{s.host}</code>
          </li>
        ))}
      </ul>
      <p>{t('empty_self_hosted')}</p>
    </EmptyState>
  );
}

/** Tickets are tracked and none is at risk: say so calmly. */
export function NothingAtRisk({ tracked }: { tracked: number }) {
  return (
    <div class="calm" role="status">
      <span class="calm__glyph" aria-hidden="true" />
      <div>
        <h2 class="calm__title">{t('calm_title')}</h2>
        <p class="calm__body">{tp('calm_body', tracked)}</p>
      </div>
    </div>
  );
}
