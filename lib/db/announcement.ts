/**
 * What the popup says, once, when the configuration in force changed since this person last
 * looked (issue 15 §3): an amendment reaches the people doing the job, not only the admin who
 * applied it. Pure: the popup passes the active version and the last one it announced.
 */
import type { ConfigChange } from '../config/diff';
import type { ConfigSource } from './database';
import { listAnd, t, tp } from '../i18n/core';

/** Where a version came from, in a few words (the options page's history says the same). */
export function describeSource(source: ConfigSource): string {
  switch (source.kind) {
    case 'file':
      return t('source_file', { name: source.fileName });
    case 'paste':
      return t('source_paste');
    case 'zendesk':
      return t('source_zendesk', { names: source.fileNames.join(', ') });
    case 'rollback':
      return t('source_rollback', { version: source.toVersion });
    case 'sample':
      return t('source_sample');
    case 'subscription':
      return source.etag ? t('source_subscription_etag', { url: source.url, etag: source.etag }) : t('source_subscription', { url: source.url });
    case 'policy':
      return source.url ? t('source_policy_url', { url: source.url }) : t('source_policy');
  }
}

/** Where a version came from, as the end of "updated … from …". */
export function sourceOrigin(source: ConfigSource): string {
  switch (source.kind) {
    case 'subscription':
      return t('origin_subscription', { url: source.url });
    case 'policy':
      return t('origin_policy');
    case 'rollback':
      return t('origin_rollback', { version: source.toVersion });
    default:
      return t('origin_import');
  }
}

export interface AnnouncedVersion {
  id: number;
  source: ConfigSource;
  changes: readonly ConfigChange[];
}

/**
 * The words for `active` when the last version announced here was `seen`; null when there is
 * nothing new (or nothing was ever seen here: the first configuration is no news to announce).
 */
export function announcement(active: AnnouncedVersion | null, seen: number | null): string | null {
  if (!active || seen === null || active.id <= seen) return null;
  const policies = new Set(active.changes.filter((c) => c.subject === 'policy').map((c) => c.id)).size;
  const calendars = new Set(active.changes.filter((c) => c.subject === 'calendar').map((c) => c.id)).size;
  const what = [policies > 0 ? tp('announce_policies', policies) : '', calendars > 0 ? tp('announce_calendars', calendars) : ''].filter(Boolean);
  const words = { version: active.id, origin: sourceOrigin(active.source) };
  return what.length > 0 ? t('announce_what', { ...words, what: listAnd(what) }) : t('announce', words);
}
