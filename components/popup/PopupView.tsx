import type { ComponentChildren } from 'preact';
import type { ComplianceBar, ConfigLabel, StaleTicket, TicketSummary } from '../../lib/view/summary';
import type { PopupSnapshot } from '../../lib/db/popup-query';
import { AppHeader } from '../AppHeader';
import { Button } from '../Button';
import { Notice } from '../Notice';
import { BreachTimeline } from './BreachTimeline';
import { CompliancePanel, type CompliancePeriod, type MissedTicket } from './CompliancePanel';
import { CountsSummary } from './CountsSummary';
import type { TimeFormat } from '../../lib/view/words';
import { t, tp } from '../../lib/i18n/core';
import { NoConfiguration, NoTicketsSeen, NothingAtRisk, type CoveredSite } from './PopupEmptyStates';
import { UnreadablePage, type UnreadablePageProps } from './UnreadablePage';
import { UrgentList } from './UrgentList';
import { StaleList } from './StaleList';
import { WatchedScopes, type WatchedScopesProps } from './WatchedScopes';
import { Words } from '../Words';

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
          subtitle={config ? t('popup_subtitle_config', { name: config.name, version: config.version }) : t('popup_subtitle_none')}
          actions={
            config ? (
              <>
                {props.onOpenAgreements && (
                  <Button variant="secondary" size="small" onClick={props.onOpenAgreements}>
                    {t('popup_our_agreements')}
                  </Button>
                )}
                {props.onOpenReport && (
                  <Button variant="secondary" size="small" onClick={props.onOpenReport}>
                    {t('popup_report')}
                  </Button>
                )}
                <Button variant="secondary" size="small" onClick={onOpenSettings}>
                  {t('popup_settings')}
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
                {t('popup_open_settings')}
              </Button>
            </Notice>
          </div>
        )}
        {props.announcement && (
          <div class="popup__announcement" role="status">
            <Notice tone="info" onDismiss={props.announcement.onDismiss}>
              <p>{props.announcement.text}</p>
              <Button variant="secondary" size="small" onClick={props.announcement.onSeeChanges}>
                {t('popup_see_changes')}
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
            <Words text={t('popup_every_site')} parts={{ sites: <code>"sites"</code> }} />
          </p>
        )}
        {error ? <Notice tone="error">{error}</Notice> : loading ? null : <Body {...props} />}
        {/* Whatever the store holds, even nothing yet: a scope that cannot be read says so, never a silent stale list. */}
        {config && props.watched && props.watched.scopes.length > 0 && (
          <PopupSection id="watched" title={t('popup_watched_title')} description={t('popup_watched_description')}>
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
      <p class="popup__tracked">{siteCount > 0 ? tp('popup_tracked_on_sites', siteCount, { tracked: tp('popup_tracked', snapshot.tracked) }) : tp('popup_tracked', snapshot.tracked)}</p>
      {snapshot.urgent.length === 0 ? (
        <NothingAtRisk tracked={snapshot.tracked} />
      ) : (
        <>
          <PopupSection id="timeline" title={t('popup_timeline_title')} description={t('popup_timeline_description')}>
            <BreachTimeline tickets={snapshot.urgent} now={snapshot.now} format={format} />
          </PopupSection>
          <PopupSection id="urgent" title={t('popup_urgent_title')}>
            <UrgentList tickets={snapshot.urgent} now={snapshot.now} onOpen={onOpen} format={format} />
          </PopupSection>
        </>
      )}
      {snapshot.stale && snapshot.stale.length > 0 && (
        <PopupSection id="stale" title={t('popup_stale_title')} description={t('popup_stale_description')}>
          <StaleList tickets={snapshot.stale} now={snapshot.now} onOpen={onOpen} />
        </PopupSection>
      )}
      <PopupSection id="compliance" title={t('popup_compliance_title')} description={t('popup_compliance_description')}>
        <CompliancePanel bars={compliance} error={complianceError} days={complianceDays} onDaysChange={onComplianceDaysChange} onOpen={onOpen} now={snapshot.now} format={format} />
      </PopupSection>
    </>
  );
}
