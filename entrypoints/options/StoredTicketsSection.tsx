import { useEffect, useState } from 'preact/hooks';
import { Button } from '../../components/Button';
import { Notice } from '../../components/Notice';
import { Section } from '../../components/Section';
import { TICKET_CAPS } from '../../lib/db/capacity';
import { readTallies } from '../../lib/db/tallies';
import { forgetSite, retentionDays, RETENTION_KEY } from '../../lib/db/upkeep';
import { useOptions } from '../../lib/options/context';
import { plural } from '../../lib/view/words';
import { useLiveQuery } from '../../lib/options/use-live-query';

const count = (n: number) => n.toLocaleString('en');

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
      setProblem(`The tickets of ${site} could not be forgotten: ${String(error)}`);
    } finally {
      setForgetting(null);
    }
  }

  return (
    <Section
      id="stored-tickets"
      title="Stored tickets"
      description={`What the popup, the toolbar count and alerts know: the tickets seen on your sites, kept in this browser only. At most ${count(TICKET_CAPS.perSite)} per site and ${count(TICKET_CAPS.total)} in all; past that, the tickets seen longest ago are forgotten first.`}
    >
      {storageProblem !== null && <Notice tone="error">{storageProblem}</Notice>}
      {problem !== null && <Notice tone="error">{problem}</Notice>}
      <p>
        <strong>{count(total)}</strong> {total === 1 ? 'ticket' : 'tickets'} stored.
      </p>
      {sites.length > 0 && (
        <ul class="site-list" aria-label="Stored tickets per site">
          {sites.map(({ site, tickets }) => (
            <li key={site} class="site-list__row">
              <div class="site-list__what">
                <code class="site-list__origin">{site}</code>
                <span class="site-list__kind">
                  {plural(tickets, 'ticket')}
                  {tickets >= TICKET_CAPS.perSite ? ' (the most kept per site)' : ''}
                </span>
              </div>
              <div class="site-list__actions">
                <Button size="small" variant="secondary" disabled={forgetting !== null} onClick={() => void forget(site)}>
                  Forget<span class="visually-hidden"> the tickets of {site}</span>
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <label class="field">
        <span class="field__label">Forget tickets not seen for this many days</span>
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
            else setProblem('Enter a whole number of days between 1 and 365.');
          }}
        />
      </label>
    </Section>
  );
}
