import { describe, expect, it } from 'vitest';
import { limitFetch } from './limit';

function transport() {
  const started: string[] = [];
  const finish = new Map<string, () => void>();
  const send = (url: string) =>
    new Promise<Response>((resolve) => {
      started.push(url);
      finish.set(url, () => resolve(new Response('{}')));
    });
  return { started, finish, send };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('limitFetch', () => {
  it('keeps at most `limit` requests in flight, the others starting in the order they were asked', async () => {
    const t = transport();
    const fetch = limitFetch(t.send, 2);
    const answers = ['a', 'b', 'c', 'd'].map((u) => fetch(u, {}));
    await tick();
    expect(t.started).toEqual(['a', 'b']);
    t.finish.get('b')!();
    await tick();
    expect(t.started).toEqual(['a', 'b', 'c']);
    t.finish.get('a')!();
    t.finish.get('c')!();
    await tick();
    expect(t.started).toEqual(['a', 'b', 'c', 'd']);
    t.finish.get('d')!();
    expect(await Promise.all(answers)).toHaveLength(4);
  });

  it('a request whose signal aborts while it waits never leaves, and frees no slot it did not hold', async () => {
    const t = transport();
    const fetch = limitFetch(t.send, 1);
    const first = fetch('a', {});
    const controller = new AbortController();
    const waiting = fetch('b', { signal: controller.signal });
    const third = fetch('c', {});
    controller.abort(new DOMException('gone', 'AbortError'));
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
    t.finish.get('a')!();
    await first;
    await tick();
    expect(t.started).toEqual(['a', 'c']);
    t.finish.get('c')!();
    await third;
  });

  it('a transport that throws or rejects frees its slot', async () => {
    let n = 0;
    const fetch = limitFetch(() => (n++ === 0 ? Promise.reject(new TypeError('network')) : Promise.resolve(new Response('{}'))), 1);
    await expect(fetch('a', {})).rejects.toThrow('network');
    await expect(fetch('b', {})).resolves.toBeInstanceOf(Response);
  });
  it('puts high-priority requests ahead of the others waiting, in the order they were asked; an aborted one gives up its place', async () => {
    const t = transport();
    const fetch = limitFetch(t.send, 1, 1);
    const all = [fetch('a', {}), fetch('b', {}), fetch('c', {})];
    const controller = new AbortController();
    const dropped = fetch('x', { priority: 'high', signal: controller.signal });
    all.push(fetch('h1', { priority: 'high' }), fetch('h2', { priority: 'high' }));
    controller.abort(new DOMException('gone', 'AbortError'));
    await expect(dropped).rejects.toMatchObject({ name: 'AbortError' });
    all.push(fetch('h3', { priority: 'high' }), fetch('d', {}));
    for (const url of ['a', 'h1', 'h2', 'h3', 'b', 'c', 'd']) {
      await tick();
      expect(t.started.at(-1)).toBe(url);
      t.finish.get(url)!();
    }
    expect(await Promise.all(all)).toHaveLength(7);
  });

  it('lets high-priority requests (the rows in view) have more in flight than the others', async () => {
    const t = transport();
    const fetch = limitFetch(t.send, 2, 4);
    const all = ['a', 'b', 'c'].map((u) => fetch(u, {}));
    all.push(...['h1', 'h2', 'h3', 'h4', 'h5'].map((u) => fetch(u, { priority: 'high' })));
    await tick();
    // Two normal ones left at once; then the high ones up to four in flight in all, none normal.
    expect(t.started).toEqual(['a', 'b', 'h1', 'h2']);
    t.finish.get('a')!();
    await tick();
    expect(t.started).toEqual(['a', 'b', 'h1', 'h2', 'h3']);
    t.finish.get('b')!();
    t.finish.get('h1')!();
    await tick();
    expect(t.started).toEqual(['a', 'b', 'h1', 'h2', 'h3', 'h4', 'h5']);
    // No high one left waiting: the last normal one goes once fewer than two are in flight.
    for (const u of ['h2', 'h3', 'h4', 'h5']) t.finish.get(u)!();
    await tick();
    expect(t.started.slice(7)).toEqual(['c']);
    t.finish.get('c')!();
    expect(await Promise.all(all)).toHaveLength(8);
  });
});
