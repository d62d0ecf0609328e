import { describe, expect, it } from 'vitest';
import { FACT_LIMITS as L } from '../messaging/limits';
import { ticketSchema } from '../messaging/schema';
import type { TicketFacts } from '../sla/index';
import { clampFacts } from './clamp';

const base: TicketFacts = { source: 'jira', site: 'acme.atlassian.net', key: 'SUP-1', created: Date.UTC(2026, 10, 23, 9), exact: true };
const long = (n: number, c = 'x') => c.repeat(n);
const accepted = (facts: unknown) => ticketSchema.safeParse(facts).success;

/** Every value of the facts one past its limit. */
function oversized(): TicketFacts {
  return {
    ...base,
    title: long(L.text + 1),
    url: `https://acme.atlassian.net/${long(L.text)}`,
    project: long(L.name + 1),
    issueType: long(L.name + 1),
    requestType: long(L.name + 1),
    priority: long(L.name + 1),
    status: long(L.name + 1),
    group: long(L.name + 1),
    organization: long(L.name + 1),
    assignee: long(L.name + 1),
    team: long(L.name + 1),
    aliases: { group: long(L.name + 1), organization: '42' },
    labels: [...Array.from({ length: L.labels }, (_, i) => `l${i}`), long(L.name + 1), 'one too many'],
    fields: {
      [long(L.name + 1)]: 'v',
      text: long(L.text + 1),
      list: [...Array.from({ length: L.fieldValues }, (_, i) => `v${i}`), 'one too many', long(L.text + 1)],
      n: Number.POSITIVE_INFINITY,
      ok: 5,
    },
    statusHistory: Array.from({ length: L.statusHistory + 1 }, (_, i) => ({ at: base.created + i, status: 'Open' })),
    vendorSla: [
      ...Array.from({ length: L.vendorMetrics + 1 }, () => ({ metric: 'first_reply_time', stage: 'active' as const, breachAt: null })),
      { metric: long(L.vendorMetric + 1), stage: 'active' as const, breachAt: null },
    ],
  };
}

describe('clampFacts: the limits the background enforces, kept by the sources before sending', () => {
  it('one past every limit, the background refuses the facts; clamped, it takes them', () => {
    expect(accepted(oversized())).toBe(false);
    expect(ticketSchema.safeParse(clampFacts(oversized())).error).toBeUndefined();
  });

  it('each limit alone: the schema refuses one past it, and clampFacts brings it back', () => {
    const over = oversized();
    for (const key of Object.keys(over) as Array<keyof TicketFacts>) {
      if (key in base) continue;
      const one = { ...base, [key]: over[key] };
      expect(accepted(one), key).toBe(false);
      expect(accepted(clampFacts(one)), key).toBe(true);
    }
  });

  it('changes nothing in facts at the limits', () => {
    const atLimits: TicketFacts = {
      ...base,
      title: long(L.text),
      status: long(L.name),
      labels: Array.from({ length: L.labels }, () => long(L.name)),
      fields: { [long(L.name)]: long(L.text), list: Array.from({ length: L.fieldValues }, () => long(L.text)) },
      statusHistory: Array.from({ length: L.statusHistory }, (_, i) => ({ at: base.created + i, status: long(L.name) })),
      vendorSla: Array.from({ length: L.vendorMetrics }, () => ({ metric: long(L.vendorMetric), stage: 'paused' as const, breachAt: null })),
    };
    expect(accepted(atLimits)).toBe(true);
    expect(clampFacts(atLimits)).toEqual(atLimits);
  });

  it('cuts text people read, leaves out names a policy matches, and then says the figure is approximate', () => {
    const clamped = clampFacts(oversized());
    expect(clamped.title).toHaveLength(L.text);
    expect(clamped).not.toHaveProperty('url');
    expect(clamped).not.toHaveProperty('status');
    expect(clamped).not.toHaveProperty('group');
    expect(clamped.aliases).toEqual({ organization: '42' });
    expect(clamped.labels).toHaveLength(L.labels);
    expect(clamped.fields).toEqual({ list: Array.from({ length: L.fieldValues }, (_, i) => `v${i}`), ok: 5 });
    expect(clamped).not.toHaveProperty('statusHistory');
    expect(clamped.vendorSla).toHaveLength(L.vendorMetrics);
    expect(clamped.exact).toBe(false);
  });

  it('a title cut short is not cut between the halves of a character', () => {
    const title = `${long(L.text - 1)}😀`;
    expect(clampFacts({ ...base, title }).title).toBe(long(L.text - 1));
  });

  it('a cut title alone keeps the figure exact: nothing a policy reads was lost', () => {
    expect(clampFacts({ ...base, title: long(L.text + 1) }).exact).toBe(true);
  });
});
