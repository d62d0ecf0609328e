/**
 * Each tab's page status, in the background: whether SLA Lens could read the page, kept in
 * session storage (gone with the browser session, never on disk) so the popup can name the page
 * and offer its diagnostics, and shown on the toolbar for that tab alone. The content script
 * reports; this module checks the report before anything is kept.
 */
import { tabStatusKey } from '../storage-keys';
import { TOOLBAR_COLOURS } from '../view/colours';
import { z } from 'zod';
import { cannotReadTitle, PAGE_STATUS_TYPE, type PageStatusMessage, type TabPageStatus } from './tab-status';

export { PAGE_STATUS_TYPE } from './tab-status';

const count = z.number().int().min(0).max(1_000_000);
const word = z.string().max(200);
const kindSchema = z.strictObject({ id: z.string().regex(/^[a-z-]{1,60}$/), label: z.string().min(1).max(120), shows: z.enum(['list', 'ticket']) });
const diagnosticsSchema = z.strictObject({
  source: word,
  page: word,
  url: z.string().max(2_000),
  lang: z.string().max(35),
  dir: z.string().max(10),
  found: count,
  shown: count,
  strategies: z.array(z.strictObject({ strategy: z.string().regex(/^[\w-]{1,60}\/[\w-]{1,60}$/), tickets: count, used: z.boolean() })).max(100),
});
const messageSchema = z.strictObject({
  type: z.literal(PAGE_STATUS_TYPE),
  site: z.string().min(1).max(253),
  readable: z.boolean(),
  kind: kindSchema.nullable(),
  found: count,
  shown: count,
  diagnostics: diagnosticsSchema.optional(),
});

/** The report, checked; null when it is not one. */
export function parsePageStatus(message: unknown): PageStatusMessage | null {
  const result = messageSchema.safeParse(message);
  return result.success ? (result.data as PageStatusMessage) : null;
}

/** The parts of `browser.action` used per tab; `null` hands the tab back to the global value. */
export interface TabAction {
  setBadgeText(details: { tabId: number; text: string | null }): Promise<void> | void;
  setBadgeBackgroundColor(details: { tabId: number; color: string }): Promise<void> | void;
  setTitle(details: { tabId: number; title: string | null }): Promise<void> | void;
}

export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

/**
 * Keeps the tab's status and shows it on the toolbar: a `?` on the icon for that tab while the
 * page cannot be read, the tab back on the global count as soon as it can.
 */
export async function recordTabStatus(tabId: number, message: PageStatusMessage, extension: string, now: number, session: SessionArea, action: TabAction): Promise<TabPageStatus | null> {
  const { type: _type, diagnostics, kind, ...report } = message;
  if (!kind) {
    await clearTabStatus(tabId, session, action);
    return null;
  }
  // Diagnostics are kept only while they explain something.
  const status: TabPageStatus = { ...report, kind, ...(report.readable || !diagnostics ? {} : { diagnostics }), extension, at: now };
  await session.set({ [tabStatusKey(tabId)]: status });
  if (status.readable) {
    await action.setBadgeText({ tabId, text: null });
    await action.setTitle({ tabId, title: null });
  } else {
    await action.setBadgeText({ tabId, text: '?' });
    await action.setBadgeBackgroundColor({ tabId, color: TOOLBAR_COLOURS.unreadable.bg });
    await action.setTitle({ tabId, title: cannotReadTitle(status.kind) });
  }
  return status;
}

/** Forgets the tab's status (another page, or the tab closed) and hands it back to the global count. */
export async function clearTabStatus(tabId: number, session: Pick<SessionArea, 'remove'>, action?: TabAction): Promise<void> {
  await session.remove(tabStatusKey(tabId));
  await action?.setBadgeText({ tabId, text: null });
  await action?.setTitle({ tabId, title: null });
}
