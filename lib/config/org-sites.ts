/**
 * The organisation's sites when its browser policy lists `sites` too: they declare the
 * organisation's sites alongside the configuration's own `sites`, so a policy alone turns the
 * restriction on (lib/config/match.ts `isDeclaredSite`). An empty policy list changes nothing.
 */
import type { ResolvedConfig } from './types';

/** The configuration's sites and the policy's, each once, the configuration's first. */
export function withOrgSites(config: ResolvedConfig, policySites: readonly string[]): ResolvedConfig {
  if (policySites.length === 0) return config;
  const own = config.sites ?? [];
  const known = new Set(own.map((s) => s.trim().toLowerCase()));
  const added = policySites.filter((s) => !known.has(s));
  return added.length === 0 ? config : { ...config, sites: [...own, ...added] };
}

type Active = { version: number | null; config: ResolvedConfig | null };

/**
 * `withOrgSites` over the background's active configuration, giving back the same object while
 * neither changes: policies are matched through indexes kept per configuration object, which a
 * new object per message would build again for every overlay's question.
 */
export function createOrgSites(): (active: Active, policySites: readonly string[]) => Active {
  let last: { active: Active; key: string; composed: Active } | null = null;
  return (active, policySites) => {
    const key = policySites.join(' ');
    if (last?.active === active && last.key === key) return last.composed;
    const config = active.config && withOrgSites(active.config, policySites);
    const composed = config === active.config ? active : { version: active.version, config };
    last = { active, key, composed };
    return composed;
  };
}
