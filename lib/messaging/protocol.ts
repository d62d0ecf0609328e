/**
 * The content ↔ background protocol in one place: which messages there are, what each answers,
 * the envelope answers travel in, and who may send them. Types and plain functions only, so the
 * content script can use it without zod; the background checks each message's shape with
 * `schema.ts` (evaluate), `lib/tabs/page-status.ts` (page status) or `audit-budget.ts` (audit budget
 * and audit trails).
 *
 * A small layer of our own rather than a library such as @webext-core/messaging: there are four
 * messages, all from content scripts, and what matters is what the library would not do for us
 * (checking the sender against the site a message is about, per-ticket validation, answers that
 * carry the configuration version) — a dependency in the content bundle would add bytes, not that.
 */
import { servedSecurely } from '../view/ticket-url';
import type { PageStatusMessage } from '../tabs/tab-status';
import { readSharedTrail, type SharedTrail } from './audit-trails';
import type { AuditBudgetRequest, AuditBudgetResponse, AuditTrailsPut, AuditTrailsStored, EvaluateRequest, EvaluateResponse } from './types';

export interface ProtocolMap {
  'sla:evaluate': { request: EvaluateRequest; answer: EvaluateResponse };
  'sla:page-status': { request: PageStatusMessage; answer: void };
  'sla:audit-budget': { request: AuditBudgetRequest; answer: AuditBudgetResponse };
  'sla:audit-trails': { request: AuditTrailsPut; answer: AuditTrailsStored };
}

export const AUDIT_BUDGET_TYPE = 'sla:audit-budget';
export const AUDIT_TRAILS_TYPE = 'sla:audit-trails';
/** The most tickets one audit message may be about: a Zendesk batch's (Show Many takes 100). */
export const MAX_AUDIT_TICKETS = 100;
/** The most audit requests one message may ask for: one per ticket it lists. */
export const MAX_AUDIT_BUDGET_WANT = MAX_AUDIT_TICKETS;

/** What the background sends back: the answer, or why there is none. */
export type Envelope<T> = { ok: true; response: T } | { ok: false; error: string };

/** The part of a `runtime.MessageSender` the checks read. */
export interface Sender {
  id?: string;
  /** Chrome's: the origin of the frame that sent it, which the renderer cannot choose. */
  origin?: string;
  url?: string;
  frameId?: number;
  // The browser's `tabs.Tab` declares its id as possibly undefined.
  tab?: { id?: number | undefined; incognito?: boolean | undefined };
}

/** The sender's origin: Chrome's `sender.origin`, else the origin of `sender.url` (Firefox); null when neither reads. */
function originOf(sender: Sender): URL | null {
  for (const candidate of [sender.origin, sender.url]) {
    if (!candidate || candidate === 'null') continue;
    try {
      return new URL(candidate);
    } catch {
      // Not an address: try the next, or there is none.
    }
  }
  return null;
}

/**
 * Why a message is not taken from this sender, or null when it is: only our own extension's
 * content script, in the top frame of a tab of a normal window, on the site the message is
 * about, served over HTTPS (plain HTTP only on the machine itself).
 */
export function senderProblem(sender: Sender, about: string, runtimeId: string): string | null {
  if (sender.id !== runtimeId) return 'it did not come from SLA Lens';
  if (sender.tab?.id === undefined || sender.frameId !== 0) return 'it did not come from the top frame of a tab';
  // SLA Lens does not run in private windows (the manifest says so); should one ever speak, it is not heard.
  if (sender.tab.incognito) return 'it came from a private window';
  const from = originOf(sender);
  if (from?.hostname !== about) return `a message about ${about} came from ${from?.hostname || 'elsewhere'}`;
  if (!servedSecurely(from)) return `a message about ${about} came over ${from.protocol.replace(/:$/, '')}, not https`;
  return null;
}

/** Asks the background to evaluate tickets; the answer, or an error saying why there is none. */
export async function sendEvaluate(send: (message: EvaluateRequest) => Promise<unknown>, request: EvaluateRequest): Promise<EvaluateResponse> {
  const answer = (await send(request)) as Envelope<EvaluateResponse> | undefined;
  if (!answer) throw new Error('SLA Lens: no answer from the background');
  if (!answer.ok) throw new Error(answer.error);
  return answer.response;
}

/**
 * Asks the background for the trails it keeps of the request's tickets, and how many audit
 * requests the account's budget grants now; an error when it refuses or gives no usable answer,
 * so the caller can fall back to a budget of its own. Only trails of tickets the request lists,
 * under the stamp it gave, of the shape a trail has, are passed on.
 */
export async function sendAuditBudget(send: (message: AuditBudgetRequest) => Promise<unknown>, request: AuditBudgetRequest): Promise<AuditBudgetResponse> {
  const answer = (await send(request)) as Envelope<AuditBudgetResponse> | undefined;
  if (!answer) throw new Error('SLA Lens: no answer from the background');
  if (!answer.ok) throw new Error(answer.error);
  const response = answer.response as Partial<Record<keyof AuditBudgetResponse, unknown>> | undefined;
  const granted = response?.granted;
  if (typeof granted !== 'number' || !Number.isFinite(granted)) throw new Error('SLA Lens: the background did not say how many audits it grants');
  const asked = new Map(request.tickets.filter((t) => t.stamp !== '').map((t) => [t.id, t.stamp]));
  const trails: SharedTrail[] = [];
  for (const item of Array.isArray(response?.trails) ? (response.trails as unknown[]) : []) {
    const { id, stamp, trail } = (item ?? {}) as Partial<Record<keyof SharedTrail, unknown>>;
    if (typeof id !== 'number' || typeof stamp !== 'string' || asked.get(id) !== stamp) continue;
    asked.delete(id);
    const clean = readSharedTrail(trail);
    if (clean) trails.push({ id, stamp, trail: clean });
  }
  return { granted: Math.min(request.want, Math.max(0, Math.floor(granted))), trails };
}

/** Gives the background trails a tab just read; an error when it refuses them, which a caller may ignore (the tab keeps its own). */
export async function sendAuditTrails(send: (message: AuditTrailsPut) => Promise<unknown>, put: AuditTrailsPut): Promise<void> {
  const answer = (await send(put)) as Envelope<AuditTrailsStored> | undefined;
  if (answer && !answer.ok) throw new Error(answer.error);
}
