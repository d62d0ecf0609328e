/**
 * What a typed or pasted site name is, for the places that ask for one (a watched scope's `site`
 * in the configuration, the options page's form): each words its own answer, from one reading.
 * The policy reader (lib/managed/read.ts) keeps its own, as it loads nothing but the
 * subscription's pure modules at every start.
 */

/** A host name as permissions and site lists use it: lower-case labels, 253 characters at most. */
export const HOST_NAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

export type HostReading =
  | { kind: 'host'; host: string }
  | { kind: 'empty' }
  | { kind: 'pattern' }
  /** An address, or a name with a port or spaces: `meant` is the host in it, when there is one. */
  | { kind: 'address'; meant: string | null }
  /** A name in another script: `ascii` is its punycode form, which browsers match. */
  | { kind: 'script'; ascii: string }
  | { kind: 'invalid' };

export function readHost(text: string): HostReading {
  if (text === '') return { kind: 'empty' };
  if (text.includes('*')) return { kind: 'pattern' };
  if (/[/:@?#\\\s]/.test(text)) {
    let meant: string | null = null;
    try {
      const trimmed = text.trim();
      meant = new URL(trimmed.includes('://') ? trimmed : `https://${trimmed}`).hostname;
    } catch {
      // Nothing to suggest.
    }
    return { kind: 'address', meant: meant !== null && HOST_NAME.test(meant) ? meant : null };
  }
  const lower = text.toLowerCase();
  if (HOST_NAME.test(lower)) return { kind: 'host', host: lower };
  if (/[\u0080-\uffff]/.test(text)) {
    try {
      const ascii = new URL(`https://${text}`).hostname;
      if (HOST_NAME.test(ascii)) return { kind: 'script', ascii };
    } catch {
      // Falls through.
    }
  }
  return { kind: 'invalid' };
}
