import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { activeVersion, history, previewText } from '../db/config-store';
import { applyImport } from '../db/config-store';
import { SlaLensDatabase } from '../db/database';
import { checkSubscription } from './check';
import { subscribe, type SubscriptionState } from './state';

const URL_ = 'https://config.acme.example/sla.json';
const designExample = readFileSync(new URL('../config/__fixtures__/design-example.json', import.meta.url), 'utf8');

/** The design example with one resolution target changed. */
function amended(hours: string): string {
  const doc = JSON.parse(designExample) as { policies: Array<{ targets?: Record<string, { resolution?: string }> }> };
  doc.policies[0]!.targets!.High!.resolution = hours;
  return JSON.stringify(doc, null, 2);
}

/** The design example with every policy renamed: none of those in force survives. */
function replacedPolicies(): string {
  const doc = JSON.parse(designExample) as { policies: Array<{ id: string; extends?: string }> };
  for (const p of doc.policies) {
    p.id = `other-${p.id}`;
    if (p.extends) p.extends = `other-${p.extends}`;
  }
  return JSON.stringify(doc);
}

/** A server that serves `file.text` with an ETag of its content, answering 304 to a matching If-None-Match. */
function server(file: { text: string; status?: number }) {
  const seen: Array<Headers> = [];
  const fetch = (async (_input: RequestInfo | URL, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    seen.push(headers);
    const etag = `"${file.text.length}-${[...file.text].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, 7)}"`;
    const response = headers.get('If-None-Match') === etag ? new Response(null, { status: 304 }) : new Response(file.text, { status: file.status ?? 200, headers: { ETag: etag } });
    Object.defineProperty(response, 'url', { value: URL_ });
    return response;
  }) as typeof globalThis.fetch;
  return { fetch, seen };
}

let db: SlaLensDatabase;
let n = 0;
let clock = Date.UTC(2026, 11, 3, 9);
const now = () => clock;
beforeEach(async () => {
  db = new SlaLensDatabase(`subscription-check-test-${n++}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

async function versions() {
  return (await history(db)).map((v) => ({ id: v.id, source: v.source }));
}

describe('checking a subscribed configuration', () => {
  it('applies a valid file as a new version with its source, then a 304 and the same file again record nothing', async () => {
    const file = { text: designExample };
    const site = server(file);
    let state: SubscriptionState = subscribe(URL_, 60, now());
    const first = await checkSubscription(db, state, { fetch: site.fetch, now });
    state = first.state;
    expect(first.applied?.id).toBe(1);
    expect(await versions()).toEqual([{ id: 1, source: { kind: 'subscription', url: URL_, etag: state.etag } }]);
    expect(state).toMatchObject({ failures: 0, lastSuccessAt: clock, lastAppliedAt: clock, nextTryAt: clock + 60 * 60_000 });
    expect(state.etag).toBeTruthy();

    clock += 60 * 60_000;
    const second = await checkSubscription(db, state, { fetch: site.fetch, now });
    expect(site.seen.at(-1)!.get('If-None-Match')).toBe(state.etag);
    expect(second.applied).toBeUndefined();
    expect(second.state.lastSuccessAt).toBe(clock);

    // The same bytes without validators (a server that sends no ETag this time): still one version.
    const { etag: _dropped, ...noValidators } = second.state;
    const again = await checkSubscription(db, noValidators, { fetch: server(file).fetch, now });
    expect(again.applied).toBeUndefined();
    expect((await versions()).length).toBe(1);
  });

  it('applies an amendment as the next version, with what changed', async () => {
    const file = { text: designExample };
    const site = server(file);
    const { state } = await checkSubscription(db, subscribe(URL_, 60, now()), { fetch: site.fetch, now });
    file.text = amended('12h');
    clock += 60 * 60_000;
    const next = await checkSubscription(db, state, { fetch: site.fetch, now });
    expect(next.applied?.id).toBe(2);
    expect(next.applied?.changes.some((c) => c.field === 'targets.High.resolution')).toBe(true);
    expect((await activeVersion(db))?.id).toBe(2);
    expect(next.state.hash).not.toBe(state.hash);
  });

  it('keeps the configuration in force when the file turns invalid, with each problem’s path, and backs off', async () => {
    const file = { text: designExample };
    const site = server(file);
    const { state } = await checkSubscription(db, subscribe(URL_, 60, now()), { fetch: site.fetch, now });
    const doc = JSON.parse(designExample) as { policies: Array<{ calendar?: string }> };
    doc.policies[0]!.calendar = 'no-such-calendar';
    file.text = JSON.stringify(doc);
    clock += 60 * 60_000;
    const broken = await checkSubscription(db, state, { fetch: site.fetch, now });
    expect(broken.applied).toBeUndefined();
    expect((await activeVersion(db))?.id).toBe(1);
    expect(broken.state.failures).toBe(1);
    expect(broken.state.lastError?.problems?.some((p) => p.path.startsWith('policies[0]'))).toBe(true);
    expect(broken.state.nextTryAt).toBe(clock + 60_000);
    // The validators of the file in force are kept: the broken one is downloaded again next time.
    expect(broken.state.etag).toBe(state.etag);
  });

  it('says why when the server fails, and changes nothing', async () => {
    const { state } = await checkSubscription(db, subscribe(URL_, 60, now()), { fetch: server({ text: designExample }).fetch, now });
    clock += 60 * 60_000;
    const down = await checkSubscription(db, state, { fetch: server({ text: 'gone', status: 404 }).fetch, now });
    expect(down.state.lastError?.message).toContain('404');
    expect(down.state.failures).toBe(1);
    expect((await versions()).length).toBe(1);
  });

  it('asks before applying a file that keeps none of the policies in force, unless the user confirmed it or a policy set it', async () => {
    const { state } = await checkSubscription(db, subscribe(URL_, 60, now()), { fetch: server({ text: designExample }).fetch, now });
    const other = server({ text: replacedPolicies() });
    clock += 60 * 60_000;
    const asked = await checkSubscription(db, state, { fetch: other.fetch, now });
    expect(asked.applied).toBeUndefined();
    expect(asked.state.pendingConfirmation?.reason).toMatch(/remove all \d+ policies in force/);
    expect((await activeVersion(db))?.id).toBe(1);

    const confirmed = await checkSubscription(db, asked.state, { fetch: other.fetch, now, confirmed: asked.state.pendingConfirmation!.hash });
    expect(confirmed.applied?.id).toBe(2);
    expect(confirmed.state.pendingConfirmation).toBeUndefined();

    // Set by policy: applied as it is, recorded as the organisation's.
    const db2 = new SlaLensDatabase(`subscription-check-test-${n++}`);
    try {
      await checkSubscription(db2, subscribe(URL_, 60, now()), { fetch: server({ text: designExample }).fetch, now, managed: true });
      const managed = await checkSubscription(db2, subscribe(URL_, 60, now()), { fetch: other.fetch, now, managed: true });
      expect(managed.applied?.source).toEqual({ kind: 'policy', url: URL_ });
    } finally {
      await db2.delete();
    }
  });

  it('records nothing when a file identical to the one in force was imported by hand meanwhile', async () => {
    const preview = await previewText(db, designExample, { kind: 'paste' });
    if (!preview.ok) throw new Error('the design example must be valid');
    await applyImport(db, preview);
    const result = await checkSubscription(db, subscribe(URL_, 60, now()), { fetch: server({ text: designExample }).fetch, now });
    expect(result.applied).toBeUndefined();
    expect(result.state.lastSuccessAt).toBe(clock);
    expect((await versions()).map((v) => v.source.kind)).toEqual(['paste']);
  });
});
