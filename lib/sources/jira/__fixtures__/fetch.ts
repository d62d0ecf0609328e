/**
 * A `fetch` answered by the fake sites (testing/sites), as the Jira adapter's tests use it: every
 * call recorded, its headers passed on so the fake applies Jira's XSRF rule, and redirects taken
 * as a browser takes them, by the request's `redirect` mode. Test-only.
 */
import { handle, type FakeSiteData } from '../../../../testing/sites/index';
import { redirectStep } from '../../../../testing/fakes/fetch';
import type { Fetch } from '../../http';

export interface Call {
  url: string;
  init: RequestInit;
}

/** The request's headers with their names in lower case, as a browser hands them to the fake sites. */
export function headersOf(init: RequestInit): Record<string, string> {
  const out: Record<string, string> = {};
  new Headers(init.headers).forEach((value, name) => (out[name] = value));
  return out;
}

/** The fake site's answer to `call` as a `Response`. */
export function answerOf(sites: FakeSiteData, call: Call): Response {
  const res = handle(sites, { method: call.init.method ?? 'GET', url: new URL(call.url), body: (call.init.body as string | undefined) ?? null, headers: headersOf(call.init) });
  if (!res) throw new TypeError('Failed to fetch');
  return new Response(res.body, { status: res.status, headers: { 'Content-Type': res.contentType, ...res.headers } });
}

/** A `fetch` answered by the fake sites, with every call recorded; `override` replaces answers. */
export function fakeFetch(sites: FakeSiteData, override?: (call: Call) => Response | Promise<Response> | undefined): Fetch & { calls: Call[] } {
  const calls: Call[] = [];
  const answer = async (call: Call) => (await override?.(call)) ?? answerOf(sites, call);
  const fn = async (url: string, init: RequestInit): Promise<Response> => {
    const call = { url, init };
    calls.push(call);
    const response = await answer(call);
    const step = redirectStep(url, init, response);
    if (!step) return response;
    return 'answer' in step ? step.answer : fn(step.follow, step.init);
  };
  return Object.assign(fn, { calls });
}

export const pathOf = (call: Call): string => new URL(call.url).pathname;
export const isSearch = (call: Call): boolean => pathOf(call).endsWith('/rest/api/3/search/jql');
export const isChangelog = (call: Call): boolean => pathOf(call).endsWith('/rest/api/3/changelog/bulkfetch');

export interface SearchBody {
  jql: string;
  fields: string[];
  expand?: string;
  maxResults: number;
  nextPageToken?: string;
}
export interface ChangelogBody {
  issueIdsOrKeys: string[];
  fieldIds: string[];
  maxResults: number;
  nextPageToken?: string;
}

export const searchBody = (call: Call): SearchBody => JSON.parse(call.init.body as string) as SearchBody;
export const changelogBody = (call: Call): ChangelogBody => JSON.parse(call.init.body as string) as ChangelogBody;
/** How many keys a search asked for. */
export const keysAsked = (call: Call): number => searchBody(call).jql.split(',').length;
