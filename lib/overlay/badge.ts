/**
 * The badge element of DESIGN.md's public contract ("Badges in the page"): at most one per ticket
 * element, inserted right after the adapter's anchor, updated in place, text only. Attributes are
 * compared before they are written, so an unchanged tick costs no DOM mutation. The badge is the
 * page's fixed-width slot and its words sit in a pill inside it (style.ts says why).
 */
import type { FoundTicket } from '../sources/types';
import type { RenderedAging, RenderedBadge } from './badge-text';
import { pillWidth } from './pill-width';
import { fitSlot, PILL_CLASS } from './style';
import { t, uiLocale } from '../i18n/core';

export const BADGE_SELECTOR = '[data-sla-badge]';
/**
 * What a ticket shows until its facts arrive: not a badge (no `data-sla-badge`, so nothing that
 * reads badges takes it for a figure), replaced in place by the badge when its view lands.
 */
export const PLACEHOLDER_ATTRIBUTE = 'data-sla-pending';
/** The aging flag beside a badge (DESIGN: a second element, `data-sla-aging` ∈ `no-update | in-status`). */
export const AGING_ATTRIBUTE = 'data-sla-aging';
/** Badges, placeholders and aging flags: everything of ours in a page. */
const OURS_SELECTOR = `${BADGE_SELECTOR},[${PLACEHOLDER_ATTRIBUTE}],[${AGING_ATTRIBUTE}]`;
const BASE_CLASS = 'sla-lens-badge';
const TEXT_NODE = 3;
const DOCUMENT_NODE = 9;
/**
 * The slot a placeholder keeps for its badge: as wide as a countdown in hours (`12h 40m left`, in
 * the language in use), so the figures that land in it rarely widen every slot on the page (which
 * lays out the page's whole table again).
 */
const reservedShape = (): string => t('pill_left', { span: t('span_hm', { a: '00', b: '00' }) });

/**
 * The language of our words, on each element of ours. Its direction goes on the words inside (the
 * pill, the aging mark's text), never on the element in the page's line: that one keeps the page's
 * direction, so its margin stays between it and the ticket's key, while a Hebrew pill reads right
 * to left on any page.
 */
function speak(el: Element): void {
  setAttr(el, 'lang', uiLocale().tag);
}

/** The words' element inside `outer`, made once, carrying the language's direction. */
function wordsIn(outer: HTMLElement, className: string, made: WeakMap<Element, HTMLElement>): HTMLElement {
  let inner = made.get(outer);
  if (!inner || inner.parentNode !== outer || outer.childNodes.length !== 1) {
    inner = outer.ownerDocument.createElement('span');
    inner.className = className;
    outer.replaceChildren(inner);
    made.set(outer, inner);
  }
  setAttr(inner, 'dir', uiLocale().dir);
  return inner;
}

/** What each slot was last asked to say, to say it again when its room changes. */
const wordsFor = new WeakMap<Element, { text: string; short: string | undefined; paused: boolean }>();
/** Each slot's laid-out width, as its document's ResizeObserver last reported it. */
const roomOf = new WeakMap<Element, number>();
const roomWatch = new WeakMap<Document, ResizeObserver | null>();

/**
 * Watches the slot's laid-out width, which is less than the page's slot width where the cell it
 * sits in is narrower (style.ts). A ResizeObserver reports it after the browser's own layout, so
 * knowing it forces none; a slot whose room changed says its words again, short where they no
 * longer fit, before the frame is painted.
 */
