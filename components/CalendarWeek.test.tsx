// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { CalendarCard } from './CalendarCard';
import { CalendarWeek, weekBars } from './CalendarWeek';

afterEach(cleanup);

describe('weekBars', () => {
  it('draws an overnight shift on the day it starts and spills it into the next morning', () => {
    const bars = weekBars({ mon: [['22:00', '06:00']], sun: [['20:00', '02:00']], wed: [['09:00', '24:00']] });
    expect(bars[0]).toEqual([
      { from: 0, to: 120, label: "Monday 00:00–02:00 (Sunday's overnight shift)" },
      { from: 22 * 60, to: 24 * 60, label: 'Monday 22:00–06:00 (overnight, until Tuesday 06:00)' },
    ]);
    expect(bars[1]).toEqual([{ from: 0, to: 360, label: "Tuesday 00:00–06:00 (Monday's overnight shift)" }]);
    expect(bars[2]).toEqual([{ from: 540, to: 1440, label: 'Wednesday 09:00–24:00' }]);
    expect(bars[6]).toEqual([{ from: 20 * 60, to: 24 * 60, label: 'Sunday 20:00–02:00 (overnight, until Monday 02:00)' }]);
  });
});

describe('CalendarWeek', () => {
  it('gives every open interval a text alternative and says which days are closed', () => {
    render(
      <CalendarWeek
        label="Weekly hours of EMEA"
        week={{
          mon: [
            ['09:00', '12:00'],
            ['13:00', '17:00'],
          ],
          fri: [['09:00', '16:00']],
        }}
      />,
    );
    const grid = screen.getByRole('list', { name: 'Weekly hours of EMEA' });
    expect(within(grid).getAllByRole('listitem')).toHaveLength(7);
    expect(screen.getByRole('img', { name: 'Monday 09:00–12:00' })).toBeTruthy();
    expect(screen.getByRole('img', { name: 'Monday 13:00–17:00' })).toBeTruthy();
    const friday = screen.getByRole('img', { name: 'Friday 09:00–16:00' });
    // From the start of the line: the left in English, the right in a right-to-left language.
    expect(friday.style.insetInlineStart).toBe(`${(9 / 24) * 100}%`);
    expect(friday.style.width).toBe(`${(7 / 24) * 100}%`);
    expect(screen.getByText('Saturday closed')).toBeTruthy();
    expect(screen.getAllByRole('img')).toHaveLength(3);
  });
});

describe('CalendarCard', () => {
  it('shows the time zone and every kind of holiday', () => {
    render(
      <CalendarCard
        id="emea"
        usedBy={['Enterprise customers']}
        spec={{
          name: 'EMEA business hours',
          timeZone: 'Europe/Berlin',
          week: { mon: [['09:00', '17:00']] },
          holidays: ['2026-12-25', { date: '2026-12-24', hours: [['09:00', '12:00']], name: 'Christmas Eve' }, { from: '2026-12-28', to: '2026-12-31', name: 'Year end' }],
        }}
      />,
    );
    const card = screen.getByRole('article', { name: 'EMEA business hours' });
    expect(within(card).getByText('Europe/Berlin')).toBeTruthy();
    expect(within(card).getByText('Used by Enterprise customers')).toBeTruthy();
    const holidays = within(card)
      .getAllByRole('listitem')
      .filter((li) => li.classList.contains('holiday'));
    expect(holidays).toHaveLength(3);
    expect(holidays[0]!.querySelector('time')?.getAttribute('datetime')).toBe('2026-12-25');
    expect(holidays[0]!.textContent).toContain('Closed');
    expect(holidays[1]!.textContent).toContain('Open 09:00–12:00');
    expect(holidays[1]!.textContent).toContain('Christmas Eve');
    expect([...holidays[2]!.querySelectorAll('time')].map((t) => t.getAttribute('datetime'))).toEqual(['2026-12-28', '2026-12-31']);
  });
});
