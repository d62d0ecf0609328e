/**
 * How Zendesk speaks of its own SLA state (the `slas` sideload, zendesk-dom.md §7.3), for the
 * badge's tooltip beside ours.
 */
import type { VendorSlaWords } from '../types';
import type { BadgeMetric } from '../../view/types';
import { metricWords } from '../../view/words';

/** Zendesk's metrics are ours (DESIGN.md, metric definitions), so the tooltip names them in the same words. */
const OURS: Readonly<Record<string, BadgeMetric>> = {
  first_reply_time: 'first-response',
  next_reply_time: 'next-reply',
  periodic_update_time: 'periodic-update',
  pausable_update_time: 'pausable-update',
  requester_wait_time: 'requester-wait',
  agent_work_time: 'agent-work',
  total_resolution_time: 'resolution',
};

export const ZENDESK_SLA_WORDS: VendorSlaWords = {
  tool: 'Zendesk',
  // One Zendesk may add is named as its API spells it, `_time` dropped.
  metric: (name) => {
    const ours = OURS[name];
    return ours ? metricWords(ours) : name.replace(/_time$/, '').replace(/_/g, ' ');
  },
};
