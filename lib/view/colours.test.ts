import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BADGE_CSS } from '../overlay/style';
import { toolbarBadge } from '../db/upkeep';
import { STATE_COLOURS, stateTokensCss } from './colours';

const cssFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? cssFiles(path.join(dir, e.name)) : e.name.endsWith('.css') ? [path.join(dir, e.name)] : []));

describe('one set of state colours', () => {
  const css = cssFiles('components').concat(cssFiles('entrypoints'));

  it('every state token our pages use is defined from the shared tokens, and none is defined by hand', () => {
    const tokens = stateTokensCss();
    const used = new Set(css.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/var\((--sla-[\w-]+)\)/g)].map((m) => m[1]!)));
    expect(used.size).toBeGreaterThan(4);
    for (const name of used) expect(tokens, name).toContain(`${name}:`);
    for (const f of css) expect(readFileSync(f, 'utf8'), f).not.toMatch(/--sla-[\w-]+\s*:/);
  });

  it('the badge, the popup and the toolbar say the same colour for the same state', () => {
    for (const [state, { fg, bg }] of Object.entries(STATE_COLOURS.light)) expect(BADGE_CSS).toContain(`.sla-lens-${state}>.sla-lens-pill{color:${fg}!important;background:${bg}!important`);
    expect(stateTokensCss()).toContain(`--sla-breached-bg:${STATE_COLOURS.light.breached.bg}`);
    expect(toolbarBadge(1, 0).background.toLowerCase()).toBe(STATE_COLOURS.light.breached.bg);
    expect(toolbarBadge(0, 1).background.toLowerCase()).toBe(STATE_COLOURS.light['at-risk'].line);
  });
});
