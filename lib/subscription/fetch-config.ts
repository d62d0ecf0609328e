/**
 * Downloads a configuration file the organisation publishes at a URL (issue 15 §2). The background
 * calls it on an alarm, so it stays light: no zod, no Dexie, nothing of lib/db or lib/config. It
 * never throws: every way a download can go wrong is a `failed` outcome with a sentence the user
 * can act on, since it ends up on the options page and in the popup.
 */
// The bounded, abortable body reading the sources use for the sites' APIs serves here too.
import { boundedText, discard, untilAborted } from '../sources/http';
import { formatNumber, t, tp } from '../i18n/core';

/**
 * The same 5 MB as a file imported by hand (`MAX_CONFIG_BYTES`, lib/db/config-store.ts). It is
 * repeated because that module brings zod and Dexie with it, and lib/config/limits.ts, which holds
 * the other limits, brings yaml; a test keeps the two equal.
 */
export const MAX_SUBSCRIBED_BYTES = 5 * 1024 * 1024;

/** Long enough for a slow intranet server, short enough that a hung one does not hold the alarm's worker. */
export const FETCH_TIMEOUT_MS = 15_000;

export type FetchFailureReason = 'not-https' | 'redirected-to-http' | 'http-status' | 'timeout' | 'too-large' | 'network';

export type FetchOutcome =
  | { kind: 'changed'; text: string; etag?: string; lastModified?: string; finalUrl: string }
  | { kind: 'not-modified' }
  /**
   * A refused cross-origin read and an unreachable server are the same TypeError to a script, so
   * both are `network`, with a message naming both causes.
   */
  | { kind: 'failed'; reason: FetchFailureReason; status?: number; message: string };

export type FetchFailure = Extract<FetchOutcome, { kind: 'failed' }>;

/** What the previous successful download's answer said, so the server can answer 304. */
export interface Validators {
  etag?: string;
  lastModified?: string;
}

export interface FetchDeps {
  fetch: typeof fetch;
  timeoutMs?: number;
  maxBytes?: number;
}

/**
 * Servers on HTTP/2 send no reason phrase, so the message would read "answered 404" alone. The
 * phrases are HTTP's own, in English in every language, as a server sends them.
 */
const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  410: 'Gone',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

function failed(reason: FetchFailureReason, message: string, status?: number): FetchFailure {
  return status === undefined ? { kind: 'failed', reason, message } : { kind: 'failed', reason, status, message };
}

/** Up to one decimal, none when it is zero: `5`, `1.5`. */
const oneDecimal = (n: number) => formatNumber(n, { maximumFractionDigits: 1 });

function bytesText(bytes: number): string {
  if (bytes >= 1024 * 1024) return t('sub_size_mb', { n: oneDecimal(bytes / 1024 / 1024) });
  if (bytes >= 1024) return t('sub_size_kb', { n: oneDecimal(bytes / 1024) });
  return tp('sub_size_bytes', bytes);
}

function secondsText(ms: number): string {
  return ms >= 1000 ? t('sub_time_seconds', { n: oneDecimal(ms / 1000) }) : t('sub_time_ms', { n: ms });
}

const tooLarge = (max: number) => failed('too-large', t('sub_too_large', { max: bytesText(max) }));

const timedOut = (ms: number, url: string) => failed('timeout', t('sub_timed_out', { time: secondsText(ms), url }));

function statusMessage(status: number, statusText: string, url: string): string {
  // The status text is the server's to choose: bounded, so a hostile one cannot flood the options page.
  const reason = REASONS[status] ?? statusText.trim().slice(0, 60);
  // A status code is a code, written as the server sent it.
  const words = { status: reason ? `${status} ${reason}` : String(status), url };
  if (status === 401 || status === 403) return t('sub_http_status_auth', words);
  if (status === 404 || status === 410) return t('sub_http_status_missing', words);
  return t('sub_http_status', words);
}

function isHttps(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * Fetches the configuration at `url`, conditionally on `previous`. Refuses anything but https
 * before sending; sends no cookies (the file is public to whoever may read it, and a session
 * cookie must not decide which file the whole team gets); follows redirects but refuses one that
 * lands on plain http; gives up after `timeoutMs`, body included; reads at most `maxBytes`.
 */
export async function fetchConfigFile(url: string, previous: Validators, deps: FetchDeps): Promise<FetchOutcome> {
  if (!isHttps(url)) {
    // Plain http lets anyone on the network path rewrite every agent's SLA targets.
    return failed('not-https', t('sub_not_https', { url: url.slice(0, 200) }));
  }
  const timeoutMs = deps.timeoutMs ?? FETCH_TIMEOUT_MS;
  const maxBytes = deps.maxBytes ?? MAX_SUBSCRIBED_BYTES;
  const headers: Record<string, string> = {};
  if (previous.etag) headers['If-None-Match'] = previous.etag;
  if (previous.lastModified) headers['If-Modified-Since'] = previous.lastModified;

  const controller = new AbortController();
  const { signal } = controller;
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    let response: Response;
    try {
      // `no-cache`, not `no-store`: the browser's cache may still answer, but only after the server confirms it is current.
      response = await untilAborted(deps.fetch(url, { method: 'GET', headers, cache: 'no-cache', credentials: 'omit', redirect: 'follow', signal }), signal);
    } catch {
      if (signal.aborted) return timedOut(timeoutMs, url);
      // Browsers give no detail on purpose: an unreachable host and a missing CORS header look the same to a script.
      return failed('network', t('sub_unreachable', { url }));
    }

    const finalUrl = response.url || url;
    if (!isHttps(finalUrl)) {
      discard(response);
      return failed('redirected-to-http', t('sub_redirected_http', { url: finalUrl.slice(0, 200) }));
    }
    if (response.status === 304) {
      discard(response);
      return { kind: 'not-modified' };
    }
    if (!response.ok) {
      discard(response);
      return failed('http-status', statusMessage(response.status, response.statusText, finalUrl), response.status);
    }

    let text: string | null;
    try {
      text = await boundedText(response, maxBytes, signal);
    } catch {
      if (signal.aborted) return timedOut(timeoutMs, url);
      return failed('network', t('sub_broke_off', { url }));
    }
    if (text === null) return tooLarge(maxBytes);

    const etag = response.headers.get('ETag');
    const lastModified = response.headers.get('Last-Modified');
    return { kind: 'changed', text, finalUrl, ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) };
  } finally {
    clearTimeout(timer);
  }
}
