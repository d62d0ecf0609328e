import { describe, expect, it } from 'vitest';
import { handle, SESSION_COOKIE, URLS, type FakeSiteData } from './index';
import { sampleJiraIssues, sampleZendeskTickets } from './samples';

const NOW = Date.parse('2026-11-26T12:00:00Z');
const data = (): FakeSiteData => ({ jira: sampleJiraIssues(NOW), zendesk: sampleZendeskTickets(NOW), requireSession: true });
const get = (d: FakeSiteData, url: string, cookie?: string) => handle(d, { method: 'GET', url: new URL(url), ...(cookie !== undefined ? { cookie } : {}) })!;

describe('fake sites that want a session', () => {
  it('sign the visitor in on a page, and answer the API only with that cookie', () => {
    const d = data();
    expect(get(d, URLS.jiraQueue).headers?.['Set-Cookie']).toMatch(new RegExp(`^${SESSION_COOKIE};`));
    const showMany = 'https://acme.zendesk.com/api/v2/tickets/show_many.json?ids=4101';
    // Without it: the sign-in page, as the real sites answer a signed-out call.
    expect(get(d, showMany)).toMatchObject({ status: 200, contentType: expect.stringMatching(/^text\/html/) });
    expect(get(d, showMany, `other=1; ${SESSION_COOKIE}`)).toMatchObject({ status: 200, contentType: expect.stringMatching(/json/) });
  });

  it('ask nothing of callers that do not opt in', () => {
    const { requireSession: _requireSession, ...d } = data();
    expect(get(d, 'https://acme.zendesk.com/api/v2/tickets/show_many.json?ids=4101').contentType).toMatch(/json/);
    expect(get(d, URLS.jiraQueue).headers?.['Set-Cookie']).toBeUndefined();
  });
});
