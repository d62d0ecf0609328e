/**
 * How Zendesk speaks of its own SLA state (the `slas` sideload, zendesk-dom.md §7.3), for the
 * badge's tooltip beside ours.
 */
import type { VendorSlaWords } from '../types';

export const ZENDESK_SLA_WORDS: VendorSlaWords = {
  tool: 'Zendesk',
  // `first_reply_time` → `first reply`; the one whose name says more than people do is named by hand.
  metric: (name) => (name === 'total_resolution_time' ? 'resolution' : name.replace(/_time$/, '').replace(/_/g, ' ')),
};
