/**
 * What the popup says, once, when the configuration in force changed since this person last
 * looked (issue 15 §3): an amendment reaches the people doing the job, not only the admin who
 * applied it. Pure: the popup passes the active version and the last one it announced.
 */
import type { ConfigChange } from '../config/diff';
import type { ConfigSource } from './database';
import { plural } from '../view/words';

/** Where a version came from, in a few words (the options page's history says the same). */
export function describeSource(source: ConfigSource): string {
  switch (source.kind) {
    case 'file':
      return `file ${source.fileName}`;
    case 'paste':
      return 'pasted';
    case 'zendesk':
      return `Zendesk export: ${source.fileNames.join(', ')}`;
    case 'rollback':
      return `rollback to version ${source.toVersion}`;
    case 'sample':
      return 'the sample configuration';
    case 'subscription':
      return `subscription ${source.url}${source.etag ? `, ETag ${source.etag}` : ''}`;
    case 'policy':
      return source.url ? `your organisation's policy, from ${source.url}` : "your organisation's policy";
  }
}

/** Where a version came from, as the end of "updated … from …". */
export function sourceOrigin(source: ConfigSource): string {
  switch (source.kind) {
    case 'subscription':
      return `the team's file at ${source.url}`;
    case 'policy':
      return "your organisation's policy";
    case 'rollback':
      return `a roll back to version ${source.toVersion}`;
    default:
      return 'an import in this browser';
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
  const what = [policies > 0 ? `${plural(policies, 'policy', 'policies')} changed` : '', calendars > 0 ? `${plural(calendars, 'calendar')} changed` : ''].filter(Boolean);
  return `Your SLA configuration was updated to version ${active.id} (from ${sourceOrigin(active.source)})${what.length > 0 ? `: ${what.join(', ')}` : ''}.`;
}
