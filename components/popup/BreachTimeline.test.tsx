// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { HOUR, MINUTE, NOW, summary } from './__fixtures__/tickets';
import { BreachTimeline } from './BreachTimeline';
import en from '../../public/_locales/en/messages.json';
import { catalogOf, useCatalog } from '../../lib/i18n/core';
import { DEFAULT_LOCALE, findLocale } from '../../lib/i18n/locales';

afterEach(cleanup);

const FORMAT = { locale: 'en-GB', timeZone: 'UTC' };
const marks = () => screen.getAllByLabelText(/breaches at/);
const cx = (e: Element) => Number(e.getAttribute('cx'));
const cy = (e: Element) => Number(e.getAttribute('cy'));

describe('BreachTimeline', () => {
  it('places one mark per at-risk ticket at its breach time, in time order, and sums it up', () => {
    const tickets = [
      summary('SUP-1', { dueIn: -2 * HOUR }),
      summary('SUP-9', { dueIn: 5 * HOUR }),
      summary('SUP-7', { dueIn: 12 * MINUTE }),
      summary('SUP-8', { dueIn: 90 * MINUTE }),
      summary('SUP-10', { dueIn: 9 * HOUR }),
    ];
    render(<BreachTimeline tickets={tickets} now={NOW} format={FORMAT} />);
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe('3 tickets breach in the next 8 hours, the first SUP-7 at 12:12; 1 already breached.');
    expect(marks().map((m) => m.getAttribute('aria-label'))).toEqual(['SUP-7 breaches at 12:12', 'SUP-8 breaches at 13:30', 'SUP-9 breaches at 17:00']);
    const xs = marks().map(cx);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    // Linear in time: 90 minutes is 7.5 times 12 minutes from the left edge.
    const x0 = xs[0]! - ((xs[1]! - xs[0]!) / (90 - 12)) * 12;
    expect((xs[2]! - x0) / (xs[1]! - x0)).toBeCloseTo(300 / 90, 5);
    expect(screen.getByText('1 ticket already breached (not drawn) · 1 at-risk ticket breaching later, the first Thu 26 Nov, 21:00')).toBeTruthy();
  });

  it('labels the axis with local hours', () => {
    render(<BreachTimeline tickets={[summary('SUP-7')]} now={NOW + 5 * MINUTE} format={FORMAT} />);
    for (const label of ['Now', '13:00', '14:00', '17:00', '19:00']) expect(screen.getByText(label)).toBeTruthy();
    // 12:00 is past; 21:00 beyond the span; 20:00 sits at the right edge, where its label would collide.
    for (const label of ['12:00', '20:00', '21:00']) expect(screen.queryByText(label)).toBeNull();
    cleanup();
    // A zone half an hour off UTC has its whole hours at :30 UTC.
    render(<BreachTimeline tickets={[summary('SUP-7')]} now={NOW} format={{ locale: 'en-GB', timeZone: 'Asia/Kolkata' }} />);
    for (const label of ['19:00', '00:00', '01:00']) expect(screen.getByText(label)).toBeTruthy();
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe('1 ticket breaches in the next 8 hours, SUP-7 at 18:00.');
  });

  it('keeps hour labels clear of the word for now, however long it is in the language', () => {
    const hours = () => screen.getAllByText(/^\d\d:\d\d$/).map((e) => e.textContent);
    render(<BreachTimeline tickets={[summary('SUP-7')]} now={NOW + 5 * MINUTE} format={FORMAT} />);
    expect(hours()[0]).toBe('13:00');
    cleanup();
    useCatalog(catalogOf(findLocale('fr')!, { tl_now: { message: 'Maintenant' } }, catalogOf(DEFAULT_LOCALE, en)));
    render(<BreachTimeline tickets={[summary('SUP-7')]} now={NOW + 5 * MINUTE} format={FORMAT} />);
    expect(screen.getByText('Maintenant')).toBeTruthy();
    // 13:00 stands 55 minutes (about 39 units) from the start: inside a ten-letter word.
    expect(hours()[0]).toBe('14:00');
  });

  it('stacks marks that are close, and counts what does not fit', () => {
    const same = Array.from({ length: 7 }, (_, i) => summary(`SUP-${i + 1}`, { dueIn: HOUR + i * 1000 }));
    render(<BreachTimeline tickets={[...same, summary('SUP-99', { dueIn: 4 * HOUR })]} now={NOW} format={FORMAT} />);
    const stacked = marks().slice(0, 4);
    expect(new Set(stacked.map(cx)).size).toBe(1);
    expect(stacked.map(cy)).toEqual([...stacked.map(cy)].sort((a, b) => b - a));
    expect(new Set(stacked.map(cy)).size).toBe(4);
    expect(screen.getByLabelText('3 more: SUP-5, SUP-6, SUP-7').textContent).toMatch(/^\+3/);
    expect(marks().at(-1)!.getAttribute('aria-label')).toBe('SUP-99 breaches at 16:00');
    expect(screen.getByRole('img').getAttribute('aria-label')).toMatch(/^8 tickets breach/);
  });

  it('names the ticket under the pointer or the keyboard cursor', () => {
    const tickets = [summary('SUP-7', { dueIn: 12 * MINUTE, title: 'Login <b>loop</b>' }), summary('SUP-8', { dueIn: 90 * MINUTE })];
    render(<BreachTimeline tickets={tickets} now={NOW} format={FORMAT} />);
    const readout = screen.getByRole('status');
    expect(readout.textContent).toMatch(/^Hover a mark/);
    fireEvent.mouseEnter(marks()[1]!);
    expect(readout.textContent).toBe('SUP-8 breaches at 13:30 (in 1h 30m) · Ticket SUP-8');
    fireEvent.mouseLeave(marks()[1]!);

    const chart = screen.getByRole('group', { name: /Breach marks/ });
    fireEvent.focus(chart);
    // Page text stays text.
    expect(readout.textContent).toBe('SUP-7 breaches at 12:12 (in 12m) · Login <b>loop</b>');
    fireEvent.keyDown(chart, { key: 'ArrowRight' });
    expect(readout.textContent).toMatch(/^SUP-8 .* 13:30/);
    fireEvent.keyDown(chart, { key: 'ArrowRight' });
    expect(readout.textContent).toMatch(/^SUP-8 /);
    fireEvent.keyDown(chart, { key: 'Home' });
    expect(readout.textContent).toMatch(/^SUP-7 /);
    fireEvent.blur(chart);
    expect(readout.textContent).toMatch(/^Hover a mark/);
  });

  it('says so when nothing breaches soon', () => {
    render(<BreachTimeline tickets={[summary('SUP-1', { dueIn: -HOUR }), summary('SUP-2', { dueIn: 10 * HOUR })]} now={NOW} format={FORMAT} />);
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe('No tickets breach in the next 8 hours; 1 already breached.');
    expect(screen.getByText('Nothing breaches in the next 8 hours')).toBeTruthy();
    expect(screen.queryByRole('group')).toBeNull();
    expect(screen.queryByRole('status')).toBeNull();
    expect(screen.getByText('1 ticket already breached (not drawn) · 1 at-risk ticket breaching later, the first Thu 26 Nov, 22:00')).toBeTruthy();
  });
});
