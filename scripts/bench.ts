/**
 * `npm run bench`: the engine side by side with moment-business-time, a published business-hours
 * library, on the same cases in one run. It checks that both agree, then prints medians of
 * interleaved samples and the ratio. Budgets (issue 2): ≥ 100× the library, ≥ 1,000,000
 * evaluateClock calls a second on a Mon–Fri calendar with holidays and targets up to 40 business
 * hours, and under a millisecond per tick for a page of 1,000 tickets.
 */
import { createRequire } from 'node:module';
import { addBusinessTime, businessTimeBetween, compileCalendar, evaluateClock, type CalendarSpec, type ClockInput } from '../lib/sla/index';

// moment-business-time works in the machine's zone; both sides run in UTC so they compare.
process.env.TZ = 'UTC';

interface BusinessMoment {
  valueOf(): number;
  addWorkingTime(amount: number, unit: 'minutes'): BusinessMoment;
  workingDiff(other: BusinessMoment, unit: 'minutes', precise?: boolean): number;
}
interface BusinessMomentStatic {
  (input: number): BusinessMoment;
  utc(input: number): BusinessMoment;
  updateLocale(locale: string, spec: object): void;
}
const require = createRequire(import.meta.url);
const moment = require('moment-business-time') as BusinessMomentStatic;
const momentVersion = (require('moment-business-time/package.json') as { version: string }).version;

const M = 60_000;
const H = 60 * M;
const HOLIDAYS = ['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-01', '2026-05-25', '2026-12-24', '2026-12-25', '2026-12-31', '2027-01-01', '2027-03-26', '2027-03-29'];
const spec: CalendarSpec = {
  timeZone: 'UTC',
  week: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']], thu: [['09:00', '17:00']], fri: [['09:00', '17:00']] },
  holidays: HOLIDAYS,
};
moment.updateLocale('en', {
  workinghours: { 0: null, 1: ['09:00:00', '17:00:00'], 2: ['09:00:00', '17:00:00'], 3: ['09:00:00', '17:00:00'], 4: ['09:00:00', '17:00:00'], 5: ['09:00:00', '17:00:00'], 6: null },
  holidays: HOLIDAYS,
});

// Deterministic cases: minute-aligned starts through 2026, targets from 15 minutes to 40 hours.
let seed = 20261126;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const CASES = 1000;
const cases = Array.from({ length: CASES }, () => {
  const start = Date.UTC(2026, 0, 1) + Math.floor(random() * 360 * 24 * 60) * M;
  const targetMs = (15 + Math.floor(random() * (40 * 60 - 15))) * M;
  const now = start + Math.floor(random() * 10 * 24 * 60) * M;
  return { start, targetMs, now };
});

const cal = compileCalendar(spec);

// ── agreement ────────────────────────────────────────────────────────────────
let disagreements = 0;
for (const c of cases) {
  const ours = addBusinessTime(cal, c.start, c.targetMs);
  const theirs = moment
    .utc(c.start)
    .addWorkingTime(c.targetMs / M, 'minutes')
    .valueOf();
  const oursDiff = businessTimeBetween(cal, c.start, c.now);
  const theirsDiff = moment.utc(c.now).workingDiff(moment.utc(c.start), 'minutes', true) * M;
  if (ours !== theirs || Math.round(oursDiff) !== Math.round(theirsDiff)) {
    if (disagreements++ < 5) {
      console.error('disagreement', {
        start: new Date(c.start).toISOString(),
        targetMin: c.targetMs / M,
        ours: new Date(ours).toISOString(),
        theirs: new Date(theirs).toISOString(),
        oursDiff,
        theirsDiff,
      });
    }
  }
}

// ── timing ───────────────────────────────────────────────────────────────────
const SAMPLES = 9;
let sink = 0;

/** Calls per second of one sample: `fn` is called `calls` times in total. */
function sample(calls: number, fn: (i: number) => number): number {
  const t0 = performance.now();
  for (let i = 0; i < calls; i++) sink += fn(i % CASES);
  return calls / ((performance.now() - t0) / 1000);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
};

interface Row {
  name: string;
  ours: number;
  theirs: number;
}
const rows: Row[] = [];

function compare(name: string, ourCalls: number, ours: (i: number) => number, theirCalls: number, theirs: (i: number) => number) {
  sample(ourCalls / 10, ours);
  sample(theirCalls / 10, theirs);
  const a: number[] = [];
  const b: number[] = [];
  for (let s = 0; s < SAMPLES; s++) {
    a.push(sample(ourCalls, ours));
    b.push(sample(theirCalls, theirs));
  }
  rows.push({ name, ours: median(a), theirs: median(b) });
}

compare(
  'due instant (add business time)',
  400_000,
  (i) => addBusinessTime(cal, cases[i]!.start, cases[i]!.targetMs),
  4_000,
  (i) =>
    moment
      .utc(cases[i]!.start)
      .addWorkingTime(cases[i]!.targetMs / M, 'minutes')
      .valueOf(),
);
compare(
  'business time between two instants',
  400_000,
  (i) => businessTimeBetween(cal, cases[i]!.start, cases[i]!.now),
  4_000,
  (i) => moment.utc(cases[i]!.now).workingDiff(moment.utc(cases[i]!.start), 'minutes', true),
);

