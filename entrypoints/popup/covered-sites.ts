/**
 * The sites the "no tickets yet" state lists: the built-in ones and the self-hosted ones SLA Lens
 * may run on. Light (no database), so the first paint can use it too.
 */
import type { CoveredSite } from '../../components/popup/PopupEmptyStates';
import { SITE_KIND_NAMES } from '../../lib/sources/self-hosted';
import type { SelfHostedSite } from '../../lib/sources/site-registry';
import { BUILT_IN_SITES } from '../../lib/sources/sites';
import { t } from '../../lib/i18n/core';

export function coveredSites(selfHosted: readonly SelfHostedSite[]): CoveredSite[] {
  const built = BUILT_IN_SITES.map(({ name, host }) => ({ name, host }));
  const own = selfHosted.filter((s) => s.permitted).map((s) => ({ name: t('site_self_hosted', { kind: s.kind ? SITE_KIND_NAMES[s.kind] : t('site_jira_or_zendesk') }), host: new URL(s.origin).host }));
  return [...built, ...own];
}