function watchRoom(slot: HTMLElement): void {
  const doc = slot.ownerDocument;
  let watch = roomWatch.get(doc);
  if (watch === undefined) {
    const Observer = doc.defaultView?.ResizeObserver ?? globalThis.ResizeObserver;
    watch = Observer
      ? new Observer((entries) => {
          for (const entry of entries) {
            // A slot taken out of the page reports its size once more: let it go.
            if (!entry.target.isConnected) {
              watch?.unobserve(entry.target);
              continue;
            }
            const width = entry.borderBoxSize?.[0]?.inlineSize ?? entry.contentRect.width;
            if (roomOf.get(entry.target) === width) continue;
            roomOf.set(entry.target, width);
            const words = wordsFor.get(entry.target);
            if (words) setText(entry.target as HTMLElement, words.text, words.paused, words.short);
          }
        })
      : null;
    roomWatch.set(doc, watch);
  }
  watch?.observe(slot);
}

/**
 * Puts `text` in the slot's pill (made when missing), the slot widened first to hold it; `short`
 * instead where the slot's cell leaves less room than `text` needs. A countdown edits the pill's
 * text node in place: one characterData mutation, no new node.
 */
function setText(slot: HTMLElement, text: string, paused: boolean, short?: string): void {
  const pill = wordsIn(slot, PILL_CLASS, pillOf);
  const doc = slot.ownerDocument;
  const width = pillWidth(doc, text, paused);
  if (width !== null) fitSlot(doc, width);
  const was = wordsFor.get(slot);
  if (was === undefined) watchRoom(slot);
  if (was?.text !== text || was.short !== short || was.paused !== paused) wordsFor.set(slot, { text, short, paused });
  const room = roomOf.get(slot);
  if (short !== undefined && width !== null && room !== undefined && width > room + 0.5) text = short;
  const node = pill.firstChild;
  if (node !== null && node.nodeType === TEXT_NODE && node === pill.lastChild) {
    if ((node as Text).data !== text) (node as Text).data = text;
  } else {
    pill.textContent = text;
  }
}

/** What `upsertBadge` needs of a found ticket. */
export type BadgeTarget = Pick<FoundTicket, 'key' | 'element' | 'anchor' | 'isTicketView'>;

/** Badge by ticket element: re-renders find their badge without querying the page. */
const badgeOf = new WeakMap<Element, HTMLElement>();
/** The attributes each badge was last given by this script. */
const written = new WeakMap<Element, { key: string; state: string; metric: string | null; label: string; lang: string }>();
/** Badges this script instance made; anything else with our marker was left by an older one. */
const ours = new WeakSet<Element>();
/** The pill inside each slot this script filled. */
const pillOf = new WeakMap<Element, HTMLElement>();
/** Placeholder by ticket element, until its badge replaces it. */
const placeholderOf = new WeakMap<Element, HTMLElement>();

/** Whether a node is one of ours (a badge or a placeholder): their comings and goings are not the page's news. */
export function isOurs(node: Node): boolean {
  return node instanceof Element && (node.hasAttribute('data-sla-badge') || node.hasAttribute(PLACEHOLDER_ATTRIBUTE));
}

/**
 * A quiet placeholder after the ticket's anchor while its facts are on their way: once per ticket
 * element, and never where a badge already is.
 */
export function showPlaceholder(target: BadgeTarget): void {
  const { element, anchor } = target;
  if (badgeOf.get(element)?.isConnected) return;
  const existing = placeholderOf.get(element);
  if (existing?.isConnected && existing.previousElementSibling === anchor) return;
  existing?.remove();
  const placeholder = anchor.ownerDocument.createElement('span');
  placeholder.setAttribute(PLACEHOLDER_ATTRIBUTE, '');
  placeholder.setAttribute('data-sla-key', target.key);
  placeholder.setAttribute('role', 'img');
  placeholder.setAttribute('aria-label', t('placeholder_label'));
  placeholder.className = `${BASE_CLASS} sla-lens-pending`;
  speak(placeholder);
  const reserved = pillWidth(anchor.ownerDocument, reservedShape(), false);
  if (reserved !== null) fitSlot(anchor.ownerDocument, reserved);
  setText(placeholder, t('placeholder_text'), false);
  ours.add(placeholder);
  placeholderOf.set(element, placeholder);
  anchor.after(placeholder);
}