// A clock evaluation is elapsed time, then the due instant from now: the same two steps in moment.
const inputs: ClockInput[] = cases.map((c) => ({ start: c.start, targetMs: c.targetMs, warnAt: { fraction: 0.75 } }));
compare(
  'evaluateClock (elapsed + due + state)',
  400_000,
  (i) => evaluateClock(cal, inputs[i]!, cases[i]!.now).remainingMs,
  4_000,
  (i) => {
    const c = cases[i]!;
    const elapsed = moment.utc(c.now).workingDiff(moment.utc(c.start), 'minutes', true) * M;
    const remaining = c.targetMs - elapsed;
    return remaining > 0
      ? moment
          .utc(c.now)
          .addWorkingTime(remaining / M, 'minutes')
          .valueOf()
      : remaining;
  },
);

// One page tick: 1,000 tickets evaluated at the same instant.
const tickMs: number[] = [];
for (let s = 0; s < 51; s++) {
  const now = Date.UTC(2026, 5, 1, 12) + s * 1000;
  const t0 = performance.now();
  for (let i = 0; i < CASES; i++) sink += evaluateClock(cal, inputs[i]!, now).remainingMs;
  tickMs.push(performance.now() - t0);
}

// Cold start: compile a calendar and answer its first query (the blocks are built on demand).
const coldMs: number[] = [];
for (let s = 0; s < SAMPLES; s++) {
  const t0 = performance.now();
  const fresh = compileCalendar({ ...spec, timeZone: ['Europe/Berlin', 'America/New_York', 'Asia/Tokyo'][s % 3]! });
  sink += addBusinessTime(fresh, Date.UTC(2026, 10, 26, 10) + s, 40 * H);
  coldMs.push(performance.now() - t0);
}

// Pathological input, cold (a zone no earlier query has warmed): a calendar open one minute a week
// in a daylight-saving zone, asked for a due instant 40 business hours away (2,400 weeks on) and a year away
// (past the horizon: never).
function coldWorst(targetMs: number, zones: string[]): number {
  const times: number[] = [];
  for (const timeZone of zones) {
    const t0 = performance.now();
    const sparse = compileCalendar({ timeZone, week: { wed: [['10:00', '10:01']] } });
    sink += addBusinessTime(sparse, Date.UTC(2026, 10, 26), targetMs) === Infinity ? 1 : 0;
    times.push(performance.now() - t0);
  }
  return median(times);
}
const worst40h = coldWorst(40 * H, ['Europe/Paris', 'Europe/Rome', 'Europe/Madrid']);
const worstYear = coldWorst(365 * 24 * H, ['America/Chicago', 'America/Denver', 'Australia/Melbourne']);

// ── report ───────────────────────────────────────────────────────────────────
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
console.log(`SLA Lens engine vs moment-business-time ${momentVersion} · Node ${process.version} · ${CASES} cases, Mon–Fri 09:00–17:00 with ${HOLIDAYS.length} holidays, targets 15 min – 40 h`);
console.log(`agreement: ${CASES - disagreements}/${CASES} cases give the same due instant and business time`);
console.log('');
console.log('| operation | SLA Lens (ops/s) | moment-business-time (ops/s) | ratio |');
console.log('|---|---:|---:|---:|');
for (const r of rows) console.log(`| ${r.name} | ${fmt(r.ours)} | ${fmt(r.theirs)} | ${fmt(r.ours / r.theirs)}× |`);
console.log('');
const tick = median(tickMs);
console.log(`page tick, 1,000 tickets: median ${tick.toFixed(3)} ms (budget 1 ms)`);
console.log(`cold calendar, compile + first 40 h due instant: median ${median(coldMs).toFixed(2)} ms`);
console.log(`one minute a week, cold: 40 business hours ahead ${worst40h.toFixed(0)} ms; a year ahead (never, past 2200) ${worstYear.toFixed(0)} ms`);
if (sink === 42) console.log('');

const clock = rows[2]!;
const failures: string[] = [];
if (disagreements > 0) failures.push(`${disagreements} cases disagree with moment-business-time`);
for (const r of rows) if (r.ours / r.theirs < 100) failures.push(`${r.name}: ${fmt(r.ours / r.theirs)}× is under 100×`);
if (clock.ours < 1_000_000) failures.push(`evaluateClock: ${fmt(clock.ours)} calls/s is under 1,000,000`);
if (tick >= 1) failures.push(`a 1,000-ticket tick takes ${tick.toFixed(3)} ms, over 1 ms`);
if (failures.length > 0) {
  console.error(`\nBELOW BUDGET:\n- ${failures.join('\n- ')}`);
  process.exit(1);
}
console.log('\nAll budgets met.');
