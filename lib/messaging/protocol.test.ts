import { describe, expect, it } from 'vitest';
import { sendAuditBudget, sendEvaluate, senderProblem } from './protocol';

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
  const request = { type: 'sla:audit-budget' as const, site: 'acme.zendesk.com', want: 10 };
  it('unwraps the grant, never more than asked nor below none', async () => {
    await expect(sendAuditBudget(async () => ({ ok: true, response: { granted: 4 } }), request)).resolves.toEqual({ granted: 4 });
    await expect(sendAuditBudget(async () => ({ ok: true, response: { granted: 400 } }), request)).resolves.toEqual({ granted: 10 });
    await expect(sendAuditBudget(async () => ({ ok: true, response: { granted: -3.5 } }), request)).resolves.toEqual({ granted: 0 });
  });

  it('sends the request as given', async () => {
    const sent: unknown[] = [];
    await sendAuditBudget(async (message) => (sent.push(message), { ok: true, response: { granted: 1 } }), { ...request, remaining: 5, limit: 200 });
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
