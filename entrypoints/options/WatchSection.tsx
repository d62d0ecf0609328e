import { useId, useState } from 'preact/hooks';
import { Button } from '../../components/Button';
import { Notice } from '../../components/Notice';
import { Section } from '../../components/Section';
import { describeScope } from '../../lib/config/format';
import { isDeclaredSite } from '../../lib/config/match';
import { activeConfig } from '../../lib/db/active-version';
import { useOptions } from '../../lib/options/context';
import { useLiveQuery } from '../../lib/options/use-live-query';
import { EMPTY_SCOPE_INPUT, KIND_WORDS, scopeFromInput, type ScopeInput, type ScopeInputField, type ScopeKind } from '../../lib/watch/input';
import { coverage } from '../../lib/watch/state';
import { addPersonalScope, readScopes, readWatchState, removePersonalScope, ScopeRefused } from '../../lib/watch/store';
import { readWallboardSettings, saveWallboardSettings } from '../../lib/db/wallboard';
import type { WatchScope } from '../../lib/watch/types';
import { t, tp } from '../../lib/i18n/core';

const KINDS = Object.keys(KIND_WORDS) as ScopeKind[];

/** Watched scopes (issue 16): the team's from the configuration, this person's own, each with its coverage; add one, tested first. */
export function WatchSection() {
  const { db, env } = useOptions();
  const live = useLiveQuery(async () => ({ scopes: await readScopes(db), states: await readWatchState(db) }), [db]);
  const [input, setInput] = useState<ScopeInput>(EMPTY_SCOPE_INPUT);
  const [problems, setProblems] = useState<Partial<Record<ScopeInputField, string>>>({});
  const [result, setResult] = useState<{ tone: 'success' | 'error' | 'info'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = useId();
  if (live.status !== 'ready') return null;
  const { scopes, states } = live.value;
  const now = env.now();
  const change = (patch: Partial<ScopeInput>) => {
    setInput((i) => ({ ...i, ...patch }));
    setResult(null);
  };

  /** The scope as typed, or null after saying what is wrong with it (a self-hosted site must be allowed first). */
  async function checked() {
    const outcome = scopeFromInput(input);
    setProblems(outcome.ok ? {} : outcome.problems);
    if (!outcome.ok) return null;
    const site = outcome.scope.site;
    const selfHosted = await env.sites.registry.trustedHosts();
    if (!/\.(atlassian\.net|zendesk\.com)$/.test(site) && !selfHosted.has(site)) {
      setProblems({ site: t('opt_watch_add_site_first', { site }) });
      return null;
    }
    // Tickets of a site that is not the organisation's are neither recorded nor counted: watching one would show nothing.
    const config = await activeConfig(db);
    if (config?.sites?.length && !isDeclaredSite(config, site, selfHosted)) {
      setProblems({ site: t('opt_watch_not_org_site', { site, sites: config.sites.join(', ') }) });
      return null;
    }
    return outcome.scope;
  }

  async function test() {
    const scope = await checked();
    if (!scope || !env.watch) return;
    setBusy(true);
    setResult({ tone: 'info', text: t('opt_watch_asking', { site: scope.site }) });
    try {
      const listing = await env.watch.test(scope);
      setResult(listing.ok ? { tone: 'success', text: tp('opt_watch_holds', listing.keys.length) } : { tone: 'error', text: listing.message });
    } finally {
      setBusy(false);
    }
  }

  async function add(event: Event) {
    event.preventDefault();
    const scope = await checked();
    if (!scope) return;
    setBusy(true);
    try {
      const added = await addPersonalScope(db, scope);
      setInput(EMPTY_SCOPE_INPUT);
      setResult({ tone: 'success', text: t('opt_watch_added', { scope: added.name ?? describeScope(added) }) });
      await env.watch?.request({ only: [added.id], force: true });
    } catch (error) {
      setResult({ tone: 'error', text: error instanceof ScopeRefused ? error.message : t('opt_watch_save_failed', { error: String(error) }) });
    } finally {
      setBusy(false);
    }
  }

  const field = (name: ScopeInputField, label: string, control: (id: string, describedBy: string | undefined) => preact.JSX.Element) => {
    const id = `${ids}-${name}`;
    const problem = problems[name];
    return (
      <div class="field">
        <label class="field__label" for={id}>
          {label}
        </label>
        {control(id, problem ? `${id}-problem` : undefined)}
        {problem && (
          <p class="field__problem" id={`${id}-problem`} role="alert">
            {problem}
          </p>
        )}
      </div>
    );
  };
  const text = (name: Exclude<ScopeInputField, 'site'>, label: string, placeholder: string) =>
    field(name, label, (id, describedBy) => (
      <input
        id={id}
        class="field__input"
        value={input[name]}
        placeholder={placeholder}
        aria-invalid={problems[name] !== undefined}
        aria-describedby={describedBy}
        onInput={(e) => change({ [name]: e.currentTarget.value })}
      />
    ));

  return (
    <Section id="watch" title={t('opt_watch_title')} description={t('opt_watch_description')}>
      {scopes.length === 0 ? (
        <p class="muted">{t('opt_watch_empty', { key: 'watch' })}</p>
      ) : (
        <ul class="watch-list">
          {scopes.map((scope) => (
            <ScopeRow
              key={scope.id}
              scope={scope}
              line={coverage(scope, states[scope.id], now, scope.name ?? describeScope(scope)).text}
              onRemove={scope.origin === 'personal' ? () => void removePersonalScope(db, scope.id) : undefined}
              wallboard={env.wallboardUrl}
            />
          ))}
        </ul>
      )}
      {scopes.length > 0 && env.watch && (
        <Button variant="secondary" size="small" disabled={busy} onClick={() => void env.watch!.request({ force: true })}>
          {t('opt_watch_refresh')}
        </Button>
      )}
      <form class="watch-form" aria-label={t('opt_watch_form')} noValidate onSubmit={(e) => void add(e)}>
        {field('site', t('opt_watch_site'), (id, describedBy) => (
          <input
            id={id}
            class="field__input"
            value={input.site}
            placeholder="acme.atlassian.net"
            autoComplete="off"
            spellcheck={false}
            aria-invalid={problems.site !== undefined}
            aria-describedby={describedBy}
            onInput={(e) => change({ site: e.currentTarget.value })}
          />
        ))}
        <div class="field">
          <label class="field__label" for={`${ids}-kind`}>
            {t('opt_watch_kind')}
          </label>
          <select id={`${ids}-kind`} class="field__input" value={input.kind} onChange={(e) => change({ kind: e.currentTarget.value as ScopeKind })}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_WORDS[k]}
              </option>
            ))}
          </select>
        </div>
        {input.kind === 'jql' && text('jql', t('opt_watch_jql'), 'project = SUP AND statusCategory != Done')}
        {input.kind === 'filter' && text('filter', t('opt_watch_filter'), '10001')}
        {input.kind === 'queue' && (
          <div class="field-row">
            {text('serviceDesk', t('opt_watch_service_desk'), '2')}
            {text('queue', t('opt_watch_queue'), '7')}
          </div>
        )}
        {input.kind === 'view' && text('view', t('opt_watch_view'), '360001234567')}
        {input.kind === 'search' && text('search', t('opt_watch_search'), 'status<solved group:"Tier 2"')}
        {text('name', t('opt_watch_name'), t('opt_watch_name_example'))}
        <div class="watch-form__actions">
          <Button variant="secondary" disabled={busy || !env.watch} onClick={() => void test()}>
            {t('opt_watch_test')}
          </Button>
          <Button type="submit" disabled={busy}>
            {t('opt_watch_watch')}
          </Button>
        </div>
        <div role="status">{result && <Notice tone={result.tone}>{result.text}</Notice>}</div>
      </form>
      <WallboardBlock />
    </Section>
  );
}

