import { useEffect, useMemo, useState } from 'preact/hooks';
import { AppHeader } from '../../components/AppHeader';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { Notice } from '../../components/Notice';
import { Words } from '../../components/Words';
import { formatLocale, formatNumber, listAnd, t, tp } from '../../lib/i18n/core';
import { ancestry, BREAKDOWNS, breakdownLabel, inPeriod, type Breakdown } from '../../lib/report/aggregate';
import { detailCsv, summaryCsv } from '../../lib/report/csv';
import type { DecidedTarget } from '../../lib/report/decide';
import { customPeriod, defaultPeriods, monthsUpTo, quartersUpTo, readRange, type Period } from '../../lib/report/periods';
import { buildReport, type PeriodReport, type ReportCell } from '../../lib/report/report';
import { creditMoney, percentText } from '../../lib/report/credits';
import { metricWords } from '../../lib/view/words';
import type { ReportData, StoredReportSnapshot } from '../../lib/db/report';
import { TrendChart } from './TrendChart';
import { FillBar, type FillControl } from './FillBar';

export type PeriodChoice = 'default' | 'quarters' | 'custom';

export interface ReportPageProps {
  /** The store's decided targets of `[start, end)` and the agreements (lib/db/report.ts). */
  load(start: number, end: number): Promise<ReportData>;
  now: number;
  /** Saves a file the browser offers to download. */
  download(name: string, text: string): void;
  print(): void;
  /** Calls back when the store changes (the background recorded tickets); returns the way to stop. */
  changes?(listener: () => void): () => void;
  /** The opening figures the background keeps (lib/db/report.ts), painted until the page's own read lands. */
  snapshot?: StoredReportSnapshot | null | undefined;
  /** Reading the periods' resolved tickets from the watched sites (./FillBar.tsx); absent where the page cannot reach the background. */
  fill?: FillControl | undefined;
}

/** A burst of writes (a watched round, an overlay's answers) is read once it settles. */
const SETTLE_MS = 500;

const pct = (n: number | null | undefined) => (n === null || n === undefined ? '—' : percentText(n, 1));
const whenFormats = new Map<string, Intl.DateTimeFormat>();
/** A date and time as the language in use writes it (its regional form in this browser): `Nov 3, 2026, 2:05 PM`. */
function when(instant: number): string {
  const locale = formatLocale();
  let f = whenFormats.get(locale);
  if (!f) whenFormats.set(locale, (f = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })));
  return f.format(instant);
}

/** A target's outcome, as the printed list says it: `met`, `missed`. */
const outcomeWords = (target: DecidedTarget): string => t(target.outcome === 'met' ? 'report_outcome_met' : 'report_outcome_missed');

/** A line of a row's list of targets, `{key}` and `{title}` left for the ticket's link and its title. */
function targetLine(target: DecidedTarget): string {
  const words = { metric: metricWords(target.metric, true), when: when(target.decidedAt) };
  const line = target.outcome === 'met' ? t('report_target_met', words) : t('report_target_missed', words);
  return target.approximate ? t('report_with_approximate', { text: line }) : line;
}

/** The credit an agreement owes: the money where its fee is named, else the percentage of the fee. */
const owed = (credit: NonNullable<ReportCell['credit']>): string => (credit.amount !== undefined && credit.currency ? creditMoney(credit.amount, credit.currency) : pct(credit.percent));

/**
 * The agreement's report (issue 17): compliance per period, by agreement, customer, priority,
 * metric, site or team, with the credit each agreement owes, a year's trend, and CSV and print.
 */
