import { describe, expect, it } from 'vitest';
import { sendAuditBudget, sendAuditTrails, sendEvaluate, senderProblem } from './protocol';

const ID = 'our-extension-id';
const from = (url: string | undefined, extra: object = {}) => ({ id: ID, ...(url !== undefined ? { url } : {}), frameId: 0, tab: { id: 7 }, ...extra });

describe('senderProblem: only our content script, in the top frame of a normal tab, about the https site it runs on', () => {
  it.each([
    ['our script on that site', from('https://acme.atlassian.net/browse/SUP-1'), null],
    ['Chrome’s origin decides over the URL', from('https://evil.atlassian.net/x', { origin: 'https://acme.atlassian.net' }), null],
    ['Chrome’s origin on another site', from('https://acme.atlassian.net/browse/SUP-1', { origin: 'https://evil.atlassian.net' }), /about acme\.atlassian\.net came from evil\.atlassian\.net/],
    ['another extension', from('https://acme.atlassian.net/browse/SUP-1', { id: 'someone-else' }), /did not come from SLA Lens/],
    ['our script on another site', from('https://evil.atlassian.net/browse/SUP-1'), /about acme\.atlassian\.net came from evil\.atlassian\.net/],
    ['the same host over plain http', from('http://acme.atlassian.net/browse/SUP-1'), /came over http, not https/],
    ['a sender without a page', from(undefined), /came from elsewhere/],
    ['a sender with a broken address', from('not a url'), /came from elsewhere/],
    ['a frame inside the page', from('https://acme.atlassian.net/browse/SUP-1', { frameId: 3 }), /top frame of a tab/],
    ['no tab at all', from('https://acme.atlassian.net/browse/SUP-1', { tab: undefined }), /top frame of a tab/],
    ['a private window', from('https://acme.atlassian.net/browse/SUP-1', { tab: { id: 7, incognito: true } }), /private window/],
  ])('%s', (_name, sender, problem) => {
    const found = senderProblem(sender, 'acme.atlassian.net', ID);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toMatch(problem);
  });

  it('plain http is heard only from the machine itself (a self-hosted site an admin added on localhost)', () => {
    expect(senderProblem(from('http://localhost:8080/jira/browse/SUP-1'), 'localhost', ID)).toBeNull();
    expect(senderProblem(from('http://127.0.0.1:8080/browse/SUP-1'), '127.0.0.1', ID)).toBeNull();
    expect(senderProblem(from('http://jira.internal/browse/SUP-1'), 'jira.internal', ID)).toMatch(/not https/);
  });
});

describe('sendEvaluate', () => {
  const request = { type: 'sla:evaluate' as const, source: 'jira' as const, site: 'acme.atlassian.net', tickets: [] };
  it('unwraps the answer, and turns a refusal or silence into an error that says why', async () => {
    const response = { views: [], calendars: {}, configVersion: 3 };
    await expect(sendEvaluate(async () => ({ ok: true, response }), request)).resolves.toBe(response);
    await expect(sendEvaluate(async () => ({ ok: false, error: 'SLA Lens refused a message' }), request)).rejects.toThrow('refused');
    await expect(sendEvaluate(async () => undefined, request)).rejects.toThrow('no answer');
  });
});

describe('sendAuditBudget', () => {
  const tickets = Array.from({ length: 10 }, (_, i) => ({ id: 100 + i, stamp: `s${i}` }));
  const request = { type: 'sla:audit-budget' as const, site: 'acme.zendesk.com', want: 10, tickets };
  const trail = { initial: 'new', changes: [{ at: 1, from: 'new', to: 'open' }], comments: [{ at: 2, author: 7 }], complete: true };
  it('unwraps the grant, never more than asked nor below none', async () => {
    await expect(sendAuditBudget(async () => ({ ok: true, response: { granted: 4, trails: [] } }), request)).resolves.toEqual({ granted: 4, trails: [] });
    await expect(sendAuditBudget(async () => ({ ok: true, response: { granted: 400, trails: [] } }), request)).resolves.toEqual({ granted: 10, trails: [] });
    await expect(sendAuditBudget(async () => ({ ok: true, response: { granted: -3.5 } }), request)).resolves.toEqual({ granted: 0, trails: [] });
  });

  it('passes on only trails of tickets it asked about, under the stamp it gave, of a trail’s shape', async () => {
    const trails = [
      { id: 100, stamp: 's0', trail },
      { id: 101, stamp: 'stale', trail },
      { id: 999, stamp: 's0', trail },
      { id: 102, stamp: 's2', trail: { ...trail, body: 'Please help' } },
      { id: 103, trail },
      null,
      { id: 100, stamp: 's0', trail: { ...trail, complete: false } },
    ];
    const answer = await sendAuditBudget(async () => ({ ok: true, response: { granted: 2, trails } }), request);
    expect(answer).toEqual({ granted: 2, trails: [{ id: 100, stamp: 's0', trail }] });
    // A ticket sent without a stamp it could share is never given one.
    const unstamped = { ...request, tickets: [{ id: 100, stamp: '' }], want: 1 };
    await expect(sendAuditBudget(async () => ({ ok: true, response: { granted: 1, trails: [{ id: 100, stamp: '', trail }] } }), unstamped)).resolves.toEqual({ granted: 1, trails: [] });
  });

  it('sends the request as given', async () => {
    const sent: unknown[] = [];
    await sendAuditBudget(async (message) => (sent.push(message), { ok: true, response: { granted: 1, trails: [] } }), { ...request, remaining: 5, limit: 200 });
    expect(sent).toEqual([{ ...request, remaining: 5, limit: 200 }]);
  });

  it('turns a refusal, silence or an answer without a number into an error, so the caller can fall back', async () => {
    await expect(sendAuditBudget(async () => ({ ok: false, error: 'SLA Lens refused a message' }), request)).rejects.toThrow('refused');
    await expect(sendAuditBudget(async () => undefined, request)).rejects.toThrow('no answer');
    await expect(sendAuditBudget(async () => ({ ok: true, response: { granted: 'all' } }), request)).rejects.toThrow('how many');
    await expect(sendAuditBudget(async () => ({ ok: true, response: { granted: Number.NaN } }), request)).rejects.toThrow('how many');
    await expect(sendAuditBudget(async () => ({ ok: true }), request)).rejects.toThrow('how many');
  });
});

describe('sendAuditTrails', () => {
  const put = { type: 'sla:audit-trails' as const, site: 'acme.zendesk.com', trails: [{ id: 1, stamp: 's', trail: { changes: [], comments: [], complete: true } }] };
  it('sends the trails as given, and says when the background refused them', async () => {
    const sent: unknown[] = [];
    await expect(sendAuditTrails(async (message) => (sent.push(message), { ok: true, response: { stored: 1 } }), put)).resolves.toBeUndefined();
    expect(sent).toEqual([put]);
    await expect(sendAuditTrails(async () => ({ ok: false, error: 'SLA Lens refused a message from a page: x' }), put)).rejects.toThrow('refused');
    // Fire and forget: a background that says nothing is not an error.
    await expect(sendAuditTrails(async () => undefined, put)).resolves.toBeUndefined();
  });
});
