/**
 * Jira's side of the shared enrichment policy (`../enricher.ts`: coalescing, cache, backoff): a
 * chunk is one search of at most 100 keys. On Cloud, searching by POST, the status histories come
 * from the bulk changelog, asked once for all of a wave's keys (at most 1,000 a call) while its
 * searches run, and each chunk's issues are joined with theirs before its facts are delivered;
 * searching by GET (the background's way, which never POSTs), they come embedded in the search as
 * on Data Center. The search target is worked out once per origin; a Cloud-looking site whose v3
 * search answers 404 is a Data Center and is remembered as one, and keys JQL rejects as unknown are
 * dropped and the search asked again without them.
 */
import type { TicketFacts } from '../../sla/index';
import { createEnricher as createSharedEnricher, failedBatch, type BatchOutcome, type Enricher, type Wave } from '../enricher';
import type { Fetch, RequestContext } from '../http';
import { finishIssue, withAllComments, type IssueRead } from './parse';
import {
  askRequestTypeField,
  CHANGELOG_KEYS,
  DEFAULT_REQUEST_TYPE_FIELD,
  fetchChangelogs,
  fetchComments,
  isFieldId,
  SEARCH_KEYS,
  searchFields,
  searchIssues,
  type ChangelogOutcome,
  type SearchMethod,
  type SearchTarget,
} from './rest';
import { isValidIssueKey } from './urls';

export interface EnricherOptions {
  fetch: Fetch;
  /** Where to send searches for `origin`: Cloud or DC, and DC's base URL. */
  target(origin: string): SearchTarget;
  // Possibly undefined below: the adapter passes its caller's optional options straight through.
  /** The JSM request-type field's id; asked of each site once (`GET /field`) when not given. */
  requestTypeField?: string | undefined;
  /**
   * Where the field a site's answer named is kept between page loads (the content script's
   * extension storage), so only a site's first page asks for it; anything it gives back that is
   * not a field id is ignored.
   */
  fieldMemory?: FieldMemory | undefined;
  ttlMs?: number | undefined;
  /** Tickets whose facts are kept per origin (../enricher.ts `maxCached`). */
  maxCached?: number | undefined;
  coalesceMs?: number | undefined;
  batchSize?: number;
  backoffBaseMs?: number | undefined;
  backoffMaxMs?: number | undefined;
  /** Per request (default 20 s, ../http.ts). */
  timeoutMs?: number | undefined;
  /** Per answer's body (default 8 MiB, ../http.ts). */
  maxBytes?: number | undefined;
  /**
   * How Cloud is asked (`SearchMethod`, ./rest.ts): `POST` by default, the content script's way;
   * `GET` where a POST may be refused (the background), with each issue's histories as the search
   * embeds them, so a history longer than search's per-issue cap is left inexact.
   */
  method?: SearchMethod | undefined;
}

export interface FieldMemory {
  recall(origin: string): Promise<unknown>;
  remember(origin: string, field: string): void;
}

/** A chunk's bulk changelogs: by part of its wave's keys, and each key to its part. */
interface WaveChangelogs {
  parts: Map<number, Promise<ChangelogOutcome>>;
  partOf: Map<string, number>;
}

