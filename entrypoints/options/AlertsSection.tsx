import { useState } from 'preact/hooks';
import { Notice } from '../../components/Notice';
import { Section } from '../../components/Section';
import { readAlertSettings, saveAlertSettings, type AlertSettings } from '../../lib/db/alerts';
import { useOptions } from '../../lib/options/context';
import { useLiveQuery } from '../../lib/options/use-live-query';

/** Team-lead alerts (desktop notifications). */
export function AlertsSection() {
  const { db, env } = useOptions();
  const live = useLiveQuery(async () => {
    const [settings, sites] = await Promise.all([readAlertSettings(db), db.tickets.orderBy('site').uniqueKeys()]);
    return { settings, sites: sites as string[] };
  }, [db]);
  const [problem, setProblem] = useState<string | null>(null);
  if (live.status !== 'ready') return null;
  const { settings, sites } = live.value;
  const save = (next: AlertSettings) => void saveAlertSettings(db, next).catch((e: unknown) => setProblem(`The alert settings could not be saved: ${String(e)}`));

  async function toggle(enabled: boolean) {
    setProblem(null);
    // Asked at the click: browsers grant optional permissions only in answer to a user gesture.
    if (enabled && !(await env.alerts.requestPermission())) {
      setProblem('The browser did not allow SLA Lens to show notifications, so alerts stay off.');
      return;
    }
    save({ ...settings, enabled });
  }

  const quiet = settings.quietHours;
  return (
    <Section id="alerts" title="Alerts" description="Desktop notifications when a ticket turns at risk or is about to breach: once per ticket and metric.">
      {problem && <Notice tone="error">{problem}</Notice>}
      <label class="field field--inline">
        <input type="checkbox" checked={settings.enabled} onChange={(e) => void toggle(e.currentTarget.checked)} /> Show desktop alerts
      </label>
      <fieldset class="alerts__group" disabled={!settings.enabled}>
        <legend class="visually-hidden">Alert settings</legend>
        <label class="field">
          <span class="field__label">Alert this many minutes before a breach at the latest</span>
          <input
            class="field__input"
            type="number"
            min={1}
            max={1440}
            value={settings.leadMinutes}
            onChange={(e) => {
              const n = Number(e.currentTarget.value);
              if (Number.isInteger(n) && n >= 1 && n <= 1440) save({ ...settings, leadMinutes: n });
              else setProblem('Enter a whole number of minutes between 1 and 1440.');
            }}
          />
        </label>
        <label class="field field--inline">
          <input type="checkbox" checked={quiet !== null} onChange={(e) => save({ ...settings, quietHours: e.currentTarget.checked ? { from: '19:00', to: '08:00' } : null })} /> Quiet hours
        </label>
        {quiet && (
          <div class="field-row">
            <label class="field">
              <span class="field__label">From</span>
              <input class="field__input" type="time" value={quiet.from} onChange={(e) => save({ ...settings, quietHours: { ...quiet, from: e.currentTarget.value } })} />
            </label>
            <label class="field">
              <span class="field__label">To</span>
              <input class="field__input" type="time" value={quiet.to} onChange={(e) => save({ ...settings, quietHours: { ...quiet, to: e.currentTarget.value } })} />
            </label>
          </div>
        )}
        {sites.length > 0 && (
          <fieldset class="alerts__group">
            <legend>Alert for tickets on</legend>
            {sites.map((site) => (
              <label class="field field--inline" key={site}>
                <input
                  type="checkbox"
                  checked={!settings.mutedSites.includes(site)}
                  onChange={(e) => save({ ...settings, mutedSites: e.currentTarget.checked ? settings.mutedSites.filter((s) => s !== site) : [...settings.mutedSites, site] })}
                />{' '}
                {site}
              </label>
            ))}
          </fieldset>
        )}
      </fieldset>
    </Section>
  );
}
