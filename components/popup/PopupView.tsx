import type { ComponentChildren } from 'preact';
import type { ComplianceBar, ConfigLabel, StaleTicket, TicketSummary } from '../../lib/view/summary';
import type { PopupSnapshot } from '../../lib/db/popup-query';
import { AppHeader } from '../AppHeader';
import { Button } from '../Button';
import { Notice } from '../Notice';
import { BreachTimeline } from './BreachTimeline';
import { CompliancePanel, type CompliancePeriod, type MissedTicket } from './CompliancePanel';
import { CountsSummary } from './CountsSummary';
import { plural, type TimeFormat } from '../../lib/view/words';
import { NoConfiguration, NoTicketsSeen, NothingAtRisk, type CoveredSite } from './PopupEmptyStates';
import { UnreadablePage, type UnreadablePageProps } from './UnreadablePage';
import { UrgentList } from './UrgentList';
import { StaleList } from './StaleList';
import { WatchedScopes, type WatchedScopesProps } from './WatchedScopes';

export interface PopupViewProps {
  /** The active configuration; undefined while loading, null when there is none. */
  config: ConfigLabel | null | undefined;
  /** undefined while loading. */
  snapshot: PopupSnapshot | undefined;
  /** null while loading. */
  compliance: readonly ComplianceBar[] | null;
  complianceError?: string | undefined;
  complianceDays: CompliancePeriod;
  onComplianceDaysChange: (days: CompliancePeriod) => void;
  /** The sites covered: built-in and self-hosted. */
  sites: readonly CoveredSite[];
  onOpen: (ticket: TicketSummary | MissedTicket | StaleTicket) => void;
  onOpenSettings: () => void;
  /** Opens "Our agreements": what the active configuration holds this person to, in plain words. */
  onOpenAgreements?: (() => void) | undefined;
  /** Opens the SLA report: compliance per period, credits owed, CSV and print. */
  onOpenReport?: (() => void) | undefined;
  /** Why the data could not be read, if it could not. */
  error?: string | undefined;
  /** The tab the popup was opened over shows tickets SLA Lens could not read. */
  unreadablePage?: UnreadablePageProps | undefined;
  format?: TimeFormat;
  /** The team's subscribed configuration cannot be applied: why, and the way to the settings. */
  configTrouble?: { text: string; onOpenSettings(): void } | undefined;
  /** The tab shows a list SLA Lens can watch: the button's words, and how it went. */
  watchThisPage?: { label: string; busy: boolean; result?: { text: string; tone: 'success' | 'error' }; onWatch(): void } | undefined;
  /** The watched scopes' coverage (issue 16), when any scope is watched. */
  watched?: WatchedScopesProps | undefined;
  /** A new configuration version, said once: its words, the way to its changes, and dismissal. */
  announcement?: { text: string; onSeeChanges(): void; onDismiss(): void } | undefined;
}

function PopupSection({ id, title, description, children }: { id: string; title: string; description?: string; children: ComponentChildren }) {
  return (
    <section class="popup-section" aria-labelledby={`${id}-title`}>
      <h2 class="popup-section__title" id={`${id}-title`}>
        {title}
      </h2>
      {description && <p class="popup-section__description">{description}</p>}
      {children}
    </section>
  );
}

