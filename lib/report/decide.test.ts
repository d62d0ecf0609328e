import { describe, expect, it } from 'vitest';
import type { SlaView } from '../view/types';
import { decidedTargets } from './decide';

const H = 3_600_000;
const T0 = Date.parse('2026-11-23T09:00:00Z');
const at = (h: number) => T0 + h * H;

describe('the targets a recurring metric decides (issue 18)', () => {
  it('decides every cycle: each earlier one met or missed in its own right, the running one not yet', () => {
    const view: SlaView = {
      key: '501',
      kind: 'clocks',
      policyId: 'contract',
      policyName: 'Contract',
      exact: true,
      clocks: [
        {
          metric: 'next-reply',
          policyId: 'contract',
          policyName: 'Contract',
          calendarId: '24x7',
          businessTime: false,
          // Running since 10:00 with a 2 h target: within target at 11:00.
          clock: { start: at(10), stop: null, pauses: [], targetMs: 2 * H, warnAt: { fraction: 0.75 } },
          earlier: [
            // Answered in 1 h: met at its stop.
            { start: at(0), stop: at(1), pauses: [] },
            // Answered after 5 h: missed when its 2 h ran out.
            { start: at(2), stop: at(7), pauses: [] },
          ],
        },
      ],
    };
    const decided = decidedTargets({ site: 'acme.zendesk.com', key: '501', view, facts: { source: 'zendesk', site: 'acme.zendesk.com', key: '501', created: T0, exact: true } }, {}, at(11));
    expect(decided.map((d) => [d.metric, d.cycle, d.outcome, d.decidedAt, d.startedAt])).toEqual([
      ['next-reply', 0, 'met', at(1), at(0)],
      ['next-reply', 1, 'missed', at(4), at(2)],
    ]);
    // Later, the running cycle breaches too: a third target, missed at its own breach.
    expect(
      decidedTargets({ site: 'acme.zendesk.com', key: '501', view, facts: { source: 'zendesk', site: 'acme.zendesk.com', key: '501', created: T0, exact: true } }, {}, at(13)).map((d) => [
        d.cycle,
        d.outcome,
        d.decidedAt,
      ]),
    ).toEqual([
      [0, 'met', at(1)],
      [1, 'missed', at(4)],
      [2, 'missed', at(12)],
    ]);
  });
});
