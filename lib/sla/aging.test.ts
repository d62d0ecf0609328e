import { describe, expect, it } from 'vitest';
import { agingFlagsAt, agingState, agingWatches } from './aging';
import { compileCalendar } from './calendar';

const H = 3_600_000;
const at = (iso: string) => Date.parse(iso);
// Mon–Fri 09:00–17:00 in New York, closed at the weekend.
const weekdays = compileCalendar({
  timeZone: 'America/New_York',
  week: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']], thu: [['09:00', '17:00']], fri: [['09:00', '17:00']] },
});
const always = compileCalendar('24x7');

const ticket = {
  created: at('2026-11-20T14:00:00Z'),
  statusHistory: [
    { at: at('2026-11-20T14:00:00Z'), status: 'new', category: 'new' as const },
    { at: at('2026-11-20T15:00:00Z'), status: 'open', category: 'indeterminate' as const },
    { at: at('2026-11-23T15:00:00Z'), status: 'pending', category: 'indeterminate' as const },
  ],
  comments: [
    { at: at('2026-11-20T15:00:00Z'), by: 'agent' as const, public: true },
    { at: at('2026-11-21T10:00:00Z'), by: 'end-user' as const, public: true },
    { at: at('2026-11-23T16:00:00Z'), by: 'agent' as const, public: false },
  ],
  done: false,
};

describe('aging watches', () => {
  it('watches the last public agent comment, and the current status where the rule names it', () => {
    expect(agingWatches(ticket, { noPublicUpdateMs: 48 * H, inStatusMs: 72 * H, statuses: ['pending'] })).toEqual({
      // The internal note and the requester's message are no update.
      watches: [
        { kind: 'no-update', since: at('2026-11-20T15:00:00Z'), thresholdMs: 48 * H },
        { kind: 'in-status', since: at('2026-11-23T15:00:00Z'), thresholdMs: 72 * H, status: 'pending' },
      ],
      unknown: [],
    });
    // A status the rule does not name is not watched; without `statuses`, any open one is.
    expect(agingWatches(ticket, { inStatusMs: 72 * H, statuses: ['hold'] }).watches).toEqual([]);
    expect(agingWatches(ticket, { inStatusMs: 72 * H }).watches).toHaveLength(1);
  });

  it('counts from creation when no agent has written in public', () => {
    expect(agingWatches({ ...ticket, comments: [] }, { noPublicUpdateMs: H }).watches).toEqual([{ kind: 'no-update', since: ticket.created, thresholdMs: H }]);
  });

  it('flags nothing on a done ticket, and says what it cannot know rather than guess', () => {
    expect(agingWatches({ ...ticket, done: true }, { noPublicUpdateMs: H, inStatusMs: H })).toEqual({ watches: [], unknown: [] });
    expect(agingWatches({ created: ticket.created, done: false }, { noPublicUpdateMs: H, inStatusMs: H })).toEqual({ watches: [], unknown: ['no-update', 'in-status'] });
  });

  it('flags once the threshold of the calendar has passed: business hours skip the weekend', () => {
    const [noUpdate] = agingWatches(ticket, { noPublicUpdateMs: 16 * H }).watches;
    // From Friday 10:00 New York: 7 h on Friday, 8 h on Monday, 1 h on Tuesday.
    expect(agingFlagsAt(weekdays, noUpdate!)).toBe(at('2026-11-24T15:00:00Z'));
    expect(agingState(weekdays, noUpdate!, at('2026-11-24T14:59:00Z')).stale).toBe(false);
    expect(agingState(weekdays, noUpdate!, at('2026-11-24T15:00:00Z'))).toEqual({ stale: true, businessMs: 16 * H });
    // Around the clock, the same 16 h come on Saturday.
    expect(agingFlagsAt(always, noUpdate!)).toBe(at('2026-11-21T07:00:00Z'));
  });
});
