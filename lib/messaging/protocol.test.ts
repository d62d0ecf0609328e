import { describe, expect, it } from 'vitest';
import { sendEvaluate, senderProblem } from './protocol';

const ID = 'our-extension-id';
const from = (url: string | undefined, extra: object = {}) => ({ id: ID, ...(url !== undefined ? { url } : {}), frameId: 0, tab: { id: 7 }, ...extra });

describe('senderProblem: only our content script, about the site it runs on', () => {
  it.each([
    ['our script on that site', from('https://acme.atlassian.net/browse/SUP-1'), null],
    ['another extension', from('https://acme.atlassian.net/browse/SUP-1', { id: 'someone-else' }), /did not come from SLA Lens/],
    ['our script on another site', from('https://evil.atlassian.net/browse/SUP-1'), /about acme\.atlassian\.net came from evil\.atlassian\.net/],
    ['a sender without a page', from(undefined), /came from elsewhere/],
    ['a sender with a broken address', from('not a url'), /came from elsewhere/],
  ])('%s', (_name, sender, problem) => {
    const found = senderProblem(sender, 'acme.atlassian.net', ID);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toMatch(problem);
  });

  it('a page status must come from the top frame of a tab', () => {
    const url = 'https://acme.atlassian.net/browse/SUP-1';
    expect(senderProblem(from(url), 'acme.atlassian.net', ID, { topFrame: true })).toBeNull();
    expect(senderProblem(from(url, { frameId: 3 }), 'acme.atlassian.net', ID, { topFrame: true })).toMatch(/top frame/);
    expect(senderProblem(from(url, { tab: undefined }), 'acme.atlassian.net', ID, { topFrame: true })).toMatch(/top frame/);
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