/**
 * Whether the ticket already has its place in the page, a badge or a placeholder right after its
 * anchor: its badge then changes that element in place, which lays out nothing but the slot.
 */
export function hasSlot(target: BadgeTarget): boolean {
  const slot = badgeOf.get(target.element) ?? placeholderOf.get(target.element);
  return !!slot?.isConnected && slot.previousElementSibling === target.anchor;
}

/** Takes the ticket's placeholder out of the page; returns it when it stood right after the anchor (so a badge can take its place). */
function takePlaceholder(target: BadgeTarget): HTMLElement | null {
  const placeholder = placeholderOf.get(target.element);
  if (!placeholder) return null;
  placeholderOf.delete(target.element);
  if (placeholder.isConnected && placeholder.previousElementSibling === target.anchor) return placeholder;
  placeholder.remove();
  return null;
}

function isBadge(el: Element | null): el is HTMLElement {
  return el !== null && el.hasAttribute('data-sla-badge');
}

function setAttr(el: Element, name: string, value: string | null): void {
  if (value === null) {
    if (el.hasAttribute(name)) el.removeAttribute(name);
  } else if (el.getAttribute(name) !== value) {
    el.setAttribute(name, value);
  }
}

function create(doc: Document): HTMLElement {
  const badge = doc.createElement('span');
  badge.setAttribute('data-sla-badge', '');
  // An image with a name, not a live region: 1,000 live regions would chatter. ARIA forbids
  // aria-label on a plain span (role generic), so screen readers could ignore it there.
  badge.setAttribute('role', 'img');
  ours.add(badge);
  return badge;
}

/** Removes copies of this ticket's badge, or of its aging flag, elsewhere in its element (a framework re-render, a clone). */
function removeStrays(target: BadgeTarget, keep: Element): void {
  const mark = agingOf.get(keep);
  for (const el of target.element.querySelectorAll(`${BADGE_SELECTOR},[${AGING_ATTRIBUTE}]`)) {
    if (el !== keep && el !== mark && el.getAttribute('data-sla-key') === target.key) el.remove();
  }
}

/**
 * Shows `rendered` on the ticket: updates its badge if it is still right after the anchor, else
 * replaces it. `none` is shown only on the ticket view; in lists any badge is removed. Returns
 * the badge, or null when there is none.
 */
export function upsertBadge(target: BadgeTarget, rendered: RenderedBadge): HTMLElement | null {
  const { element, anchor } = target;
  let badge = badgeOf.get(element);
  if (rendered.state === 'none' && !target.isTicketView) {
    takePlaceholder(target)?.remove();
    if (badge) {
      badge.remove();
      dropAging(badge);
      badgeOf.delete(element);
    }
    const next = anchor.nextElementSibling;
    if (isBadge(next) && next.getAttribute('data-sla-key') === target.key) next.remove();
    return null;
  }

  let detached = false;
  let morphed = false;
  if (!badge || !badge.isConnected || badge.previousElementSibling !== anchor) {
    if (badge) {
      badge.remove();
      dropAging(badge);
    }
    const next = anchor.nextElementSibling;
    const placeholder = takePlaceholder(target);
    if (placeholder) {
      // The placeholder becomes the badge: the same element, so the page's table is not laid
      // out again (a new element in a 1,000-row table costs a whole layout, 0.1–0.3 s).
      placeholder.removeAttribute(PLACEHOLDER_ATTRIBUTE);
      placeholder.setAttribute('data-sla-badge', '');
      badge = placeholder;
      morphed = true;
    } else if (isBadge(next) && ours.has(next) && next.getAttribute('data-sla-key') === target.key) {
      badge = next; // ours already, e.g. tracked under an element the page has since replaced
    } else {
      badge = create(anchor.ownerDocument);
      detached = true;
    }
    badgeOf.set(element, badge);
  }

  // What this badge last showed is remembered here, so an unchanged tick compares strings instead
  // of reading attributes back (each DOM access from a content script crosses into the page).
  const was = written.get(badge);
  if (was?.key !== target.key) setAttr(badge, 'data-sla-key', target.key);
  if (was?.state !== rendered.state && badge.getAttribute('data-sla-state') !== rendered.state) {
    badge.setAttribute('data-sla-state', rendered.state);
    badge.className = `${BASE_CLASS} sla-lens-${rendered.state}`;
  }
  if (was?.metric !== rendered.metric) setAttr(badge, 'data-sla-metric', rendered.metric);
  if (was?.label !== rendered.label) {
    setAttr(badge, 'title', rendered.label);
    setAttr(badge, 'aria-label', rendered.label);
  }
  const lang = uiLocale().tag;
  if (was?.lang !== lang) speak(badge);
  written.set(badge, { key: target.key, state: rendered.state, metric: rendered.metric, label: rendered.label, lang });
  // Text only: page text and policy names never become markup.
  setText(badge, rendered.text, rendered.state === 'paused', rendered.short);
  if (detached) {
    // Filled before it goes in: the page (and our own observers) see one element added.
    anchor.after(badge);
  } else takePlaceholder(target)?.remove();
  if (detached || morphed) removeStrays(target, badge);
  return badge;
}

