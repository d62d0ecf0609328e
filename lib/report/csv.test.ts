import { describe, expect, it } from 'vitest';
import type { Breakdown, PolicyNode } from './aggregate';
import { csvField, csvText, detailCsv, DETAIL_HEADER, summaryCsv, SUMMARY_HEADER } from './csv';
import type { DecidedTarget } from './decide';
import { monthsUpTo } from './periods';
import { buildReport, type ReportPolicy } from './report';

/** RFC 4180, as a spreadsheet reads it: quoted fields may hold commas, quotes (doubled) and line breaks. */
function parseCsv(text: string): string[][] {
  expect(text.startsWith('\uFEFF')).toBe(true);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const body = text.slice(1);
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && body[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  return rows;
}

const records = (text: string) => {
  const [header, ...rows] = parseCsv(text);
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])));
};

describe('CSV fields', () => {
  it('quotes what must be quoted, doubles quotes, and ends lines with CRLF after a byte-order mark', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvField(95.123456)).toBe('95.1235');
    expect(csvField(true)).toBe('yes');
    expect(
      csvText([
        ['a', 'b'],
        [1, 'x,y'],
      ]),
    ).toBe('\uFEFFa,b\r\n1,"x,y"\r\n');
  });

  it('neutralises what a spreadsheet would run as a formula; numbers stay numbers', () => {
    for (const evil of ['=HYPERLINK("http://x","click")', '+1+1', '-2+3', '@SUM(A1)', '\tx', '\rx']) expect(csvField(evil).replace(/^"/, '').startsWith("'")).toBe(true);
    expect(csvField(-5)).toBe('-5');
    expect(parseCsv(csvText([['=1+1']]))).toEqual([["'=1+1"]]);
  });
});

describe('the summary is what the detail adds up to', () => {
  const NOW = Date.parse('2026-12-03T10:00:00Z');
  const periods = monthsUpTo('Europe/Berlin', NOW, 3);
  const policies: ReportPolicy[] = [
    { id: 'svc', name: 'Payments service', extends: 'cust', credits: [{ below: 95, credit: 5 }], fee: { amount: 1000, currency: 'EUR' } },
    { id: 'cust', name: 'Globex, "the" customer', extends: 'corp', objective: 97 },
    { id: 'corp', name: 'Corporate' },
  ];
  // A seeded spread over three months, two sites, three policies, with awkward titles.
  const targets: DecidedTarget[] = Array.from({ length: 240 }, (_, i) => {
    const decidedAt = periods[0]!.start + ((i * 7_919_000_001) % (NOW - periods[0]!.start));
    return {
      site: i % 3 ? 'acme.atlassian.net' : 'acme.zendesk.com',
      key: `K-${i}`,
      source: i % 3 ? 'jira' : 'zendesk',
      title: ['=cmd|calc', 'Refund, "urgent"', 'Line\nbreak', 'Plain'][i % 4],
      organization: ['Globex', 'Initech', undefined][i % 3],
      priority: ['High', 'Low'][i % 2],
      team: i % 5 ? 'Tier 1' : undefined,
      policyId: ['svc', 'cust', 'corp'][i % 3]!,
      policyName: '',
      metric: i % 2 ? 'resolution' : 'first-response',
      cycle: 0,
      targetMs: 4 * 3_600_000,
      startedAt: decidedAt - 3_600_000,
      dueAt: decidedAt,
      stoppedAt: i % 6 ? decidedAt : null,
      decidedAt,
      outcome: i % 9 === 0 ? 'missed' : 'met',
      usedMs: 3_600_000,
      approximate: i % 11 === 0,
    } satisfies DecidedTarget;
  });

  it.each<Breakdown>(['agreement', 'organization', 'priority', 'metric', 'site', 'team'])('by %s', (breakdown) => {
    const summary = records(summaryCsv(buildReport(targets, periods, breakdown, policies), breakdown));
    const detail = records(detailCsv(targets, periods, policies as PolicyNode[]));
    expect(Object.keys(summary[0]!)).toEqual([...SUMMARY_HEADER]);
    expect(Object.keys(detail[0]!)).toEqual([...DETAIL_HEADER]);
    // Recomputed from the detail alone.
    const valueOf: Record<Breakdown, (d: Record<string, string>) => string[]> = {
      agreement: (d) => d.agreements!.split(' > '),
      organization: (d) => [d.organisation!],
      priority: (d) => [d.priority!.toLowerCase()],
      metric: (d) => [d.metric!],
      site: (d) => [d.site!],
      team: (d) => [d.team!],
    };
    const sums = new Map<string, { decided: number; met: number; missed: number; approximate: number }>();
    for (const d of detail) {
      for (const v of valueOf[breakdown](d)) {
        const k = `${d.period}|${v}`;
        const s = sums.get(k) ?? { decided: 0, met: 0, missed: 0, approximate: 0 };
        s.decided++;
        if (d.outcome === 'met') s.met++;
        else s.missed++;
        if (d.approximate === 'yes') s.approximate++;
        sums.set(k, s);
      }
    }
    expect(summary).toHaveLength(sums.size);
    for (const row of summary) {
      const s = sums.get(`${row.period}|${row.value}`)!;
      expect([row.decided, row.met, row.missed, row.approximate].map(Number)).toEqual([s.decided, s.met, s.missed, s.approximate]);
      expect(Number(row.compliance_percent)).toBeCloseTo((s.met / s.decided) * 100, 3);
      if (breakdown === 'agreement' && row.value === 'svc' && Number(row.compliance_percent) < 95) expect([row.credit_percent, row.credit_amount, row.currency]).toEqual(['5', '50', 'EUR']);
    }
    // The titles came through whole, and the dangerous one neutralised.
    expect(new Set(detail.map((d) => d.title))).toEqual(new Set(["'=cmd|calc", 'Refund, "urgent"', 'Line\nbreak', 'Plain']));
  });
});