/** The team lead's popup: what is at risk now, what breaches next, how well policies are met. */
export function PopupView(props: PopupViewProps) {
  const { config, snapshot, onOpenSettings, error } = props;
  const loading = !error && (config === undefined || (config !== null && snapshot === undefined));
  return (
    <div class="popup">
      <div class="popup__header">
        <AppHeader
          title="SLA Lens"
          subtitle={config ? `${config.name} · version ${config.version}` : 'Team SLA overview'}
          actions={
            config ? (
              <>
                {props.onOpenAgreements && (
                  <Button variant="secondary" size="small" onClick={props.onOpenAgreements}>
                    Our agreements
                  </Button>
                )}
                {props.onOpenReport && (
                  <Button variant="secondary" size="small" onClick={props.onOpenReport}>
                    Report
                  </Button>
                )}
                <Button variant="secondary" size="small" onClick={onOpenSettings}>
                  Settings
                </Button>
              </>
            ) : undefined
          }
        />
      </div>
      <main class="popup__main" aria-busy={loading}>
        {props.configTrouble && (
          <div class="popup__announcement">
            <Notice tone="error">
              <p>{props.configTrouble.text}</p>
              <Button variant="secondary" size="small" onClick={props.configTrouble.onOpenSettings}>
                Open settings
              </Button>
            </Notice>
          </div>
        )}
        {props.announcement && (
          <div class="popup__announcement" role="status">
            <Notice tone="info" onDismiss={props.announcement.onDismiss}>
              <p>{props.announcement.text}</p>
              <Button variant="secondary" size="small" onClick={props.announcement.onSeeChanges}>
                See what changed
              </Button>
            </Notice>
          </div>
        )}
        {props.unreadablePage && <UnreadablePage {...props.unreadablePage} />}
        {config && props.watchThisPage && (
          <div class="popup__watch-page">
            {!props.watchThisPage.result || props.watchThisPage.result.tone === 'error' ? (
              <Button variant="secondary" size="small" disabled={props.watchThisPage.busy} onClick={props.watchThisPage.onWatch}>
                {props.watchThisPage.label}
              </Button>
            ) : null}
            <div role="status">{props.watchThisPage.result && <Notice tone={props.watchThisPage.result.tone}>{props.watchThisPage.result.text}</Notice>}</div>
          </div>
        )}
        {config?.sitesDeclared === false && (
          <p class="popup__tracked popup__every-site">
            Every Jira and Zendesk site counts here, vendors’ and customers’ too. To count only yours, add <code>"sites"</code> to the configuration.
          </p>
        )}
        {error ? <Notice tone="error">{error}</Notice> : loading ? null : <Body {...props} />}
        {/* Whatever the store holds, even nothing yet: a scope that cannot be read says so, never a silent stale list. */}
        {config && props.watched && props.watched.scopes.length > 0 && (
          <PopupSection id="watched" title="Watched" description="Read from the sites in the background, with or without a page open.">
            <WatchedScopes {...props.watched} />
          </PopupSection>
        )}
      </main>
    </div>
  );
}

function Body({ config, snapshot, compliance, complianceError, complianceDays, onComplianceDaysChange, sites, onOpen, onOpenSettings, format }: PopupViewProps) {
  if (!config) return <NoConfiguration onOpenSettings={onOpenSettings} />;
  if (!snapshot) return null;
  if (snapshot.tracked === 0) return <NoTicketsSeen sites={sites} onOpenSettings={onOpenSettings} />;
  const siteCount = snapshot.sites.length;
  return (
    <>
      <CountsSummary counts={snapshot.counts} />
      <p class="popup__tracked">
        {plural(snapshot.tracked, 'ticket')} tracked{siteCount > 0 ? ` on ${plural(siteCount, 'site')}` : ''}
      </p>
      {snapshot.urgent.length === 0 ? (
        <NothingAtRisk tracked={snapshot.tracked} />
      ) : (
        <>
          <PopupSection id="timeline" title="Breaches in the next 8 hours" description="At-risk tickets, at the time each one breaches.">
            <BreachTimeline tickets={snapshot.urgent} now={snapshot.now} format={format} />
          </PopupSection>
          <PopupSection id="urgent" title="At risk and breached">
            <UrgentList tickets={snapshot.urgent} now={snapshot.now} onOpen={onOpen} format={format} />
          </PopupSection>
        </>
      )}
      {snapshot.stale && snapshot.stale.length > 0 && (
        <PopupSection id="stale" title="Stale" description="Flagged by the agreements’ aging rules, oldest first.">
          <StaleList tickets={snapshot.stale} now={snapshot.now} onOpen={onOpen} />
        </PopupSection>
      )}
      <PopupSection id="compliance" title="Compliance" description="Targets met and missed, per policy.">
        <CompliancePanel bars={compliance} error={complianceError} days={complianceDays} onDaysChange={onComplianceDaysChange} onOpen={onOpen} now={snapshot.now} format={format} />
      </PopupSection>
    </>
  );
}
