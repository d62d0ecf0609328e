import { describe, expect, it } from 'vitest';
import { createAuditBudgetHost, parseAuditBudgetRequest } from './audit-budget';
import type { Sender } from './protocol';

const ID = 'our-extension-id';
const SITE = 'acme.zendesk.com';
const T = Date.parse('2026-11-26T10:00:00Z');
const ask = (extra: Record<string, unknown> = {}) => ({ type: 'sla:audit-budget', site: SITE, want: 10, ...extra });
const tab = (id: number, url = `https://${SITE}/agent/filters/1`): Sender => ({ id: ID, url, frameId: 0, tab: { id } });

describe('parseAuditBudgetRequest: the background takes only a well-formed ask', () => {
  it('takes a plain ask, and one with what the site said of its limit', () => {
    expect(parseAuditBudgetRequest(ask())).toEqual({ type: 'sla:audit-budget', site: SITE, want: 10 });
    expect(parseAuditBudgetRequest(ask({ want: 100, remaining: 0, limit: 700, resetSeconds: 41.5 }))).toEqual({
      type: 'sla:audit-budget',
      site: SITE,
      want: 100,
      remaining: 0,
      limit: 700,
      resetSeconds: 41.5,
    });
    // Firefox's structured clone keeps a key whose value is undefined: read as absent.
    expect(parseAuditBudgetRequest(ask({ remaining: undefined }))).toEqual({ type: 'sla:audit-budget', site: SITE, want: 10 });
  });

  it.each([
    ['nothing', undefined],
    ['null', null],
    ['a string', 'sla:audit-budget'],
    ['an array', [ask()]],
    ['another type', ask({ type: 'sla:evaluate' })],
    ['no site', { type: 'sla:audit-budget', want: 10 }],
    ['a site that is not a string', ask({ site: 42 })],
    ['an empty site', ask({ site: '' })],
    ['a site longer than a host name', ask({ site: `${'a'.repeat(250)}.com` })],
    ['no want', { type: 'sla:audit-budget', site: SITE }],
    ['want as a string', ask({ want: '10' })],
    ['want 0', ask({ want: 0 })],
    ['want below 0', ask({ want: -3 })],
    ['want over 100', ask({ want: 101 })],
    ['want a fraction', ask({ want: 2.5 })],
    ['want NaN', ask({ want: Number.NaN })],
    ['want Infinity', ask({ want: Number.POSITIVE_INFINITY })],
    ['remaining as a string', ask({ remaining: '5' })],
    ['remaining below 0', ask({ remaining: -1 })],
    ['remaining NaN', ask({ remaining: Number.NaN })],
    ['remaining huge', ask({ remaining: 1e12 })],
    ['limit 0', ask({ limit: 0 })],
    ['limit Infinity', ask({ limit: Number.POSITIVE_INFINITY })],
    ['limit huge', ask({ limit: 5e6 })],
    ['resetSeconds null', ask({ resetSeconds: null })],
    ['resetSeconds below 0', ask({ resetSeconds: -5 })],
    ['resetSeconds a day', ask({ resetSeconds: 86_400 })],
    ['a key it does not have', ask({ granted: 100 })],
  ])('refuses %s', (_name, message) => {
    expect(parseAuditBudgetRequest(message)).toBeNull();
  });
});

describe('createAuditBudgetHost: one budget per site, for all its tabs', () => {
  it('leaves other messages to other listeners', () => {
    const host = createAuditBudgetHost({ now: () => T });
    expect(host.handle({ type: 'sla:evaluate', site: SITE }, tab(1), ID)).toBeUndefined();
    expect(host.handle(null, tab(1), ID)).toBeUndefined();
    expect(host.handle('sla:audit-budget', tab(1), ID)).toBeUndefined();
  });

  it('grants from one budget whichever tab asks, 60 a minute by default', () => {
    const host = createAuditBudgetHost({ now: () => T });
    expect(host.handle(ask({ want: 50 }), tab(1), ID)).toEqual({ ok: true, response: { granted: 50 } });
    expect(host.handle(ask({ want: 50 }), tab(2), ID)).toEqual({ ok: true, response: { granted: 10 } });
    expect(host.handle(ask(), tab(3), ID)).toEqual({ ok: true, response: { granted: 0 } });
    // Another account has its own.
    expect(host.handle(ask({ site: 'globex.zendesk.com' }), tab(4, 'https://globex.zendesk.com/agent'), ID)).toEqual({ ok: true, response: { granted: 10 } });
  });

  it('refills with its own clock', () => {
    let now = T;
    const host = createAuditBudgetHost({ perMinute: 20, now: () => now });
    expect(host.handle(ask({ want: 100 }), tab(1), ID)).toEqual({ ok: true, response: { granted: 20 } });
    now += 30_000;
    expect(host.handle(ask({ want: 100 }), tab(2), ID)).toEqual({ ok: true, response: { granted: 10 } });
  });

  it('stops granting for every tab when one reports that the site has few requests left, until its reset', () => {
    let now = T;
    const host = createAuditBudgetHost({ now: () => now });
    expect(host.handle(ask({ remaining: 12, limit: 400, resetSeconds: 20 }), tab(1), ID)).toEqual({ ok: true, response: { granted: 0 } });
    expect(host.handle(ask(), tab(2), ID)).toEqual({ ok: true, response: { granted: 0 } });
    now += 20_000;
    expect(host.handle(ask(), tab(2), ID)).toEqual({ ok: true, response: { granted: 10 } });
  });

  it('refuses a malformed ask, with a reason', () => {
    const host = createAuditBudgetHost({ now: () => T });
    expect(host.handle(ask({ want: 1000 }), tab(1), ID)).toEqual({ ok: false, error: expect.stringMatching(/refused/) });
  });

  it.each([
    ['another extension', { ...tab(1), id: 'someone-else' }],
    ['a page on another site', tab(1, 'https://evil.zendesk.com/agent')],
    ['a frame inside the page', { ...tab(1), frameId: 2 }],
    ['plain http', tab(1, `http://${SITE}/agent`)],
    ['a private window', { ...tab(1), tab: { id: 1, incognito: true } }],
  ])('refuses %s, and neither spends nor pauses the site’s budget for it', (_name, sender) => {
    const host = createAuditBudgetHost({ now: () => T });
    const refused = host.handle(ask({ want: 60, remaining: 0, limit: 700, resetSeconds: 60 }), sender, ID);
    expect(refused).toEqual({ ok: false, error: expect.stringMatching(/refused a message from a page: .+/) });
    expect(host.handle(ask({ want: 60 }), tab(2), ID)).toEqual({ ok: true, response: { granted: 60 } });
  });
});