/** The wallboard (issue 16 §3): its one setting, and the way to it (the page itself needs no clicks). */
function WallboardBlock() {
  const { db, env } = useOptions();
  const settings = useLiveQuery(() => readWallboardSettings(db), [db]);
  return (
    <div class="subsection">
      <h3 class="subsection__title">{t('opt_wallboard_title')}</h3>
      <p class="subsection__hint">{t('opt_wallboard_hint')}</p>
      <label class="field field--inline">
        <input
          type="checkbox"
          checked={settings.status === 'ready' && settings.value.hideTitles}
          disabled={settings.status !== 'ready'}
          onChange={(e) => void saveWallboardSettings(db, { hideTitles: e.currentTarget.checked })}
        />{' '}
        {t('opt_wallboard_hide_titles')}
      </label>
      {env.wallboardUrl && (
        <p>
          <a href={env.wallboardUrl} target="_blank" rel="noopener">
            {t('opt_wallboard_open')}
          </a>
        </p>
      )}
    </div>
  );
}

function ScopeRow({ scope, line, onRemove, wallboard }: { scope: WatchScope; line: string; onRemove: (() => void) | undefined; wallboard: string | undefined }) {
  return (
    <li class="watch-list__scope">
      <div>
        <strong>{scope.name ?? describeScope(scope)}</strong> <span class="muted">· {scope.site}</span>
        {scope.name && <p class="muted">{describeScope(scope)}</p>}
        <p>{line}</p>
        {/* A personal scope's id is a random one: the link is the way to its own wallboard. */}
        {wallboard && (
          <a href={`${wallboard}?scope=${encodeURIComponent(scope.id)}`} target="_blank" rel="noreferrer">
            {t('opt_watch_on_wallboard')}
          </a>
        )}
      </div>
      {onRemove ? (
        <Button variant="secondary" size="small" onClick={onRemove}>
          {t('opt_watch_stop')}
        </Button>
      ) : (
        <span class="chip">{t('opt_watch_from_team')}</span>
      )}
    </li>
  );
}
