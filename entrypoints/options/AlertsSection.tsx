import { useEffect, useState } from 'preact/hooks';
import { Button } from '../../components/Button';
import { Notice } from '../../components/Notice';
import { Section } from '../../components/Section';
import { readAlertSettingsInForce, saveAlertSettings, type AlertSettings } from '../../lib/db/alerts';
import { useOptions } from '../../lib/options/context';
import { useLiveQuery } from '../../lib/options/use-live-query';
import { formatNumber, t } from '../../lib/i18n/core';

/** Team-lead alerts (desktop notifications). */
export function AlertsSection() {
  const { db, env } = useOptions();
  const live = useLiveQuery(async () => {
    const [inForce, sites] = await Promise.all([readAlertSettingsInForce(db), db.tickets.orderBy('site').uniqueKeys()]);
    return { ...inForce, sites: sites as string[] };
  }, [db]);
  const [problem, setProblem] = useState<string | null>(null);
  // Settings can say alerts are on (the organisation's defaults, or a permission taken back in the
  // browser's own settings) while the browser would show none: null until the browser answered.
  const [permitted, setPermitted] = useState<boolean | null>(null);
  useEffect(() => {
    let current = true;
    env.alerts.hasPermission().then(
      (granted) => current && setPermitted(granted),
      () => current && setPermitted(false),
    );
    return () => void (current = false);
  }, [env]);
  if (live.status !== 'ready') return null;
  const { settings, from, sites } = live.value;
  const blocked = settings.enabled && permitted === false;
  const on = settings.enabled && !blocked;
  const save = (next: AlertSettings) => void saveAlertSettings(db, next).catch((e: unknown) => setProblem(t('opt_alerts_save_failed', { error: String(e) })));

  /** Asked at the click: browsers grant optional permissions only in answer to a user gesture. */
  async function allow(): Promise<boolean> {
    setProblem(null);
    const granted = await env.alerts.requestPermission();
    if (granted) setPermitted(true);
    else setProblem(t('opt_alerts_denied'));
    return granted;
  }

  async function toggle(enabled: boolean) {
    setProblem(null);
    if (enabled && !(await allow())) return;
    // Switched on where the settings already were (only the permission was missing): they stay the organisation's.
    if (enabled !== settings.enabled) save({ ...settings, enabled });
  }

  const quiet = settings.quietHours;
  return (
    <Section id="alerts" title={t('opt_alerts_title')} description={t('opt_alerts_description')}>
      {problem && <Notice tone="error">{problem}</Notice>}
      {blocked && (
        <Notice tone="info">
          <p>{from === 'organisation' ? t('opt_alerts_org_on') : t('opt_alerts_blocked')}</p>
          <Button variant="secondary" size="small" onClick={() => void allow()}>
            {t('opt_alerts_allow')}
          </Button>
        </Notice>
      )}
      {from === 'organisation' && <p class="muted">{t('opt_alerts_org_defaults')}</p>}
      <label class="field field--inline">
        <input type="checkbox" checked={on} onChange={(e) => void toggle(e.currentTarget.checked)} /> {t('opt_alerts_show')}
      </label>
      <fieldset class="alerts__group" disabled={!on}>
        <legend class="visually-hidden">{t('opt_alerts_settings')}</legend>
        <label class="field">
          <span class="field__label">{t('opt_alerts_lead')}</span>
          <input
            class="field__input"
            type="number"
            min={1}
            max={1440}
            value={settings.leadMinutes}
            onChange={(e) => {
              const n = Number(e.currentTarget.value);
              // The limits as they are typed into the field: no grouping ("1440").
              if (Number.isInteger(n) && n >= 1 && n <= 1440) save({ ...settings, leadMinutes: n });
              else setProblem(t('opt_alerts_lead_invalid', { min: formatNumber(1, { useGrouping: false }), max: formatNumber(1440, { useGrouping: false }) }));
            }}
          />
        </label>
        <label class="field field--inline">
          <input type="checkbox" checked={quiet !== null} onChange={(e) => save({ ...settings, quietHours: e.currentTarget.checked ? { from: '19:00', to: '08:00' } : null })} />{' '}
          {t('opt_alerts_quiet')}
        </label>
        {quiet && (
          <div class="field-row">
            <label class="field">
              <span class="field__label">{t('opt_alerts_from')}</span>
              <input class="field__input" type="time" value={quiet.from} onChange={(e) => save({ ...settings, quietHours: { ...quiet, from: e.currentTarget.value } })} />
            </label>
            <label class="field">
              <span class="field__label">{t('opt_alerts_to')}</span>
              <input class="field__input" type="time" value={quiet.to} onChange={(e) => save({ ...settings, quietHours: { ...quiet, to: e.currentTarget.value } })} />
            </label>
          </div>
        )}
        {sites.length > 0 && (
          <fieldset class="alerts__group">
            <legend>{t('opt_alerts_sites')}</legend>
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
