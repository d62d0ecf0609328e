/**
 * `npm run bench` (second part): a configuration of 2,000 policies and 200 calendars.
 * Budgets (issue 4): validate + preview + apply in under 1 s; at least 100,000 ticket-to-policy
 * matches a second. Matching is shown side by side with a naive matcher that walks every raw
 * condition of every policy on each call, on the same tickets, after checking they agree.
 */
import 'fake-indexeddb/auto';
import { matchPolicy, parseConfigText, type Match, type ResolvedConfig, type ResolvedPolicy } from '../lib/config/index';
import { targetFor } from '../lib/config/match';
import { applyImport, previewText } from '../lib/db/config-store';
import { SlaLensDatabase } from '../lib/db/database';
import type { TicketFacts } from '../lib/sla/index';

const ZONES = ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Sydney', 'America/Sao_Paulo', 'Europe/London', 'Asia/Tokyo', 'UTC'];
const PRIORITIES = ['Highest', 'High', 'Medium', 'Low'];
let seed = 42;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;

function bigConfig(variant: number): string {
  const calendars = Array.from({ length: 200 }, (_, i) => {
    const open = `${String(7 + (i % 4)).padStart(2, '0')}:00`;
    const close = `${String(16 + (i % 3)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`;
    const day: Array<[string, string]> = [[open, close]];
    return {
      id: `cal-${i}`,
      name: `Region ${i}`,
      timeZone: ZONES[i % ZONES.length],
      week: { mon: day, tue: day, wed: day, thu: day, fri: i % 5 === 0 ? [[open, '13:00']] : day },
      holidays: ['2026-12-25', '2026-12-26', '2027-01-01', { date: '2026-12-24', hours: [[open, '12:00']] }, { from: '2026-08-03', to: '2026-08-07', name: 'Summer shutdown' }],
    };
  });
  // 200 customers, each a base policy and 9 services extending it: 2,000 policies.
  const policies: object[] = [];
  for (let c = 0; c < 200; c++) {
    policies.push({
      id: `customer-${c}`,
      name: `Customer ${c}`,
      match: { source: 'jira', project: [`P${c % 50}`], labels: { any: [`customer-${c}`] } },
      calendar: `cal-${c}`,
      targets: {
        Highest: { firstResponse: '30m', resolution: '4h' },
        High: { firstResponse: '1h', resolution: `${8 + (variant && c === 7 ? 1 : 0)}h` },
        '*': { firstResponse: '4h', resolution: '40h' },
      },
      pauseOn: ['Waiting for customer'],
      warnAt: '75%',
    });
    for (let s = 0; s < 9; s++) {
      policies.push({
        id: `customer-${c}-service-${s}`,
        extends: `customer-${c}`,
        match: { issueType: [`Service ${s}`] },
        targets: { Highest: { resolution: `${2 + (s % 3)}h` } },
      });
    }
  }
  // Child policies narrow their parents, so order them before their parents.
  const ordered = [...policies].sort((a, b) => Number('extends' in b) - Number('extends' in a));
  return JSON.stringify({ version: 1, name: `Big config ${variant}`, calendars, policies: ordered });
}

/** Mostly tickets of known customers in their own project; some of unknown customers, other projects or Zendesk. */
function tickets(n: number): TicketFacts[] {
  return Array.from({ length: n }, (_, i) => {
    const customer = Math.floor(random() * 220);
    return {
      source: random() < 0.9 ? 'jira' : 'zendesk',
      site: 'acme.atlassian.net',
      key: `P${i % 50}-${i}`,
      project: random() < 0.85 ? `P${customer % 50}` : `P${Math.floor(random() * 60)}`,
      issueType: random() < 0.7 ? `Service ${Math.floor(random() * 12)}` : 'Bug',
      priority: pick(PRIORITIES),
      labels: random() < 0.9 ? [`customer-${customer}`, 'vip'] : [],
      created: Date.UTC(2026, 10, 20) + Math.floor(random() * 7 * 86_400_000),
      exact: true,
    };
  });
}