export function createEnricher(options: EnricherOptions): Enricher {
  const targets = new Map<string, SearchTarget>();
  const method = options.method ?? 'POST';
  const fieldsByOrigin = new Map<string, Promise<string[]>>();

  /** The remembered field, else the site's answer (remembered when it gave one), else the usual default. */
  async function requestTypeField(origin: string, target: SearchTarget, context: RequestContext): Promise<string> {
    const memory = options.fieldMemory;
    const recalled = memory ? await memory.recall(origin).catch(() => null) : null;
    if (isFieldId(recalled)) return recalled;
    const asked = await askRequestTypeField(context, target);
    if (asked !== null && asked !== 'none') memory?.remember(origin, asked);
    return asked !== null && asked !== 'none' ? asked : DEFAULT_REQUEST_TYPE_FIELD;
  }

  function fieldsFor(origin: string, target: SearchTarget, context: RequestContext): Promise<string[]> {
    let fields = fieldsByOrigin.get(origin);
    if (!fields) {
      fields = (options.requestTypeField ? Promise.resolve(options.requestTypeField) : requestTypeField(origin, target, context)).then(searchFields);
      fieldsByOrigin.set(origin, fields);
    }
    return fields;
  }

  /**
   * The bulk changelogs covering `keys`: the wave's keys go in parts of at most `CHANGELOG_KEYS`,
   * each asked once (the wave's memo) by whichever of its chunks comes first.
   */
  function changelogsFor(wave: Wave, keys: readonly string[], context: RequestContext, target: SearchTarget): WaveChangelogs {
    const partOf = new Map(wave.keys.map((k, i) => [k, Math.floor(i / CHANGELOG_KEYS)]));
    const parts = new Map<number, Promise<ChangelogOutcome>>();
    for (const key of keys) {
      const part = partOf.get(key);
      if (part === undefined || parts.has(part)) continue;
      const memoKey = `jira:changelog:${target.baseUrl}:${part}`;
      let asked = wave.memo.get(memoKey) as Promise<ChangelogOutcome> | undefined;
      if (!asked) {
        const partKeys = wave.keys.slice(part * CHANGELOG_KEYS, (part + 1) * CHANGELOG_KEYS);
        asked = fetchChangelogs(context, target, partKeys).catch((): ChangelogOutcome => ({ ok: false, failure: 'network', stopsBatch: false }));
        wave.memo.set(memoKey, asked);
      }
      parts.set(part, asked);
    }
    return { parts, partOf };
  }

  /** Each issue's facts with its history from the bulk changelog; without one (not exact) where the changelog did not say it whole. */
  async function joined(issues: IssueRead[], changelogs: WaveChangelogs): Promise<BatchOutcome> {
    const outcomes = new Map<number, ChangelogOutcome>();
    for (const [part, asked] of changelogs.parts) outcomes.set(part, await asked);
    const stopped = [...outcomes.values()].find((o): o is Extract<ChangelogOutcome, { ok: false }> => !o.ok && o.stopsBatch);
    if (stopped) return failedBatch(stopped);
    const facts = new Map<string, TicketFacts>();
    for (const issue of issues) {
      const part = changelogs.partOf.get(issue.key);
      const outcome = part !== undefined ? outcomes.get(part) : undefined;
      const { id } = issue;
      // An issue found under another key than asked (moved since) was not asked of the changelog: its history is unknown, not empty.
      const history = outcome?.ok && id !== undefined && outcome.asked.has(issue.key) ? { histories: outcome.histories.get(id) ?? [], complete: true } : null;
      facts.set(issue.key, finishIssue(issue, history));
    }
    return { facts };
  }

  /** The issues whose threads the search cut short, with every comment from the comment API (rare: long threads only). */
  async function withComments(issues: IssueRead[], context: RequestContext, target: SearchTarget): Promise<IssueRead[]> {
    if (!issues.some((i) => i.moreComments)) return issues;
    const out: IssueRead[] = [];
    // One issue after another: each is a request of its own, and the site's limits are the tabs' too.
    for (const issue of issues) {
      const comments = issue.moreComments ? await fetchComments(context, target, issue.key) : null;
      out.push(comments ? withAllComments(issue, comments) : issue);
    }
    return out;
  }

  async function fetchBatch(origin: string, keys: string[], { signal, now, wave }: { signal: AbortSignal; now: number; wave: Wave }): Promise<BatchOutcome> {
    let target = targets.get(origin) ?? options.target(origin);
    targets.set(origin, target);
    // Requests may go to `origin` only: a target built from the page's meta tags cannot lead them elsewhere.
    const context: RequestContext = { fetch: options.fetch, origin, signal, now, timeoutMs: options.timeoutMs, maxBytes: options.maxBytes, priority: wave.first ? 'high' : undefined };
    const fields = await fieldsFor(origin, target, context);
    // Asked before the search, and not waiting for it: the histories depend on the keys alone.
    const changelogs = target.kind === 'cloud' && method === 'POST' ? changelogsFor(wave, keys, context, target) : null;
    let chunk = keys;
    for (let attempt = 0; attempt < 2 && chunk.length > 0; attempt++) {
      const outcome = await searchIssues(context, target, chunk, fields, method);
      if (outcome.ok) {
        const issues = await withComments(outcome.issues, context, target);
        if (target.kind === 'cloud' && changelogs) return joined(issues, changelogs);
        return { facts: new Map(issues.map((issue) => [issue.key, finishIssue(issue, issue.embedded)])) };
      }
      if (signal.aborted) return { failure: 'network' };
      // No v3 API: a Data Center without the meta tags that would have said so (jira-dom.md §5.3).
      if (outcome.notFound && target.kind === 'cloud' && attempt === 0) {
        target = { ...target, kind: 'dc' };
        targets.set(origin, target);
        continue;
      }
      // JQL rejects keys that do not exist or are not visible: ask for the rest (the rejected ones stay unknown).
      const invalid = new Set(outcome.invalidKeys ?? []);
      if (invalid.size > 0 && attempt === 0) {
        chunk = chunk.filter((k) => !invalid.has(k));
        continue;
      }
      return failedBatch(outcome);
    }
    return {};
  }

  return createSharedEnricher({
    fetchBatch,
    normalizeKey: (key) => {
      const k = key.trim().toUpperCase();
      return isValidIssueKey(k) ? k : null;
    },
    batchSize: options.batchSize ?? SEARCH_KEYS,
    ttlMs: options.ttlMs,
    maxCached: options.maxCached,
    coalesceMs: options.coalesceMs,
    backoffBaseMs: options.backoffBaseMs,
    backoffMaxMs: options.backoffMaxMs,
  });
}
