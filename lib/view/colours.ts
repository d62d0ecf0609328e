/**
 * The state colours, one set for the page badges, the popup and the toolbar, so a ticket looks
 * the same wherever it is shown. Atlassian's design-token palette (light and dark); each state
 * also has words and, in the popup, a glyph: colour is never the only signal.
 */
import type { BadgeState } from './types';

export interface StateColour {
  fg: string;
  bg: string;
  /** Border: the at-risk pill's outline, the dashed outline of `unknown` and `none`. */
  line?: string;
}

export const STATE_COLOURS: Record<'light' | 'dark', Record<BadgeState, StateColour>> = {
  light: {
    ok: { fg: '#216e4e', bg: '#dcfff1' },
    'at-risk': { fg: '#7f5f01', bg: '#fff7d6', line: '#e2b203' },
    breached: { fg: '#ffffff', bg: '#c9372c' },
    paused: { fg: '#44546f', bg: '#f1f2f4' },
    met: { fg: '#626f86', bg: '#f7f8f9' },
    missed: { fg: '#ae2e24', bg: '#f7f8f9' },
    unknown: { fg: '#44546f', bg: 'transparent', line: '#8590a2' },
    none: { fg: '#626f86', bg: 'transparent', line: '#dcdfe4' },
  },
  dark: {
    ok: { fg: '#7ee2b8', bg: '#164b35' },
    'at-risk': { fg: '#f8e6a0', bg: '#533f04', line: '#946f00' },
    breached: { fg: '#ffffff', bg: '#ae2e24' },
    paused: { fg: '#b6c2cf', bg: '#2c333a' },
    met: { fg: '#9fadbc', bg: '#22272b' },
    missed: { fg: '#fd9891', bg: '#22272b' },
    unknown: { fg: '#b6c2cf', bg: 'transparent', line: '#738496' },
    none: { fg: '#9fadbc', bg: 'transparent', line: '#38414a' },
  },
};

/**
 * The toolbar badge: red with any breach (the breached pill's red), else amber (the at-risk
 * outline) with dark text for contrast; grey (the muted text colour) for "can't read this page".
 */
export const TOOLBAR_COLOURS = {
  breached: { bg: STATE_COLOURS.light.breached.bg.toUpperCase(), fg: '#FFFFFF' },
  atRisk: { bg: STATE_COLOURS.light['at-risk'].line!.toUpperCase(), fg: '#172B4D' },
  unreadable: { bg: STATE_COLOURS.light.none.fg.toUpperCase() },
} as const;

/** One palette as the pages' custom properties (`--sla-ok-fg` …). */
export function stateTokenVars(palette: Record<BadgeState, StateColour>): string {
  return (['ok', 'at-risk', 'breached', 'paused'] as const)
    .map((state) => {
      const name = state === 'at-risk' ? 'risk' : state;
      const c = palette[state];
      return `--sla-${name}-fg:${c.fg};--sla-${name}-bg:${c.bg};${c.line ? `--sla-${name}-line:${c.line};` : ''}`;
    })
    .join('');
}

/** The popup's custom properties, light and dark, from the same tokens. */
export function stateTokensCss(): string {
  return `:root{${stateTokenVars(STATE_COLOURS.light)}}@media (prefers-color-scheme: dark){:root{${stateTokenVars(STATE_COLOURS.dark)}}}`;
}

/** Gives a page of ours (the popup, the options page) the state tokens, once. */
export function applyStateTokens(doc: Document): void {
  if (doc.getElementById('sla-state-tokens')) return;
  const style = doc.createElement('style');
  style.id = 'sla-state-tokens';
  style.textContent = stateTokensCss();
  doc.head.append(style);
}