// ── the naive matcher: every raw condition of every policy, every call ─────────
const lower = (v: string | string[]) => (Array.isArray(v) ? v : [v]).map((x) => x.toLowerCase());
function naiveMatches(m: Match, t: TicketFacts): boolean {
  for (const [key, value] of Object.entries(m) as Array<[keyof Match, unknown]>) {
    if (key === 'source') {
      if (t.source !== value) return false;
    } else if (key === 'labels' || key === 'tags') {
      const set = value as { any?: string[]; all?: string[]; none?: string[] };
      const labels = (t.labels ?? []).map((l) => l.toLowerCase());
      if (set.any && !lower(set.any).some((l) => labels.includes(l))) return false;
      if (set.all && !lower(set.all).every((l) => labels.includes(l))) return false;
      if (set.none && lower(set.none).some((l) => labels.includes(l))) return false;
    } else if (key !== 'field' && key !== 'site') {
      const actual = (t as unknown as Record<string, string | undefined>)[key]?.toLowerCase();
      if (actual === undefined || !lower(value as string | string[]).includes(actual)) return false;
    }
  }
  return true;
}
function naiveMatch(config: ResolvedConfig, t: TicketFacts, metric: 'resolution' | 'firstResponse'): ResolvedPolicy | null {
  for (const p of config.policies) {
    if (p.calendarId === null) continue;
    if (targetFor(p, t.priority?.toLowerCase(), metric) === undefined) continue;
    if (p.effectiveMs?.from !== undefined && t.created < p.effectiveMs.from) continue;
    if (p.effectiveMs?.until !== undefined && t.created >= p.effectiveMs.until) continue;
    if (p.match.every((m) => naiveMatches(m, t))) return p;
  }
  return null;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

// ── validate + preview + apply ───────────────────────────────────────────────
const first = bigConfig(0);
const second = bigConfig(1);
const parseMs: number[] = [];
const importMs: number[] = [];
for (let run = 0; run < 5; run++) {
  const db = new SlaLensDatabase(`bench-${run}`);
  await db.open();
  const initial = await previewText(db, first, { kind: 'paste' });
  if (!initial.ok) throw new Error(`the benchmark config must be valid: ${JSON.stringify(initial.errors.slice(0, 3))}`);
  await applyImport(db, initial);
  let t0 = performance.now();
  const parsed = parseConfigText(second);
  parseMs.push(performance.now() - t0);
  if (!parsed.ok) throw new Error('the second config must be valid');
  t0 = performance.now();
  const preview = await previewText(db, second, { kind: 'paste' });
  if (!preview.ok || preview.changes.length === 0) throw new Error('the second config must differ from the first');
  await applyImport(db, preview);
  importMs.push(performance.now() - t0);
  await db.delete();
}

// ── matching ─────────────────────────────────────────────────────────────────
const parsed = parseConfigText(first);
if (!parsed.ok) throw new Error('invalid');
const config = parsed.config;
const sample = tickets(2000);
let disagreements = 0;
for (const t of sample) {
  for (const metric of ['resolution', 'firstResponse'] as const) {
    if ((matchPolicy(config, t, metric)?.policy.id ?? null) !== (naiveMatch(config, t, metric)?.id ?? null)) disagreements++;
  }
}
let sink = 0;
function rate(fn: (t: TicketFacts) => unknown, calls: number): number {
  const t0 = performance.now();
  for (let i = 0; i < calls; i++) if (fn(sample[i % sample.length]!)) sink++;
  return calls / ((performance.now() - t0) / 1000);
}
const compiledRates: number[] = [];
const naiveRates: number[] = [];
rate((t) => matchPolicy(config, t, 'resolution'), 20_000);
rate((t) => naiveMatch(config, t, 'resolution'), 2_000);
for (let s = 0; s < 7; s++) {
  compiledRates.push(rate((t) => matchPolicy(config, t, 'resolution'), 50_000));
  naiveRates.push(rate((t) => naiveMatch(config, t, 'resolution'), 5_000));
}
const matched = sample.filter((t) => matchPolicy(config, t, 'resolution')).length;

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const importTotal = median(importMs);
const compiled = median(compiledRates);
const naive = median(naiveRates);
console.log(`\nSLA configuration: 2,000 policies (200 customers × 10 services, with extends), 200 calendars`);
console.log(`parse + validate: median ${median(parseMs).toFixed(0)} ms; validate + preview (diff) + apply in one transaction: median ${importTotal.toFixed(0)} ms (budget 1,000 ms)`);
console.log(
  `agreement: compiled and naive matchers pick the same policy for ${2 * sample.length - disagreements}/${2 * sample.length} ticket-metric pairs (${matched}/${sample.length} tickets match a policy)`,
);
console.log('');
console.log('| matching | ops/s |');
console.log('|---|---:|');
console.log(`| compiled matchPolicy | ${fmt(compiled)} |`);
console.log(`| naive (raw conditions each call) | ${fmt(naive)} |`);
console.log(`| ratio | ${(compiled / naive).toFixed(1)}× |`);
if (sink === -1) console.log('');

const failures: string[] = [];
if (importTotal >= 1000) failures.push(`import takes ${importTotal.toFixed(0)} ms, over 1 s`);
if (compiled < 100_000) failures.push(`matching runs ${fmt(compiled)}/s, under 100,000/s`);
if (disagreements > 0) failures.push(`${disagreements} disagreements between the matchers`);
if (failures.length > 0) {
  console.error(`\nBELOW BUDGET:\n- ${failures.join('\n- ')}`);
  process.exit(1);
}
console.log('\nConfiguration budgets met.');
