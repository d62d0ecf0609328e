import { parseSiteAddress, type SiteKind } from '../sources/self-hosted';
import type { SelfHostedSite, SiteRegistry } from '../sources/site-registry';
import { value } from './value';
import { t, tp } from '../i18n/core';

export interface SitesDeps {
  registry: SiteRegistry;
  /** Calls back whenever a host permission is granted or revoked, here or in the browser's own UI. */
  onPermissionsChanged(listener: () => void): () => void;
}

export interface SiteForm {
  address: string;
  kind: SiteKind;
}

export type SitesMessage = { tone: 'success'; text: string; notes: string[] } | { tone: 'error'; text: string };

/** What the page says when the browser's permission prompt was declined. */
export const declinedMessage = () => t('opt_sites_declined');

/**
 * The self-hosted sites list and the "Add a site" form. `forgetTickets` removes what the store
 * kept of a removed site (its host) and says how many tickets went.
 */
export function createSitesStore({ registry, onPermissionsChanged }: SitesDeps, forgetTickets: (host: string) => Promise<number>) {
  /** null until first read. */
  const sites = value<SelfHostedSite[] | null>(null);
  const loadError = value<string | null>(null);
  const form = value<SiteForm>({ address: '', kind: 'jira' });
  /** Why the typed address cannot be added. */
  const problem = value<string | null>(null);
  /** The outcome of the last add or remove. */
  const message = value<SitesMessage | null>(null);
  /** The origin being added or removed. */
  const pending = value<string | null>(null);

  async function refresh(): Promise<void> {
    try {
      sites.set(await registry.list());
      loadError.set(null);
    } catch (error) {
      loadError.set(describe(error));
    }
  }

  /** Reads the list and follows permission changes until the returned function is called. */
  function start(): () => void {
    void refresh();
    return onPermissionsChanged(() => {
      // The background reconciles too; doing it here as well means the list shows the outcome.
      void registry
        .reconcile()
        .catch(() => undefined)
        .then(refresh);
    });
  }

  /**
   * The form's submit handler. Synchronous up to `registry.add`, which asks for the permission:
   * the browser only prompts inside the user's gesture.
   */
  function add(): Promise<void> {
    const parsed = parseSiteAddress(form.get().address);
    if (!parsed.ok) {
      problem.set(parsed.message);
      message.set(null);
      return Promise.resolve();
    }
    problem.set(null);
    return grant(parsed.origin, form.get().kind, parsed.notes, true);
  }

  /** Asks again for a site whose access was revoked in the browser (a click handler too). */
  function allowAgain(site: SelfHostedSite): Promise<void> {
    return grant(site.origin, site.kind, [], false);
  }

  function grant(origin: string, kind: SiteKind | null, notes: string[], fromForm: boolean): Promise<void> {
    if (pending.get() !== null) return Promise.resolve();
    const adding = registry.add(origin, kind);
    pending.set(origin);
    message.set(null);
    return (async () => {
      try {
        if ((await adding) === 'declined') {
          message.set({ tone: 'error', text: declinedMessage() });
        } else {
          message.set({ tone: 'success', text: t('opt_sites_added', { origin }), notes });
          if (fromForm) form.set({ ...form.get(), address: '' });
        }
      } catch (error) {
        message.set({ tone: 'error', text: t('opt_sites_add_failed', { origin, error: describe(error) }) });
      } finally {
        pending.set(null);
        await refresh();
      }
    })();
  }

  async function remove(origin: string): Promise<void> {
    if (pending.get() !== null) return;
    pending.set(origin);
    message.set(null);
    try {
      await registry.remove(origin);
      const forgotten = await forgetTickets(new URL(origin).hostname);
      message.set({ tone: 'success', text: tp('opt_sites_removed', forgotten, { origin }), notes: [] });
    } catch (error) {
      message.set({ tone: 'error', text: t('opt_sites_remove_failed', { origin, error: describe(error) }) });
    } finally {
      pending.set(null);
      await refresh();
    }
  }

  return {
    sites,
    loadError,
    form,
    problem,
    message,
    pending,
    start,
    refresh,
    add,
    allowAgain,
    remove,
    change: (patch: Partial<SiteForm>) => {
      form.update((current) => ({ ...current, ...patch }));
      if ('address' in patch) problem.set(null);
    },
    dismiss: () => message.set(null),
  };
}

export type SitesStore = ReturnType<typeof createSitesStore>;

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
