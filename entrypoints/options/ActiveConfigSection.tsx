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
      <Section id="config" title="SLA configuration">
        <p class="muted" aria-busy="true">
          Loading the configuration…
        </p>
      </Section>
    );
  }

  if (!active || !config) {
    return (
      <Section id="config" title="SLA configuration">
        <EmptyState
          headingLevel={3}
          title="No SLA configuration yet"
          action={
            <div class="empty-actions">
              <a class="button button--primary" href="#import">
                Import a configuration
              </a>
              <Button variant="secondary" onClick={() => void importer.loadSample()}>
                Load the sample configuration
              </Button>
            </div>
          }
        >
          <p>Tickets are not being timed until a configuration is applied.</p>
          <p>
            A configuration holds your business calendars (hours, time zone, holidays) and your SLA policies: which tickets each covers and the targets per priority (first response, resolution, and
            any of next reply, periodic and pausable updates, requester wait and agent work). Import a JSON or YAML file in the SLA Lens format, or Zendesk SLA policy and schedule exports.
          </p>
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
    ...(policySites.length ? [`${policySites.join(', ')} (set by your organisation)`] : []),
    ...(ownSites.length ? [policySites.length ? `${ownSites.join(', ')} (from the configuration)` : ownSites.join(', ')] : []),
  ];
  return (
    <Section id="config" title="SLA configuration">
      <ConfigSummary
        name={config.name ?? 'Untitled configuration'}
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
          {subscribed.lastCheckedAt === undefined ? 'Not checked for amendments yet' : `Checked for amendments ${ago(subscribed.lastCheckedAt, clock)}`}; next check{' '}
          {until(subscribed.nextTryAt, clock)}.
        </p>
      )}
      {counted.length ? (
        <p class="subsection__hint">Counts tickets from {counted.join(', ')} and the self-hosted sites you added; any other site’s tickets are neither recorded nor counted.</p>
      ) : (
        <Notice tone="info">
          Every Jira Cloud and Zendesk site counts as your team’s, vendors’ and customers’ you visit included. To count only yours, add <code>"sites": ["your-team.atlassian.net"]</code> at the top of
          the configuration.
        </Notice>
      )}
      <div class="subsection">
        <h3 class="subsection__title">Policies</h3>
        <p class="subsection__hint">In order of precedence: a ticket gets the first policy that matches it and has a target for its priority.</p>
        <div class="policy-list">
          {config.policies.map((policy) => (
            <PolicyCard key={policy.id} policy={policy} calendarName={calendarName(policy.calendarId)} />
          ))}
        </div>
      </div>
      <div class="subsection">
        <h3 class="subsection__title">Calendars</h3>
        {calendarIds.length === 0 ? (
          <p class="muted">No business calendars: every policy runs around the clock (24x7).</p>
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
          <h3 class="subsection__title">Watched scopes</h3>
          <p class="subsection__hint">Queues, filters, views and searches this configuration names for the whole team to watch, each on one site.</p>
          {/* Names and queries are the file's text: rendered as text, never as markup. */}
          <ul class="site-list" aria-label="Watched scopes">
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
