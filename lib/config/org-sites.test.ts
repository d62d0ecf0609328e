import { describe, expect, it } from 'vitest';
import { isDeclaredSite } from './match';
import { createOrgSites, withOrgSites } from './org-sites';
import type { ResolvedConfig } from './types';

const config = (sites?: string[]): ResolvedConfig => ({ ...(sites ? { sites } : {}), calendars: {}, policies: [] });
const NONE: ReadonlySet<string> = new Set();

describe('the organisation’s sites from its policy', () => {
  it('declare the organisation’s sites with the configuration’s own, each once', () => {
    expect(withOrgSites(config(['*.acme.com', 'Acme.atlassian.net']), ['acme.atlassian.net', 'acme.zendesk.com']).sites).toEqual(['*.acme.com', 'Acme.atlassian.net', 'acme.zendesk.com']);
    const policyOnly = withOrgSites(config(), ['acme.atlassian.net']);
    expect(policyOnly.sites).toEqual(['acme.atlassian.net']);
    // A configuration without sites counts every site; with the policy's, only those.
    expect(isDeclaredSite(config(), 'vendor.atlassian.net', NONE)).toBe(true);
    expect(isDeclaredSite(policyOnly, 'vendor.atlassian.net', NONE)).toBe(false);
    expect(isDeclaredSite(policyOnly, 'acme.atlassian.net', NONE)).toBe(true);
    expect(isDeclaredSite(policyOnly, 'jira.acme-corp.test', new Set(['jira.acme-corp.test']))).toBe(true);
  });

  it('an empty list, or sites the configuration already declares, change nothing: the same configuration', () => {
    const own = config(['acme.atlassian.net']);
    expect(withOrgSites(own, [])).toBe(own);
    expect(withOrgSites(own, ['acme.atlassian.net'])).toBe(own);
  });

  it('the background’s composition gives back the same object while neither changes', () => {
    const compose = createOrgSites();
    const active = { version: 3, config: config() };
    expect(compose(active, [])).toBe(active);
    const first = compose(active, ['acme.atlassian.net']);
    expect(first).toEqual({ version: 3, config: config(['acme.atlassian.net']) });
    expect(compose(active, ['acme.atlassian.net'])).toBe(first);
    expect(compose(active, ['acme.atlassian.net', 'acme.zendesk.com']).config!.sites).toEqual(['acme.atlassian.net', 'acme.zendesk.com']);
    const next = { version: 4, config: config(['*.acme.com']) };
    expect(compose(next, ['acme.atlassian.net'])).toEqual({ version: 4, config: config(['*.acme.com', 'acme.atlassian.net']) });
    expect(compose({ version: null, config: null }, ['acme.atlassian.net'])).toEqual({ version: null, config: null });
  });
});
