import { describe, expect, it } from 'vitest';
import { openableUrl, openTicket } from './ticket-url';

const SITE = 'acme.atlassian.net';

describe('openableUrl: a web address on the ticket’s own site', () => {
  it.each([
    ['https://acme.atlassian.net/browse/SUP-1', SITE, 'https://acme.atlassian.net/browse/SUP-1'],
    ['http://localhost:8080/jira/browse/OPS-2', 'localhost', 'http://localhost:8080/jira/browse/OPS-2'],
    ['https://evil.example/browse/SUP-1', SITE, null],
    ['https://acme.atlassian.net.evil.example/browse/SUP-1', SITE, null],
    ['https://user:pw@acme.atlassian.net/browse/SUP-1', SITE, null],
    ['http://acme.atlassian.net/browse/SUP-1', SITE, null],
    ['http://jira.intranet:8080/browse/OPS-2', 'jira.intranet', null],
    ['javascript:alert(1)', SITE, null],
    ['JavaScript:alert(1)', SITE, null],
    ['data:text/html,<script>alert(1)</script>', SITE, null],
    ['chrome-extension://abc/options.html', SITE, null],
    ['/browse/SUP-1', SITE, null],
    ['', SITE, null],
    [undefined, SITE, null],
  ])('%s on %s → %s', (url, site, expected) => {
    expect(openableUrl(url, site)).toBe(expected);
  });

  it('openTicket opens only what may be opened', () => {
    const opened: string[] = [];
    expect(openTicket({ site: SITE, url: 'https://evil.example/x' }, (u) => opened.push(u))).toBe(false);
    expect(openTicket({ site: SITE, url: 'https://acme.atlassian.net/browse/SUP-1' }, (u) => opened.push(u))).toBe(true);
    expect(opened).toEqual(['https://acme.atlassian.net/browse/SUP-1']);
  });
});
