import { tabStatusKey } from '../storage-keys';
import { describe, expect, it } from 'vitest';
import { clearTabStatus, parsePageStatus, recordTabStatus, type SessionArea, type TabAction } from './page-status';
import { browserVersion, diagnosticsReport, readTabStatus } from './tab-status';

const kind = { id: 'jsm-queue', label: 'Jira Service Management queue', shows: 'list' as const };
const diagnostics = {
  source: 'jira',
  page: 'jsm-queue',
  url: 'https://*.atlassian.net/jira/servicedesk/projects/{project}/queues/custom/{id}',
  lang: 'de',
  dir: 'ltr',
  found: 0,
  shown: 12,
  strategies: [{ strategy: 'queue/cell-testid', tickets: 0, used: false }],
};
const unreadable = { type: 'sla:page-status', site: 'acme.atlassian.net', readable: false, kind, found: 0, shown: 12, diagnostics };

function fakes() {
  const store = new Map<string, unknown>();
  const session: SessionArea = {
    get: async (key) => (store.has(key) ? { [key]: store.get(key) } : {}),
    set: async (items) => void Object.entries(items).forEach(([k, v]) => store.set(k, v)),
    remove: async (key) => void store.delete(key),
  };
  const calls: unknown[] = [];
  const action: TabAction = {
    setBadgeText: (d) => void calls.push(['text', d]),
    setBadgeBackgroundColor: (d) => void calls.push(['color', d]),
    setTitle: (d) => void calls.push(['title', d]),
  };
  return { store, session, action, calls };
}

describe('page status reports, as the background takes them', () => {
  it('accepts a well-formed report', () => {
    expect(parsePageStatus(unreadable)).toEqual(unreadable);
    expect(parsePageStatus({ ...unreadable, kind: null, readable: true, diagnostics: undefined })).not.toBeNull();
  });

  it.each([
    ['another type', { ...unreadable, type: 'sla:evaluate' }],
    ['an unknown field', { ...unreadable, extra: 1 }],
    ['a negative count', { ...unreadable, found: -1 }],
    ['a huge label', { ...unreadable, kind: { ...kind, label: 'x'.repeat(500) } }],
    ['a page id that is not a word', { ...unreadable, kind: { ...kind, id: '<img src=x>' } }],
    ['a strategy name carrying text', { ...unreadable, diagnostics: { ...diagnostics, strategies: [{ strategy: 'queue/SUP 1 Customer cannot log in', tickets: 0, used: false }] } }],
    ['ticket text smuggled into diagnostics', { ...unreadable, diagnostics: { ...diagnostics, title: 'Customer cannot log in' } }],
    ['not an object', 'sla:page-status'],
  ])('refuses %s', (_name, message) => {
    expect(parsePageStatus(message)).toBeNull();
  });
});

describe('a tab’s status', () => {
  it('an unreadable page: kept with its diagnostics, a ? on that tab’s icon and a title that says why', async () => {
    const { store, session, action, calls } = fakes();
    await recordTabStatus(7, parsePageStatus(unreadable)!, '0.1.0', 1000, session, action);
    expect(store.get(tabStatusKey(7))).toEqual({ site: 'acme.atlassian.net', readable: false, kind, found: 0, shown: 12, diagnostics, extension: '0.1.0', at: 1000 });
    expect(calls).toEqual([
      ['text', { tabId: 7, text: '?' }],
      ['color', { tabId: 7, color: '#626F86' }],
      ['title', { tabId: 7, title: "SLA Lens can't read this page yet (Jira Service Management queue). Open SLA Lens to copy diagnostics." }],
    ]);
  });

  it('a readable page: no diagnostics kept, the tab handed back to the global count', async () => {
    const { store, session, action, calls } = fakes();
    await recordTabStatus(7, { ...parsePageStatus(unreadable)!, readable: true, found: 12 }, '0.1.0', 1000, session, action);
    expect(store.get(tabStatusKey(7))).not.toHaveProperty('diagnostics');
    expect(calls).toEqual([
      ['text', { tabId: 7, text: null }],
      ['title', { tabId: 7, title: null }],
    ]);
  });

  it('a page that is no ticket page, or a closed tab: forgotten', async () => {
    const { store, session, action } = fakes();
    await recordTabStatus(7, parsePageStatus(unreadable)!, '0.1.0', 1000, session, action);
    await recordTabStatus(7, { ...parsePageStatus(unreadable)!, kind: null, readable: true }, '0.1.0', 2000, session, action);
    expect(store.has(tabStatusKey(7))).toBe(false);
    await recordTabStatus(8, parsePageStatus(unreadable)!, '0.1.0', 1000, session, action);
    await clearTabStatus(8, session);
    expect(store.size).toBe(0);
  });

  it('the popup reads it back, and ignores what is not a status', async () => {
    const { store, session, action } = fakes();
    await recordTabStatus(7, parsePageStatus(unreadable)!, '0.1.0', 1000, session, action);
    expect(await readTabStatus(7, session)).toMatchObject({ readable: false, kind });
    expect(await readTabStatus(9, session)).toBeNull();
    store.set(tabStatusKey(9), { readable: 'no' });
    expect(await readTabStatus(9, session)).toBeNull();
  });

  it('the copied diagnostics: product, versions and structure', async () => {
    const { session, action } = fakes();
    const status = (await recordTabStatus(7, parsePageStatus(unreadable)!, '0.1.0', 1000, session, action))!;
    expect(JSON.parse(diagnosticsReport(status, 'Chrome 156'))).toEqual({ product: 'SLA Lens', extension: '0.1.0', browser: 'Chrome 156', ...diagnostics });
  });

  it.each([
    ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36', 'Chrome 156'],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36 Edg/156.0.0.0', 'Edge 156'],
    ['Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0', 'Firefox 153'],
    ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36', 'Chrome 156'],
    ['curl/8', 'unknown'],
  ])('browser version of %s', (ua, expected) => {
    expect(browserVersion(ua)).toBe(expected);
  });
});
