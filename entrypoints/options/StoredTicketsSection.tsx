import { useEffect, useState } from 'preact/hooks';
import { Button } from '../../components/Button';
import { Notice } from '../../components/Notice';
import { Section } from '../../components/Section';
import { TICKET_CAPS } from '../../lib/db/capacity';
import { readTallies } from '../../lib/db/tallies';
import { forgetSite, retentionDays, RETENTION_KEY } from '../../lib/db/upkeep';
import { useOptions } from '../../lib/options/context';
import { useLiveQuery } from '../../lib/options/use-live-query';
import { formatNumber, t, tp } from '../../lib/i18n/core';
import { Words } from '../../components/Words';

/**
 * The Forget button of one site: only its word shows; the rest of the sentence ("the tickets of
 * acme.zendesk.com"), wherever the language puts it, is there for screen readers.
 */
function ForgetLabel({ site }: { site: string }) {
  const [before = '', after = ''] = t('opt_stored_forget_site', { site }).split('{forget}');
  return (
    <>
      {before && <span class="visually-hidden">{before}</span>}
      {t('opt_stored_forget')}
      {after && <span class="visually-hidden">{after}</span>}
    </>
  );
}

/** What the background last met writing the store (STORAGE_PROBLEM_KEY), if anything the user should know. */
function useStorageProblem(): string | null {
  const { env } = useOptions();
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    const source = env.storageProblem;
    if (!source) return undefined;
    let live = true;
    const read = () =>
      void source.read().then(
        (value) => live && setProblem(value),
        () => undefined,
      );
    read();
    const stop = source.onChanged(read);
    return () => {
      live = false;
      stop();
    };
  }, [env]);
  return problem;
}

/** The tickets this browser keeps for the popup and alerts: how many, per site, for how long, and the way to forget them. */
export function StoredTicketsSection() {
  const { db } = useOptions();
  const live = useLiveQuery(async () => {
    const [tallies, days] = await Promise.all([readTallies(db), retentionDays(db)]);
    const sites = Object.entries(tallies.sites)
      .map(([site, { tickets }]) => ({ site, tickets }))
      .sort((a, b) => b.tickets - a.tickets || a.site.localeCompare(b.site));
    return { total: tallies.total, sites, days };
  }, [db]);
  const storageProblem = useStorageProblem();
  const [problem, setProblem] = useState<string | null>(null);
  const [forgetting, setForgetting] = useState<string | null>(null);
  if (live.status !== 'ready') return null;
  const { total, sites, days } = live.value;

  async function forget(site: string) {
    setProblem(null);
    setForgetting(site);
    try {
      await forgetSite(db, site);
    } catch (error) {
      setProblem(t('opt_stored_forget_failed', { site, error: String(error) }));
    } finally {
      setForgetting(null);
    }
  }

  return (
    <Section id="stored-tickets" title={t('opt_stored_title')} description={t('opt_stored_description', { per_site: TICKET_CAPS.perSite, total: TICKET_CAPS.total })}>
      {storageProblem !== null && <Notice tone="error">{storageProblem}</Notice>}
      {problem !== null && <Notice tone="error">{problem}</Notice>}
      <p>
        {/* {n} is left in the words for the count in bold. */}
        <Words text={tp('opt_stored_total', total, { n: '{n}' })} parts={{ n: <strong>{formatNumber(total)}</strong> }} />
      </p>
      {sites.length > 0 && (
        <ul class="site-list" aria-label={t('opt_stored_per_site')}>
          {sites.map(({ site, tickets }) => (
            <li key={site} class="site-list__row">
              <div class="site-list__what">
                <code class="site-list__origin">{site}</code>
                <span class="site-list__kind">{tickets >= TICKET_CAPS.perSite ? t('opt_stored_site_full', { tickets: tp('tickets', tickets) }) : tp('tickets', tickets)}</span>
              </div>
              <div class="site-list__actions">
                <Button size="small" variant="secondary" disabled={forgetting !== null} onClick={() => void forget(site)}>
                  <ForgetLabel site={site} />
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <label class="field">
        <span class="field__label">{t('opt_stored_days')}</span>
        <input
          class="field__input"
          type="number"
          min={1}
          max={365}
          value={days}
          onChange={(e) => {
            const n = Number(e.currentTarget.value);
            setProblem(null);
            if (Number.isInteger(n) && n >= 1 && n <= 365) void db.meta.put({ key: RETENTION_KEY, value: n });
            else setProblem(t('opt_stored_days_invalid', { min: 1, max: 365 }));
          }}
        />
      </label>
    </Section>
  );
}
