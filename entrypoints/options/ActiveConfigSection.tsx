import { Notice } from '../../components/Notice';
import { Button } from '../../components/Button';
import { CalendarCard } from '../../components/CalendarCard';
import { ConfigSummary } from '../../components/ConfigSummary';
import { EmptyState } from '../../components/EmptyState';
import { PolicyCard } from '../../components/PolicyCard';
import { Section } from '../../components/Section';
import { describeScope } from '../../lib/config/format';
import { useOptions } from '../../lib/options/context';
import { describeSource, formatLocalTime } from '../../lib/options/format';
import type { OptionsData } from '../../lib/options/options-data';
import { useValue, value } from '../../lib/options/value';
import { ago, until } from '../../lib/subscription/state';
import { t } from '../../lib/i18n/core';
import { Words } from '../../components/Words';

const NO_SUBSCRIPTION = value<null>(null);
const NO_CLOCK = value(0);

/** The configuration in force: summary, policies in precedence order, calendars, the team's watched scopes. */
export function ActiveConfigSection({ data }: { data: OptionsData | null }) {
  const { importer, subscription, managed } = useOptions();
  const subscribed = useValue(subscription?.state ?? NO_SUBSCRIPTION);
  const policySites = useValue(managed.status)?.reading.settings.sites ?? [];
  const clock = useValue(subscription?.clock ?? NO_CLOCK);
  const active = data?.active ?? null;
  const config = data?.config ?? null;

  if (!data) {
    return (
      <Section id="config" title={t('opt_config_title')}>
        <p class="muted" aria-busy="true">
          {t('opt_config_loading')}
        </p>
      </Section>
    );
  }

  if (!active || !config) {
    return (
      <Section id="config" title={t('opt_config_title')}>
        <EmptyState
          headingLevel={3}
          title={t('empty_no_config_title')}
          action={
            <div class="empty-actions">
              <a class="button button--primary" href="#import">
                {t('opt_import_link')}
              </a>
              <Button variant="secondary" onClick={() => void importer.loadSample()}>
                {t('opt_load_sample')}
              </Button>
            </div>
          }
        >
          <p>{t('opt_empty_not_timed')}</p>
          <p>{t('opt_empty_about')}</p>
        </EmptyState>
      </Section>
    );
  }

  const calendarIds = Object.keys(config.calendars);
  const watch = config.watch ?? [];
  const calendarName = (id: string | null) => (id && id !== '24x7' ? config.calendars[id]?.name : undefined);
  const usedBy = (id: string) => config.policies.filter((p) => p.calendarId === id).map((p) => p.name);
  // The policy's sites count as the organisation's with the configuration's own (lib/config/org-sites.ts).
  const ownSites = (config.sites ?? []).filter((s) => !policySites.includes(s.trim().toLowerCase()));
  const counted = [
    ...(policySites.length ? [t('opt_sites_set_by_org', { sites: policySites.join(', ') })] : []),
    ...(ownSites.length ? [policySites.length ? t('opt_sites_from_config', { sites: ownSites.join(', ') }) : ownSites.join(', ')] : []),
  ];
  return (
    <Section id="config" title={t('opt_config_title')}>
      <ConfigSummary
        name={config.name ?? t('opt_untitled_config')}
        description={config.description}
        version={active.id}
        appliedAt={formatLocalTime(active.appliedAt)}
        source={describeSource(active.source)}
        note={active.note}
        policyCount={config.policies.length}
        calendarCount={calendarIds.length}
        watchCount={watch.length}
      />
      {subscribed && (active.source.kind === 'subscription' || active.source.kind === 'policy') && active.source.url === subscribed.url && (
        <p class="muted config-checked">
          {subscribed.lastCheckedAt === undefined
            ? t('opt_checked_never', { next: until(subscribed.nextTryAt, clock) })
            : t('opt_checked', { ago: ago(subscribed.lastCheckedAt, clock), next: until(subscribed.nextTryAt, clock) })}
        </p>
      )}
      {counted.length ? (
        <p class="subsection__hint">{t('opt_counts_from', { sites: counted.join(', ') })}</p>
      ) : (
        <Notice tone="info">
          <Words text={t('opt_every_site')} parts={{ sites: <code>"sites": ["your-team.atlassian.net"]</code> }} />
        </Notice>
      )}
      <div class="subsection">
        <h3 class="subsection__title">{t('opt_policies_title')}</h3>
        <p class="subsection__hint">{t('opt_policies_hint')}</p>
        <div class="policy-list">
          {config.policies.map((policy) => (
            <PolicyCard key={policy.id} policy={policy} calendarName={calendarName(policy.calendarId)} />
          ))}
        </div>
      </div>
      <div class="subsection">
        <h3 class="subsection__title">{t('opt_calendars_title')}</h3>
        {calendarIds.length === 0 ? (
          <p class="muted">{t('opt_no_calendars')}</p>
        ) : (
          <div class="calendar-list">
            {calendarIds.map((id) => (
              <CalendarCard key={id} id={id} spec={config.calendars[id]!} usedBy={usedBy(id)} />
            ))}
          </div>
        )}
      </div>
      {watch.length > 0 && (
        <div class="subsection">
          <h3 class="subsection__title">{t('opt_watched_scopes_title')}</h3>
          <p class="subsection__hint">{t('opt_watched_scopes_hint')}</p>
          {/* Names and queries are the file's text: rendered as text, never as markup. */}
          <ul class="site-list" aria-label={t('opt_watched_scopes_title')}>
            {watch.map((scope) => (
              <li key={scope.id} class="site-list__row">
                <div class="site-list__what">
                  <span class="site-list__name">{scope.name ?? describeScope(scope)}</span>
                  <span class="site-list__kind">
                    {scope.name !== undefined && `${describeScope(scope)} · `}
                    {scope.site}
                  </span>
                </div>
              </li>
            ))}
          </ul>
        </div>
      )}
    </Section>
  );
}
