/**
 * The badges' stylesheet: one `<style>` per document, injected once. Jira's and Zendesk's CSS
 * reaches every `span`, often through ID selectors, so the badge resets everything
 * (`all: initial`) and declares what it needs with `!important`; page styles lose, and a user
 * who styles our public attributes can still win with `!important`. A compact pill (18 px) that
 * sits next to a key without changing a table row's height.
 */

import { STATE_COLOURS, type StateColour } from '../view/colours';
import type { BadgeState } from '../view/types';

export const STYLE_ID = 'sla-lens-style';

/** The pill's font, as CSS and canvas both read it (pill-width.ts measures with it). */
export const BADGE_FONT = '600 11px system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif';

const B = '.sla-lens-badge';

// Light palette; the dark one follows Jira's `data-color-mode` or, when the page does not say
// it is light, the system preference. Each pill carries its own background, so either palette
// stays legible on either page. The colours are the extension's state tokens (lib/view/colours.ts).
function palette(scope: string, colours: Record<BadgeState, StateColour>): string {
  return (Object.keys(colours) as BadgeState[])
    .map((state) => {
      const { fg, bg, line } = colours[state];
      // Unknown is outlined, dashed: no figure, no fill.
      const border = line ? (state === 'unknown' ? `;border:1px dashed ${line}!important` : `;border-color:${line}!important`) : '';
      return `${scope}${B}.sla-lens-${state}{color:${fg}!important;background:${bg}!important${border}}`;
    })
    .join('\n');
}

const LIGHT = palette('', STATE_COLOURS.light);
const DARK = (scope: string) => palette(`${scope} `, STATE_COLOURS.dark);

export const BADGE_CSS = `
${B}{all:initial!important;display:inline-block!important;box-sizing:border-box!important;height:18px!important;
margin:0 0 0 6px!important;padding:0 6px!important;border:1px solid transparent!important;border-radius:9px!important;
vertical-align:middle!important;font:${BADGE_FONT}!important;line-height:16px!important;
font-variant-numeric:tabular-nums!important;letter-spacing:0!important;text-transform:none!important;text-decoration:none!important;
white-space:nowrap!important;direction:ltr!important;cursor:default!important;user-select:none!important;
color:#44546f!important;background:#f1f2f4!important}
${B}[hidden]{display:none!important}
${B}.sla-lens-pending{color:#626f86!important;background:transparent!important;border:1px dashed #b3b9c4!important;font-weight:400!important}
${B}::after,${B}:not(.sla-lens-paused)::before{content:none!important}
${B}.sla-lens-paused::before{content:""!important;display:inline-block!important;box-sizing:border-box!important;
width:7px!important;height:8px!important;margin:0 4px 0 0!important;border:solid currentColor!important;border-width:0 2px!important;
vertical-align:-1px!important}
${LIGHT}
${DARK('html[data-color-mode="dark"]')}
@media (prefers-color-scheme: dark){${DARK('html:not([data-color-mode="light"])')}}
@media (forced-colors: active){${B}{border:1px solid CanvasText!important}}
`;

/** Adds the stylesheet once; replaces one an older version of the extension left behind. */
export function injectStyle(doc: Document = document): HTMLStyleElement {
  const existing = doc.getElementById(STYLE_ID);
  if (existing?.localName === 'style' && existing.textContent === BADGE_CSS) return existing as HTMLStyleElement;
  existing?.remove();
  const style = doc.createElement('style');
  style.id = STYLE_ID;
  style.textContent = BADGE_CSS;
  (doc.head ?? doc.documentElement).append(style);
  return style;
}

export function removeStyle(doc: Document = document): void {
  doc.getElementById(STYLE_ID)?.remove();
}
