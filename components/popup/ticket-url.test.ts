import { describe, expect, it } from 'vitest';
import { openableUrl } from './ticket-url';

describe('openableUrl', () => {
  it.each([
    ['https://acme.atlassian.net/browse/SUP-1', 'https://acme.atlassian.net/browse/SUP-1'],
    ['http://jira.intranet:8080/browse/OPS-2', 'http://jira.intranet:8080/browse/OPS-2'],
    ['javascript:alert(1)', null],
    ['JavaScript:alert(1)', null],
    ['data:text/html,<script>alert(1)</script>', null],
    ['chrome-extension://abc/options.html', null],
    ['/browse/SUP-1', null],
    ['', null],
    [undefined, null],
  ])('%s → %s', (url, expected) => {
    expect(openableUrl(url)).toBe(expected);
  });
});
