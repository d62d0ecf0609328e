import { describe, expect, it } from 'vitest';
import type { TicketFacts } from '../sla/index';
import { InvalidMessageError, MAX_TICKETS, parseEvaluateRequest } from './schema';
import type { EvaluateRequest } from './types';

const site = 'acme.atlassian.net';
const ticket = (key: string, extra: Partial<TicketFacts> = {}): TicketFacts => ({ source: 'jira', site, key, created: Date.UTC(2026, 10, 23, 9), exact: true, ...extra });
const request = (tickets: unknown[]): EvaluateRequest => ({ type: 'sla:evaluate', source: 'jira', site, tickets: tickets as TicketFacts[] });

describe('parseEvaluateRequest', () => {
  it('accepts a well-formed request, refusing nothing', () => {
    expect(parseEvaluateRequest(request([ticket('SUP-1')]))).toEqual({ request: request([ticket('SUP-1')]), refused: [] });
  });

  it.each([
    ['an unknown message', { type: 'sla:drop-tables' }],
    ['too many tickets', request(Array.from({ length: MAX_TICKETS + 1 }, (_, i) => ticket(`SUP-${i}`)))],
    ['a missing site', { type: 'sla:evaluate', source: 'jira', tickets: [] }],
    ['an unknown field on the message', { ...request([]), evil: true }],
    ['not an object', 'sla:evaluate'],
  ])('refuses the whole message for %s', (_name, message) => {
    expect(() => parseEvaluateRequest(message)).toThrow(InvalidMessageError);
  });

  it.each([
    ['a ticket without a creation time', { ...ticket('SUP-2'), created: Number.NaN }, /created/],
    ['an unknown field', { ...ticket('SUP-2'), evil: true }, /evil|unrecognized/i],
    ['a huge title', ticket('SUP-2', { title: 'x'.repeat(5000) }), /title/],
    ['a ticket from another site', ticket('SUP-2', { site: 'other.atlassian.net' }), /not from acme\.atlassian\.net/],
    ['a Zendesk ticket in a Jira message', ticket('SUP-2', { source: 'zendesk' }), /not from/],
  ])('refuses only the ticket for %s, with the reason', (_name, bad, reason) => {
    const { request: checked, refused } = parseEvaluateRequest(request([ticket('SUP-1'), bad, ticket('SUP-3')]));
    expect(checked.tickets.map((t) => t.key)).toEqual(['SUP-1', 'SUP-3']);
    expect(refused).toHaveLength(1);
    expect(refused[0]!.key).toBe('SUP-2');
    expect(refused[0]!.reason).toMatch(reason);
  });

  it('keeps a ticket’s address only when it is a web address on the sender’s site (L1)', () => {
    const tickets = [
      ticket('SUP-1', { url: 'https://acme.atlassian.net/browse/SUP-1' }),
      ticket('SUP-2', { url: 'https://acme.atlassian.net.evil.example/browse/SUP-2' }),
      ticket('SUP-3', { url: 'javascript:alert(1)' }),
      ticket('SUP-4', { url: 'http://acme.atlassian.net/browse/SUP-4' }),
    ];
    const { request: checked, refused } = parseEvaluateRequest(request(tickets));
    expect(refused).toEqual([]);
    expect(checked.tickets.map((t) => [t.key, t.url])).toEqual([
      ['SUP-1', 'https://acme.atlassian.net/browse/SUP-1'],
      ['SUP-2', undefined],
      ['SUP-3', undefined],
      ['SUP-4', undefined],
    ]);
  });

  it('a ticket it cannot even name is left out: there is no badge to mark', () => {
    const { request: checked, refused } = parseEvaluateRequest(request([ticket('SUP-1'), { key: 'x'.repeat(65) }, null, 42]));
    expect(checked.tickets).toHaveLength(1);
    expect(refused).toEqual([]);
  });
});
