import { describe, expect, it, vi } from 'vitest';
import { createPolicySites, type PolicySitesStore } from './policy-sites';

/** A store holding `kept`, answering when `answer` is called (or at once). */
function store(kept: unknown, { held = false } = {}) {
  let answer = () => {};
  const gate = held ? new Promise<void>((r) => (answer = r)) : Promise.resolve();
  const written: string[][] = [];
  const s: PolicySitesStore = {
    get: async () => {
      await gate;
      return kept;
    },
    set: async (sites) => {
      written.push(sites);
    },
  };
  return { s, written, answer: () => answer() };
}

const settled = async (p: Promise<void>) => {
  let done = false;
  void p.then(() => (done = true));
  await new Promise((r) => setTimeout(r, 0));
  return done;
};

describe('the organisation’s sites from the background’s first moment', () => {
  it('serves the sites kept from the last reading at once, before the policy is read', async () => {
    const { s } = store(['acme.atlassian.net', 'acme.zendesk.com']);
    const sites = createPolicySites(s);
    expect(await settled(sites.known)).toBe(true);
    expect(sites.sites()).toEqual(['acme.atlassian.net', 'acme.zendesk.com']);
  });

  it('keeps the kept sites when the reading says the same, and says nothing changed', async () => {
    const { s, written } = store(['acme.zendesk.com']);
    const sites = createPolicySites(s);
    await sites.known;
    expect(sites.read(['acme.zendesk.com'])).toBe(false);
    // Written once a session, so the next start has this session's reading.
    expect(written).toEqual([['acme.zendesk.com']]);
  });

  it('a reading other than the kept sites replaces them, is kept, and says they changed', async () => {
    const { s, written } = store(['old.zendesk.com']);
    const sites = createPolicySites(s);
    await sites.known;
    expect(sites.read(['new.zendesk.com'])).toBe(true);
    expect(sites.sites()).toEqual(['new.zendesk.com']);
    expect(written).toEqual([['new.zendesk.com']]);
    // A later reading (the policy changed while running) is compared with this one.
    expect(sites.read(['new.zendesk.com'])).toBe(false);
    expect(written).toHaveLength(1);
    expect(sites.read([])).toBe(true);
    expect(written).toEqual([['new.zendesk.com'], []]);
  });

  it('a browser that never read its policy waits for the reading', async () => {
    const { s, written } = store(undefined);
    const sites = createPolicySites(s);
    expect(await settled(sites.known)).toBe(false);
    expect(sites.read(['acme.zendesk.com'])).toBe(false);
    expect(await settled(sites.known)).toBe(true);
    expect(sites.sites()).toEqual(['acme.zendesk.com']);
    expect(written).toEqual([['acme.zendesk.com']]);
  });

  it('a reading that lands before the store answers wins over what was kept', async () => {
    const { s, answer } = store(['old.zendesk.com'], { held: true });
    const sites = createPolicySites(s);
    sites.read(['new.zendesk.com']);
    answer();
    await new Promise((r) => setTimeout(r, 0));
    expect(sites.sites()).toEqual(['new.zendesk.com']);
  });

  it('what storage holds is checked as the policy is: anything but host names waits for the reading', async () => {
    for (const kept of ['acme.zendesk.com', [42], ['https://acme.zendesk.com/agent', 'not a host'], { sites: [] }]) {
      const sites = createPolicySites(store(kept).s);
      expect(await settled(sites.known)).toBe(false);
    }
    // As in the policy, the host names of a list are taken, written as the browser matches them.
    const mixed = createPolicySites(store([' ACME.zendesk.com', 42]).s);
    await mixed.known;
    expect(mixed.sites()).toEqual(['acme.zendesk.com']);
  });

  it('a policy that cannot be read holds nothing back: the sites known serve', async () => {
    const onError = vi.fn();
    const failing: PolicySitesStore = { get: () => Promise.reject(new Error('storage gone')), set: () => Promise.reject(new Error('storage gone')) };
    const sites = createPolicySites(failing, onError);
    await new Promise((r) => setTimeout(r, 0));
    expect(onError).toHaveBeenCalledTimes(1);
    sites.settle();
    expect(await settled(sites.known)).toBe(true);
    expect(sites.sites()).toEqual([]);
  });
});
