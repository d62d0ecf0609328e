import { describe, expect, it } from 'vitest';
import { canonicalOrigin, matchPatternFor, originFromMatchPattern, originFromScriptId, parseSiteAddress, scriptIdFor } from './self-hosted';

describe('parseSiteAddress', () => {
  it.each([
    ['https://jira.acme-corp.com', 'https://jira.acme-corp.com'],
    ['https://jira.acme-corp.com/', 'https://jira.acme-corp.com'],
    ['  https://support.acme.com  ', 'https://support.acme.com'],
    ['jira.acme-corp.com', 'https://jira.acme-corp.com'],
    ['HTTPS://JIRA.Acme-Corp.COM/', 'https://jira.acme-corp.com'],
    ['https://jira.acme-corp.com.', 'https://jira.acme-corp.com'],
    // An intranet host without dots is a real Jira Data Center address.
    ['https://jira', 'https://jira'],
    ['https://10.1.2.3', 'https://10.1.2.3'],
    // Pasted from the address bar: query and fragment say nothing about the site.
    ['https://jira.acme-corp.com/browse/OPS-7?focusedCommentId=1#comment-1', 'https://jira.acme-corp.com'],
    ['https://bücher.example', 'https://xn--bcher-kva.example'],
    ['http://localhost', 'http://localhost'],
    ['http://localhost:8080/jira', 'http://localhost'],
    ['http://127.0.0.1:2990', 'http://127.0.0.1'],
    ['https://localhost', 'https://localhost'],
  ])('%s → %s', (input, origin) => {
    const result = parseSiteAddress(input);
    expect(result).toMatchObject({ ok: true, origin });
  });

  it('says when a path prefix or a port is covered by the whole origin', () => {
    expect(parseSiteAddress('https://acme.com/jira')).toEqual({
      ok: true,
      origin: 'https://acme.com',
      notes: ['SLA Lens covers the whole site https://acme.com, including /jira.'],
    });
    expect(parseSiteAddress('jira.acme.com:8443')).toEqual({
      ok: true,
      origin: 'https://jira.acme.com',
      notes: ['SLA Lens covers https://jira.acme.com on every port, including 8443.'],
    });
    expect(parseSiteAddress('https://jira.acme.com:443/')).toEqual({ ok: true, origin: 'https://jira.acme.com', notes: [] });
  });

  it.each([
    ['', 'Enter the address of the site, such as https://jira.example.com.'],
    ['   ', 'Enter the address of the site, such as https://jira.example.com.'],
    ['http://jira.acme-corp.com', 'Use https://jira.acme-corp.com: SLA Lens only runs on secure sites (http:// is allowed for localhost only).'],
    ['http://jira:8080', 'Use https://jira: SLA Lens only runs on secure sites (http:// is allowed for localhost only).'],
    ['https://*.acme-corp.com', 'Enter one site, without wildcards (*): SLA Lens asks for access to each site separately, such as https://jira.example.com.'],
    ['*://jira.acme-corp.com/*', 'Enter one site, without wildcards (*): SLA Lens asks for access to each site separately, such as https://jira.example.com.'],
    ['https://acme.atlassian.net', 'Jira Cloud sites (*.atlassian.net) are already covered: SLA Lens runs on them without being added.'],
    ['ACME.atlassian.net/browse/SUP-1', 'Jira Cloud sites (*.atlassian.net) are already covered: SLA Lens runs on them without being added.'],
    ['https://*.atlassian.net', 'Jira Cloud sites (*.atlassian.net) are already covered: SLA Lens runs on them without being added.'],
    ['https://acme.zendesk.com', 'Zendesk sites (*.zendesk.com) are already covered: SLA Lens runs on them without being added.'],
    ['zendesk.com', 'Zendesk sites (*.zendesk.com) are already covered: SLA Lens runs on them without being added.'],
    ['ftp://jira.acme-corp.com', 'Enter a web address starting with https://, such as https://jira.example.com (not ftp://).'],
    ['file:///home/me/jira.html', 'Enter a web address starting with https://, such as https://jira.example.com (not file://).'],
    ['jira acme com', 'A site address has no spaces. Enter it as https://jira.example.com.'],
    ['https://', '“https://” is not a web address. Enter it as https://jira.example.com.'],
    ['https://jira.acme.com:99999', '“https://jira.acme.com:99999” is not a web address. Enter it as https://jira.example.com.'],
    ['https://admin:secret@jira.acme-corp.com', 'Leave out the user name and password: enter just the address, such as https://jira.example.com.'],
  ])('%j is refused: %s', (input, message) => {
    expect(parseSiteAddress(input)).toEqual({ ok: false, message });
  });

  it('is not fooled by a built-in name inside another host', () => {
    expect(parseSiteAddress('https://atlassian.net.acme.com')).toMatchObject({ ok: true, origin: 'https://atlassian.net.acme.com' });
    expect(parseSiteAddress('https://notatlassian.net')).toMatchObject({ ok: true, origin: 'https://notatlassian.net' });
  });
});

describe('patterns and script ids', () => {
  it('requests and registers every page of the origin', () => {
    expect(matchPatternFor('https://jira.acme-corp.com')).toBe('https://jira.acme-corp.com/*');
    expect(matchPatternFor('http://localhost')).toBe('http://localhost/*');
  });

  it.each([
    ['https://jira.acme-corp.com/*', 'https://jira.acme-corp.com'],
    ['http://localhost/*', 'http://localhost'],
    // Granted by the browser or declared in the manifest, but not a self-hosted site of ours.
    ['*://*.atlassian.net/*', null],
    ['*://*.zendesk.com/*', null],
    ['*://*/*', null],
    ['<all_urls>', null],
    ['https://*.acme-corp.com/*', null],
    ['https://jira.acme-corp.com/jira/*', null],
    ['https://jira.acme-corp.com/', null],
    ['http://jira.acme-corp.com/*', null],
    ['https://JIRA.acme-corp.com/*', null],
  ])('pattern %s → origin %s', (pattern, origin) => {
    expect(originFromMatchPattern(pattern)).toBe(origin);
  });

  it('round-trips origins through script ids, and ignores other ids', () => {
    for (const origin of ['https://jira.acme-corp.com', 'http://localhost', 'https://xn--bcher-kva.example']) {
      const id = scriptIdFor(origin);
      expect(id.startsWith('_')).toBe(false);
      expect(originFromScriptId(id)).toBe(origin);
    }
    expect(originFromScriptId('content')).toBeNull();
    expect(originFromScriptId('sla-lens-site:https://acme.atlassian.net')).toBeNull();
    expect(originFromScriptId('sla-lens-site:jira.acme-corp.com')).toBeNull();
  });

  it('accepts only canonical origins', () => {
    expect(canonicalOrigin('https://jira.acme-corp.com')).toBe('https://jira.acme-corp.com');
    expect(canonicalOrigin('https://jira.acme-corp.com/')).toBeNull();
    expect(canonicalOrigin('jira.acme-corp.com')).toBeNull();
  });
});
