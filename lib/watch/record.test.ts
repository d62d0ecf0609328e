import { describe, expect, it } from 'vitest';
import { ticketFacts, H } from '../db/__fixtures__/store';
import type { StoredTicket } from '../db/database';
import { worthRecording } from './record';

const J = 'acme.atlassian.net';
const row = (exact: boolean, extra = {}) => ({ facts: ticketFacts(J, 'SUP-1', H, { exact, ...extra }) }) as unknown as StoredTicket;

describe('worthRecording', () => {
  it('keeps an exact stored ticket when a re-read without history says nothing new', () => {
    const approx = ticketFacts(J, 'SUP-1', H, { exact: false, statusHistory: undefined });
    expect(worthRecording([approx], [row(true)])).toEqual([]);
  });

  it('records what is exact, what is new, and what moved', () => {
    const exact = ticketFacts(J, 'SUP-1', H);
    const approx = ticketFacts(J, 'SUP-1', H, { exact: false });
    const solved = ticketFacts(J, 'SUP-1', H, { exact: false, status: 'Done', statusCategory: 'done', resolvedAt: 5 });
    const replied = ticketFacts(J, 'SUP-1', H, { exact: false, firstResponseAt: 7 });
    expect(worthRecording([exact], [row(true)])).toEqual([exact]);
    expect(worthRecording([approx], [undefined])).toEqual([approx]);
    expect(worthRecording([approx], [row(false)])).toEqual([approx]);
    expect(worthRecording([solved, replied], [row(true), row(true)])).toEqual([solved, replied]);
  });
});
