// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { BADGE_CSS, SLOT_STYLE_ID, STYLE_ID, fitSlot, injectStyle, removeStyle } from './style';

const styles = () => document.querySelectorAll(`style#${STYLE_ID}`);

beforeEach(() => {
  document.head.innerHTML = '';
});

describe('the badge stylesheet', () => {
  it('is injected once per document', () => {
    const a = injectStyle(document);
    const b = injectStyle(document);
    expect(b).toBe(a);
    expect(styles()).toHaveLength(1);
    expect(a.parentElement).toBe(document.head);
  });

  it('replaces a stylesheet an older version left behind', () => {
    document.head.insertAdjacentHTML('beforeend', `<style id="${STYLE_ID}">.sla-lens-badge{color:pink}</style>`);
    injectStyle(document);
    expect(styles()).toHaveLength(1);
    expect(styles()[0]!.textContent).toBe(BADGE_CSS);
  });

  it('removeStyle removes it', () => {
    injectStyle(document);
    removeStyle(document);
    expect(styles()).toHaveLength(0);
  });

  it('styles every state, both themes, the pause glyph, and hides [hidden]', () => {
    for (const state of ['ok', 'at-risk', 'breached', 'paused', 'met', 'missed', 'unknown', 'none']) {
      expect(BADGE_CSS).toContain(`.sla-lens-badge.sla-lens-${state}>.sla-lens-pill{`);
      expect(BADGE_CSS).toContain(`html[data-color-mode="dark"] .sla-lens-badge.sla-lens-${state}>.sla-lens-pill{`);
    }
    expect(BADGE_CSS).toContain('@media (prefers-color-scheme: dark)');
    expect(BADGE_CSS).toContain('.sla-lens-badge.sla-lens-paused>.sla-lens-pill::before{content:""');
    expect(BADGE_CSS).toContain('.sla-lens-badge[hidden]{display:none!important}');
    expect(BADGE_CSS).toMatch(/\.sla-lens-badge\{all:initial!important;/);
    expect(BADGE_CSS).toMatch(/\.sla-lens-badge>\.sla-lens-pill\{all:initial!important;/);
  });

  it('widens the page’s badge slot to the widest pill, never narrows it, and goes with the stylesheet', () => {
    const slot = () => document.getElementById(SLOT_STYLE_ID)?.textContent;
    fitSlot(document, 60);
    expect(slot()).toBe('.sla-lens-badge{width:60px!important;max-width:calc(100% - 6px)!important;contain:size layout style!important}');
    fitSlot(document, 40);
    expect(slot()).toContain('width:60px');
    fitSlot(document, 96);
    expect(slot()).toContain('width:96px');
    expect(document.querySelectorAll(`#${SLOT_STYLE_ID}`)).toHaveLength(1);
    removeStyle(document);
    expect(slot()).toBeUndefined();
    fitSlot(document, 50);
    expect(slot()).toContain('width:50px');
  });

  it('parses: every rule reaches the CSSOM', () => {
    const sheet = injectStyle(document).sheet!;
    const selectors = [...sheet.cssRules].map((r) => (r as CSSStyleRule).selectorText).filter(Boolean);
    expect(selectors).toContain('.sla-lens-badge');
    expect(selectors.some((s) => s.replace(/\s/g, '') === '.sla-lens-badge.sla-lens-breached>.sla-lens-pill')).toBe(true);
    expect(selectors).toContain('.sla-lens-aging');
    // Dark and forced colours, for the badge and for the aging flag.
    expect([...sheet.cssRules].filter((r) => r.cssText.startsWith('@media'))).toHaveLength(4);
  });
});
