/**
 * The badges' stylesheet: one `<style>` per document, injected once. Jira's and Zendesk's CSS
 * reaches every `span`, often through ID selectors, so the badge resets everything
 * (`all: initial`) and declares what it needs with `!important`; page styles lose, and a user
 * who styles our public attributes can still win with `!important`. A compact pill (18 px) that
 * sits next to a key without changing a table row's height.
 */

export const STYLE_ID = 'sla-lens-style';

const B = '.sla-lens-badge';

// Light palette; the dark one follows Jira's `data-color-mode` or, when the page does not say
// it is light, the system preference. Each pill carries its own background, so either palette
// stays legible on either page.
const LIGHT = `
${B}.sla-lens-ok{color:#216e4e!important;background:#dcfff1!important}
${B}.sla-lens-at-risk{color:#7f5f01!important;background:#fff7d6!important;border-color:#e2b203!important}
${B}.sla-lens-breached{color:#fff!important;background:#c9372c!important}
${B}.sla-lens-paused{color:#44546f!important;background:#f1f2f4!important}
${B}.sla-lens-met{color:#626f86!important;background:#f7f8f9!important}
${B}.sla-lens-missed{color:#ae2e24!important;background:#f7f8f9!important}
${B}.sla-lens-unknown{color:#44546f!important;background:transparent!important;border:1px dashed #8590a2!important}
${B}.sla-lens-none{color:#626f86!important;background:transparent!important;border-color:#dcdfe4!important}`;

const DARK = (scope: string) => `
${scope} ${B}.sla-lens-ok{color:#7ee2b8!important;background:#164b35!important}
${scope} ${B}.sla-lens-at-risk{color:#f8e6a0!important;background:#533f04!important;border-color:#946f00!important}
${scope} ${B}.sla-lens-breached{color:#fff!important;background:#ae2e24!important}
${scope} ${B}.sla-lens-paused{color:#b6c2cf!important;background:#2c333a!important}
${scope} ${B}.sla-lens-met{color:#9fadbc!important;background:#22272b!important}
${scope} ${B}.sla-lens-missed{color:#fd9891!important;background:#22272b!important}
${scope} ${B}.sla-lens-unknown{color:#b6c2cf!important;background:transparent!important;border:1px dashed #738496!important}
${scope} ${B}.sla-lens-none{color:#9fadbc!important;background:transparent!important;border-color:#38414a!important}`;

export const BADGE_CSS = `
${B}{all:initial!important;display:inline-block!important;box-sizing:border-box!important;height:18px!important;
margin:0 0 0 6px!important;padding:0 6px!important;border:1px solid transparent!important;border-radius:9px!important;
vertical-align:middle!important;font:600 11px/16px system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif!important;
font-variant-numeric:tabular-nums!important;letter-spacing:0!important;text-transform:none!important;text-decoration:none!important;
white-space:nowrap!important;direction:ltr!important;cursor:default!important;user-select:none!important;
color:#44546f!important;background:#f1f2f4!important}
${B}[hidden]{display:none!important}
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