/** Each badge's aging flag, while it has one. */
const agingOf = new WeakMap<Element, HTMLElement>();
/** The text inside each aging flag. */
const agingWordsOf = new WeakMap<Element, HTMLElement>();

function dropAging(badge: Element): void {
  agingOf.get(badge)?.remove();
  agingOf.delete(badge);
}

/**
 * Shows `flag` right after `badge` (the ticket's badge), or removes the flag when there is none or
 * no badge. Text only, attributes written only when they change, as for the badge.
 */
export function upsertAging(badge: HTMLElement | null, key: string, flag: RenderedAging | null): void {
  const el = badge ? agingOf.get(badge) : undefined;
  if (!badge || !flag) {
    if (badge && el) dropAging(badge);
    return;
  }
  let mark = el;
  if (!mark || !mark.isConnected || mark.previousElementSibling !== badge) {
    mark?.remove();
    mark = badge.ownerDocument.createElement('span');
    mark.className = 'sla-lens-aging';
    mark.setAttribute('role', 'img');
    ours.add(mark);
    agingOf.set(badge, mark);
    badge.after(mark);
  }
  setAttr(mark, 'data-sla-key', key);
  setAttr(mark, AGING_ATTRIBUTE, flag.kind);
  speak(mark);
  setAttr(mark, 'title', flag.label);
  setAttr(mark, 'aria-label', flag.label);
  const words = wordsIn(mark, 'sla-lens-aging__text', agingWordsOf);
  if (words.textContent !== flag.text) words.textContent = flag.text;
}

/** Removes the badge of one ticket element, if any. */
export function removeBadge(element: Element): void {
  const badge = badgeOf.get(element);
  if (badge) dropAging(badge);
  badge?.remove();
  badgeOf.delete(element);
  placeholderOf.get(element)?.remove();
  placeholderOf.delete(element);
}

/** Removes every badge under `root`, ours and any an older script left (cleanup on invalidation). */
export function removeAllBadges(root: ParentNode = document): void {
  for (const el of root.querySelectorAll(OURS_SELECTOR)) el.remove();
  // The size watch is the document's: only a whole document's cleanup ends it.
  if ((root as Node).nodeType === DOCUMENT_NODE) {
    roomWatch.get(root as Document)?.disconnect();
    roomWatch.delete(root as Document);
  }
}

/**
 * Removes badges this script did not make. Firefox destroys an old content script on update
 * without running its cleanup, so a new one removes what it finds at start. Returns how many.
 */
export function sweepStaleBadges(root: ParentNode = document): number {
  let removed = 0;
  for (const el of root.querySelectorAll(OURS_SELECTOR)) {
    if (!ours.has(el)) {
      el.remove();
      removed++;
    }
  }
  return removed;
}
