/**
 * The content ↔ background protocol in one place: which messages there are, what each answers,
 * the envelope answers travel in, and who may send them. Types and plain functions only, so the
 * content script can use it without zod; the background checks each message's shape with
 * `schema.ts` (evaluate) or `lib/tabs/page-status.ts` (page status).
 *
 * A small layer of our own rather than a library such as @webext-core/messaging: there are two
 * messages, both from content scripts, and what matters is what the library would not do for us
 * (checking the sender against the site a message is about, per-ticket validation, answers that
 * carry the configuration version) — a dependency in the content bundle would add bytes, not that.
 */
import type { PageStatusMessage } from '../tabs/tab-status';
import type { EvaluateRequest, EvaluateResponse } from './types';

export interface ProtocolMap {
  'sla:evaluate': { request: EvaluateRequest; answer: EvaluateResponse };
  'sla:page-status': { request: PageStatusMessage; answer: void };
}

/** What the background sends back: the answer, or why there is none. */
export type Envelope<T> = { ok: true; response: T } | { ok: false; error: string };

/** The part of a `runtime.MessageSender` the checks read. */
export interface Sender {
  id?: string;
  url?: string;
  frameId?: number;
  // The browser's `tabs.Tab` declares its id as possibly undefined.
  tab?: { id?: number | undefined };
}

/**
 * Why a message is not taken from this sender, or null when it is: only our own extension's
 * content script may send, and only about the site of the page it runs in; a page status comes
 * from a tab's top frame.
 */
export function senderProblem(sender: Sender, about: string, runtimeId: string, options: { topFrame?: boolean } = {}): string | null {
  if (sender.id !== runtimeId) return 'it did not come from SLA Lens';
  let from: string | null;
  try {
    from = sender.url ? new URL(sender.url).hostname : null;
  } catch {
    from = null;
  }
  if (from !== about) return `a message about ${about} came from ${from ?? 'elsewhere'}`;
  if (options.topFrame && (sender.frameId !== 0 || sender.tab?.id === undefined)) return 'it did not come from the top frame of a tab';
  return null;
}

/** Asks the background to evaluate tickets; the answer, or an error saying why there is none. */
export async function sendEvaluate(send: (message: EvaluateRequest) => Promise<unknown>, request: EvaluateRequest): Promise<EvaluateResponse> {
  const answer = (await send(request)) as Envelope<EvaluateResponse> | undefined;
  if (!answer) throw new Error('SLA Lens: no answer from the background');
  if (!answer.ok) throw new Error(answer.error);
  return answer.response;
}