export function ReportPage({ load, now, download, print, changes, snapshot, fill }: ReportPageProps) {
  const [choice, setChoice] = useState<PeriodChoice>('default');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [breakdown, setBreakdown] = useState<Breakdown>('agreement');
  const [agreement, setAgreement] = useState('');
  const [customer, setCustomer] = useState('');
  const [data, setData] = useState<ReportData | undefined>(undefined);
  /** The range `data` was read for: figures for other periods wait for their own read, never shown from another's. */
  const [dataRange, setDataRange] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);

  /** Printing: the tickets behind the figures follow them, drawn only for print (a year's may be thousands). */
  const [printing, setPrinting] = useState(false);
  const [printAsked, setPrintAsked] = useState(false);
  useEffect(() => {
    const before = () => setPrinting(true);
    const after = () => setPrinting(false);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);
  // The Print button prints once the tickets are drawn.
  useEffect(() => {
    if (!printAsked) return;
    setPrintAsked(false);
    print();
  }, [printAsked]);

  const [generation, setGeneration] = useState(0);
  const [trendData, setTrendData] = useState<ReportData | undefined>(undefined);
  useEffect(() => changes?.(() => setGeneration((g) => g + 1)), [changes]);

  const policy = data?.policies.find((p) => p.id === agreement);
  // Cut where the chosen agreement cuts its months: its calendar's zone; all of them, where most do.
  const zone = policy?.zone ?? data?.zone ?? 'UTC';
  const periods = useMemo(() => periodsFor(choice, zone, now, from, to), [choice, zone, now, from, to]);
  // What is read: the periods shown, cut in UTC with a day either side, which holds them in any zone.
  const range = useMemo(() => readRange(periodsFor(choice, 'UTC', now, from, to), now), [choice, now, from, to]);
  const fail = (e: unknown) => setError(t('report_read_failed', { error: e instanceof Error ? e.message : String(e) }));
  // The figures first, through the index on the instant decided; read again when the store changes,
  // so a report opened while the background is still reading fills in.
  useEffect(() => {
    if (!range) return;
    const read = () =>
      void load(range.start, range.end).then((d) => {
        setData(d);
        setDataRange(`${range.start}:${range.end}`);
      }, fail);
    if (generation === 0) return read();
    const timer = setTimeout(read, SETTLE_MS);
    return () => clearTimeout(timer);
  }, [load, range?.start, range?.end, generation]);
  // The year's trend after them: it reads every target of twelve months, and the figures need not wait.
  const shown = data !== undefined;
  useEffect(() => {
    if (!shown) return;
    const start = monthsUpTo('UTC', now, 12)[0]!.start - DAY;
    // After the figures' frame: the year's read must not hold their paint back.
    const timer = setTimeout(() => void load(start, now + 1).then(setTrendData, fail), generation === 0 ? TREND_AFTER_MS : SETTLE_MS);
    return () => clearTimeout(timer);
  }, [load, now, shown, generation]);

  const targets = useMemo(() => (data ? chosen(data, agreement, customer) : []), [data, agreement, customer]);
  const current = data !== undefined && range !== null && dataRange === `${range.start}:${range.end}`;
  const reports = useMemo(() => (current && periods ? buildReport(targets, periods, breakdown, data!.policies) : []), [current, data, targets, periods, breakdown]);
  const customers = useMemo(() => [...new Set((data?.targets ?? []).map((t) => t.organization).filter((o): o is string => !!o))].sort(), [data]);
  const trend = useMemo(
    () => (trendData ? buildReport(chosen(trendData, agreement, customer), monthsUpTo(zone, now, 12), 'agreement', trendData.policies) : null),
    [trendData, agreement, customer, zone, now],
  );
  // Until the page's own read lands, the background's figures for the opening choice, if it kept them.
  const opening = !data && snapshot && choice === 'default' && !agreement && !customer && breakdown === 'agreement' ? snapshot : null;
  const figures = opening ? opening.reports : reports;
  useEffect(() => {
    // What the benchmark times: from navigation to the first figures on screen, and to the page's own.
    if (figures.length > 0) requestAnimationFrame(() => performance.mark('sla-lens:report-render'));
  }, [figures.length > 0]);
  useEffect(() => {
    if (data && reports.length > 0) requestAnimationFrame(() => performance.mark('sla-lens:report-live'));
  }, [data !== undefined && reports.length > 0]);

  const named = policy?.name ?? t('report_all_agreements');
  const title = customer ? t('report_subtitle_customer', { agreement: named, customer }) : named;
  const periodNames = periods?.map((p) => p.label) ?? [];
  const stamp = periods?.map((p) => p.id).join('_') ?? 'report';
  return (
    <div class="report">
      <AppHeader
        title={t('report_title')}
        subtitle={title}
        actions={
          data && periods ? (
            <div class="report__exports">
              <Button variant="secondary" size="small" onClick={() => download(`sla-summary-${stamp}.csv`, summaryCsv(reports, breakdown))}>
                {t('report_summary_csv')}
              </Button>
              <Button variant="secondary" size="small" onClick={() => download(`sla-detail-${stamp}.csv`, detailCsv(targets, periods, data.policies))}>
                {t('report_detail_csv')}
              </Button>
              <Button
                variant="secondary"
                size="small"
                onClick={() => {
                  setPrinting(true);
                  setPrintAsked(true);
                }}
              >
                {t('report_print')}
              </Button>
            </div>
          ) : undefined
        }
      />
      <form class="report__controls" aria-label={t('report_controls_label')} onSubmit={(e) => e.preventDefault()}>
        <label class="field">
          <span class="field__label">{t('compliance_period')}</span>
          <select class="field__input" value={choice} onChange={(e) => setChoice(e.currentTarget.value as PeriodChoice)}>
            <option value="default">{t('report_period_months')}</option>
            <option value="quarters">{t('report_period_quarters')}</option>
            <option value="custom">{t('report_period_custom')}</option>
          </select>
        </label>
        {choice === 'custom' && (
          <>
            <label class="field">
              <span class="field__label">{t('report_from')}</span>
              <input class="field__input" type="date" value={from} onInput={(e) => setFrom(e.currentTarget.value)} />
            </label>
            <label class="field">
              <span class="field__label">{t('report_to_inclusive')}</span>
              <input class="field__input" type="date" value={to} onInput={(e) => setTo(e.currentTarget.value)} />
            </label>
          </>
        )}
        <label class="field">
          <span class="field__label">{t('report_agreement')}</span>
          <select class="field__input" value={agreement} onChange={(e) => setAgreement(e.currentTarget.value)}>
            <option value="">{t('report_all_agreements')}</option>
            {data?.policies.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name === p.id ? p.id : t('report_agreement_option', { name: p.name, id: p.id })}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span class="field__label">{t('report_customer')}</span>
          <select class="field__input" value={customer} onChange={(e) => setCustomer(e.currentTarget.value)}>
            <option value="">{t('report_all_customers')}</option>
            {customers.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
        <fieldset class="report__breakdowns">
          <legend class="field__label">{t('report_by')}</legend>
          {BREAKDOWNS.map((b) => (
            <label key={b.id} class={`report__breakdown${b.id === breakdown ? ' report__breakdown--on' : ''}`}>
              <input type="radio" name="breakdown" value={b.id} checked={b.id === breakdown} onChange={() => setBreakdown(b.id)} />
              {t(b.label)}
            </label>
          ))}
        </fieldset>
      </form>
      <main aria-busy={!current && !error}>
        {error && <Notice tone="error">{error}</Notice>}
        {choice === 'custom' && !periods && <Notice tone="info">{t('report_choose_dates')}</Notice>}
        {fill && <FillBar fill={fill} range={periods ? { start: periods[0]!.start, end: Math.min(periods[periods.length - 1]!.end, now) } : null} periods={periodNames} />}
        {opening && (
          <p class="report__basis" role="status">
            {t('report_figures_as_of', { when: when(opening.at) })}
          </p>
        )}
        {opening && opening.oldest !== null && opening.reports.map((r) => <PeriodSection key={r.period.id} report={r} breakdown="agreement" oldest={opening.oldest!} />)}
        {data && data.oldest === null && <EmptyState title={t('report_nothing_title')}>{t('report_nothing_body')}</EmptyState>}
        {data && !current && !opening && periods && <p class="muted">{t('report_reading', { periods: listAnd(periodNames) })}</p>}
        {data && data.oldest !== null && reports.map((r) => <PeriodSection key={r.period.id} report={r} breakdown={breakdown} oldest={data.oldest!} />)}
        {data && data.oldest !== null && (
          <section class="report__trend" aria-labelledby="trend-title">
            <h2 id="trend-title">{t('report_trend_title')}</h2>
            {trend ? <TrendChart reports={trend} agreement={agreement} objective={policy?.objective} onShown={markTrend} /> : <p class="muted">{t('report_reading_year')}</p>}
          </section>
        )}
        {printing && data && data.oldest !== null && <PrintedTargets reports={reports} targets={targets} />}
      </main>
    </div>
  );
}

const DAY = 86_400_000;
const TREND_AFTER_MS = 100;

const markTrend = () => requestAnimationFrame(() => performance.mark('sla-lens:report-trend'));

function periodsFor(choice: PeriodChoice, zone: string, now: number, from: string, to: string): Period[] | null {
  if (choice === 'quarters') return quartersUpTo(zone, now, 2);
  if (choice === 'custom') {
    const p = from && to ? customPeriod(zone, from, to, now) : null;
    return p ? [p] : null;
  }
  return defaultPeriods(zone, now);
}

function chosen(data: ReportData, agreement: string, customer: string): DecidedTarget[] {
  const byId = new Map(data.policies.map((p) => [p.id, p]));
  // The chosen agreement's own targets and its children's: a customer's report includes its services.
  return data.targets.filter((t) => (!agreement || ancestry(t.policyId, byId).includes(agreement)) && (!customer || t.organization === customer));
}

function PeriodSection({ report, breakdown, oldest }: { report: PeriodReport; breakdown: Breakdown; oldest: number }) {
  const [open, setOpen] = useState<string | null>(null);
  const label = breakdownLabel(breakdown);
  const headingId = `period-${report.period.id}`;
  const partial = oldest > report.period.start;
  return (
    <section class="report__period" aria-labelledby={headingId}>
      <h2 id={headingId}>{report.period.toDate ? t('report_period_to_date', { period: report.period.label }) : report.period.label}</h2>
      <p class="report__basis">{partial ? t('report_basis_partial', { basis: report.basis, when: when(oldest) }) : report.basis}</p>
      {report.cells.length > 0 && (
        <table class="report__table">
          <thead>
            <tr>
              <th scope="col">{label}</th>
              <th scope="col">{t('report_col_decided')}</th>
              <th scope="col">{t('report_col_met')}</th>
              <th scope="col">{t('report_col_missed')}</th>
              <th scope="col">{t('report_col_compliance')}</th>
              {breakdown === 'agreement' && <th scope="col">{t('report_col_objective')}</th>}
              {breakdown === 'agreement' && <th scope="col">{t('report_col_credit')}</th>}
              <th scope="col">
                <span class="visually-hidden">{t('report_col_tickets')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {report.cells.map((c) => (
              <CellRows key={c.key} cell={c} breakdown={breakdown} open={open === c.key} onToggle={() => setOpen(open === c.key ? null : c.key)} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The printed report's pages after the first: every target behind its figures, period by period, so a customer can check each. */
function PrintedTargets({ reports, targets }: { reports: PeriodReport[]; targets: readonly DecidedTarget[] }) {
  return (
    <section class="report__printed" aria-label={t('report_printed_label')}>
      {reports.map((r) => {
        const here = [...inPeriod(targets, r.period)].sort((a, b) => a.decidedAt - b.decidedAt);
        return (
          <div key={r.period.id}>
            <h2>{t('report_printed_heading', { period: r.period.label })}</h2>
            {here.length === 0 ? (
              <p class="muted">{t('report_printed_none')}</p>
            ) : (
              <table class="report__table">
                <thead>
                  <tr>
                    <th scope="col">{t('report_col_ticket')}</th>
                    <th scope="col">{t('report_col_title')}</th>
                    <th scope="col">{t('report_agreement')}</th>
                    <th scope="col">{t('report_col_target')}</th>
                    <th scope="col">{t('report_col_outcome')}</th>
                    <th scope="col">{t('report_col_decided_at')}</th>
                  </tr>
                </thead>
                <tbody>
                  {here.map((target) => (
                    <tr key={`${target.site}|${target.key}|${target.policyId}|${target.metric}|${target.cycle}`}>
                      <th scope="row">{target.key}</th>
                      <td>{target.title ?? ''}</td>
                      <td>{target.policyName}</td>
                      <td>{metricWords(target.metric, true)}</td>
                      <td>{target.approximate ? t('report_with_approximate', { text: outcomeWords(target) }) : outcomeWords(target)}</td>
                      <td>{when(target.decidedAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        );
      })}
    </section>
  );
}

function CellRows({ cell, breakdown, open, onToggle }: { cell: ReportCell; breakdown: Breakdown; open: boolean; onToggle: () => void }) {
  const credit = cell.credit;
  const objectiveMissed = credit?.meetsObjective === false;
  return (
    <>
      <tr class={objectiveMissed ? 'report__row report__row--below' : 'report__row'}>
        <th scope="row" style={{ paddingInlineStart: `${8 + cell.depth * 16}px` }}>
          {cell.label}
          {cell.approximate > 0 && <span class="report__approx"> · {tp('report_cell_approximate', cell.approximate)}</span>}
        </th>
        <td>{formatNumber(cell.decided)}</td>
        <td>{formatNumber(cell.met)}</td>
        <td>{formatNumber(cell.missed)}</td>
        <td>{pct(cell.compliance)}</td>
        {breakdown === 'agreement' && (
          <td>{credit?.objective !== undefined ? (objectiveMissed ? t('report_objective_not_met', { objective: pct(credit.objective) }) : pct(credit.objective)) : '—'}</td>
        )}
        {breakdown === 'agreement' && (
          <td title={credit?.arithmetic || undefined}>
            {credit && credit.percent > 0 ? (
              <>
                {credit.capped ? t('report_credit_capped', { credit: owed(credit) }) : owed(credit)}
                <span class="report__arithmetic">{credit.arithmetic}</span>
              </>
            ) : credit ? (
              t('report_credit_none')
            ) : (
              '—'
            )}
          </td>
        )}
        <td>
          {/* The row's name is in the button's name, for a screen reader listing the buttons out of their rows. */}
          <button
            type="button"
            class="report__toggle"
            aria-expanded={open}
            aria-label={open ? tp('report_hide_targets_of', cell.decided, { label: cell.label }) : tp('report_show_targets_of', cell.decided, { label: cell.label })}
            onClick={onToggle}
            disabled={cell.targets.length === 0}
          >
            {open ? tp('report_hide_targets', cell.decided) : tp('report_show_targets', cell.decided)}
          </button>
        </td>
      </tr>
      {open && (
        <tr class="report__tickets">
          <td colSpan={breakdown === 'agreement' ? 8 : 6}>
            <ul aria-label={t('report_targets_of_cell', { label: cell.label })}>
              {[...cell.targets]
                .sort((a, b) => a.decidedAt - b.decidedAt)
                .map((target) => (
                  <li key={`${target.site}|${target.key}|${target.policyId}|${target.metric}|${target.cycle}`} class={target.outcome === 'met' ? 'report__met' : 'report__missed'}>
                    <Words
                      text={targetLine(target)}
                      parts={{
                        key: target.url ? (
                          <a href={target.url} target="_blank" rel="noreferrer">
                            {target.key}
                          </a>
                        ) : (
                          target.key
                        ),
                        title: target.title ?? '',
                      }}
                    />
                  </li>
                ))}
            </ul>
          </td>
        </tr>
      )}
    </>
  );
}
