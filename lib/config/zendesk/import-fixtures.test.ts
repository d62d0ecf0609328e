import { describe, expect, it } from 'vitest';
import { compileCalendar } from '../../sla/index';
import { importZendesk } from './import-zendesk';
import { WEEKDAYS_9_TO_5, failed, fixture, imported } from './test-helpers';

/**
 * Every Zendesk docs example that is an SLA policy, schedule or holidays body imports, and gives
 * exactly this. The examples are copies from reference/zendesk-api (see __fixtures__/PROVENANCE.md).
 */

const incidents36 = {
  id: 'zendesk-36',
  name: 'Incidents',
  description: 'For urgent incidents, we will respond to tickets in 10 minutes',
  match: { source: 'zendesk', issueType: 'incident', field: { via_id: '4' } },
  calendar: '24x7',
  targets: { low: { firstResponse: '1h' } },
};

const viaWarning = (fileName: string, path: string) => ({
  severity: 'warning',
  fileName,
  path,
  message: 'Policy "Incidents": the condition on the channel (via_id) is kept as the ticket field "via_id"; the policy only matches tickets whose via_id SLA Lens reads from the Zendesk API.',
});

/** The docs' example: first reply for normal and urgent, requester wait time for every priority. */
const respondIn = {
  low: { requesterWait: '3h' },
  normal: { firstResponse: '30m', requesterWait: '2h40m' },
  high: { requesterWait: '2h20m' },
  urgent: { firstResponse: '10m', requesterWait: '2h' },
};

describe('SLA policy bodies', () => {
  it('list (GET /api/v2/slas/policies)', () => {
    const { document, warnings } = imported(fixture('sla_policies.list.200.json'));
    expect(document).toEqual({ version: 1, name: 'Imported from Zendesk', calendars: [], policies: [incidents36] });
    expect(warnings).toEqual([viaWarning('sla_policies.list.200.json', 'sla_policies[0].filter.all[1]')]);
  });

  it('show', () => {
    const { document, warnings } = imported(fixture('sla_policies.show.200.json'));
    expect(document.policies).toEqual([incidents36]);
    expect(warnings).toEqual([viaWarning('sla_policies.show.200.json', 'sla_policy.filter.all[1]')]);
  });

  it('create response (201): first reply and requester wait time, with no warning', () => {
    const { document, warnings } = imported(fixture('sla_policies.create.201.json'));
    expect(document.policies).toEqual([
      {
        id: 'zendesk-36',
        name: 'Incidents',
        description: 'For urgent incidents, we will respond to tickets in 10 minutes',
        match: { source: 'zendesk', issueType: 'incident' },
        calendar: '24x7',
        targets: respondIn,
      },
    ]);
    expect(warnings).toEqual([]);
  });

  it('create request: no id, so the id comes from the title', () => {
    const { document, warnings } = imported(fixture('sla_policies.create.request.json'));
    expect(document.policies).toEqual([
      {
        id: 'zendesk-incidents',
        name: 'Incidents',
        description: 'For urgent incidents, we will respond to tickets in 10 minutes',
        match: { source: 'zendesk', issueType: 'incident' },
        calendar: '24x7',
        targets: respondIn,
      },
    ]);
    expect(warnings).toEqual([]);
  });

  it('update response (200)', () => {
    const { document, warnings } = imported(fixture('sla_policies.update.200.json'));
    expect(document.policies).toEqual([
      {
        id: 'zendesk-36',
        name: 'Urgent Incidents',
        description: 'For urgent incidents, we will resolve the ticket within 2 hours',
        match: { source: 'zendesk', issueType: 'incident' },
        calendar: '24x7',
        targets: respondIn,
      },
    ]);
    expect(warnings).toEqual([]);
  });

  it('update request', () => {
    const { document } = imported(fixture('sla_policies.update.request.json'));
    expect(document.policies.map((p) => [p.id, p.name])).toEqual([['zendesk-urgent-incidents', 'Urgent Incidents']]);
    expect(document.policies[0]!.targets).toEqual(respondIn);
  });

  it('the bare policy of "JSON format": a custom status list becomes one policy per status', () => {
    const { document, warnings } = imported(fixture('sla_policies.json-format.example.json'));
    const common = {
      description: 'Organizations: Silver Plan',
      calendar: '24x7',
      targets: { low: { firstResponse: '1h' } },
    };
    expect(document.policies).toEqual([
      {
        id: 'zendesk-25-1',
        name: 'Silver Plan (custom_status_id 1)',
        ...common,
        match: { source: 'zendesk', issueType: 'incident', field: { via_id: '4', custom_status_id: '1' } },
      },
      {
        id: 'zendesk-25-2',
        name: 'Silver Plan (custom_status_id 2)',
        ...common,
        match: { source: 'zendesk', issueType: 'incident', field: { via_id: '4', custom_status_id: '2' } },
      },
    ]);
    expect(warnings.map((w) => w.path)).toEqual(['filter.all[1]', 'filter.all[2]']);
  });

  it('the filter example with a number value (doc inconsistency 1) converts like the string one', () => {
    const { filter } = fixture('sla_policies.json-format.filter-example.json').value as { filter: unknown };
    const { policy_metrics } = { policy_metrics: [fixture('sla_policies.json-format.policy-metric-example.json').value] };
    const { document } = imported({ value: { sla_policy: { id: 1, title: 'Email', filter, policy_metrics } } });
    expect(document.policies[0]!.match).toEqual(incidents36.match);
    expect(document.policies[0]!.targets).toEqual({ low: { firstResponse: '1h' } });
  });

  it.each([
    ['sla_policies.definitions.200.json', /list of the conditions a policy may use/],
    ['sla_policies.reorder.request.json', /reorder/],
    ['sla_policies.json-format.condition-example.json', /not a Zendesk SLA policies, schedules or holidays export/],
    ['schedules.json-format.interval-example-1.json', /not a Zendesk SLA policies, schedules or holidays export/],
  ])('%s holds nothing to import, and says so', (name, message) => {
    expect(failed(fixture(name))).toEqual([{ severity: 'error', fileName: name, path: '', message: expect.stringMatching(message) }]);
  });
});

const northAmerica = { id: 'zendesk-schedule-1', name: 'North America', timeZone: 'America/Los_Angeles' };
const monTue = { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']] };

describe('schedule bodies', () => {
  it('list: Rails zone names become IANA ids', () => {
    const { document, warnings } = imported(fixture('schedules.list.200.json'));
    expect(document).toEqual({
      version: 1,
      name: 'Imported from Zendesk',
      calendars: [
        { ...northAmerica, week: monTue, holidays: [] },
        { id: 'zendesk-schedule-2', name: 'EMEA', timeZone: 'Europe/London', week: monTue, holidays: [] },
      ],
      policies: [],
    });
    expect(warnings).toEqual([]);
  });

  it.each([['schedules.show.200.json'], ['schedules.json-format.example.json']])('%s', (name) => {
    expect(imported(fixture(name)).document.calendars).toEqual([{ ...northAmerica, week: monTue, holidays: [] }]);
  });

  it('create response (201, no timestamps)', () => {
    expect(imported(fixture('schedules.create.201.json')).document.calendars).toEqual([
      { id: 'zendesk-schedule-1', name: 'East Coast', timeZone: 'America/New_York', week: WEEKDAYS_9_TO_5, holidays: [] },
    ]);
  });

  it('update response (200)', () => {
    expect(imported(fixture('schedules.update.200.json')).document.calendars).toEqual([{ id: 'zendesk-schedule-1', name: 'EMEA', timeZone: 'Europe/London', week: WEEKDAYS_9_TO_5, holidays: [] }]);
  });

  it.each([
    ['schedules.create.request.json', 'zendesk-schedule-east-coast', 'East Coast', 'America/New_York'],
    ['schedules.update.request.json', 'zendesk-schedule-emea', 'EMEA', 'Europe/London'],
  ])("%s has no intervals: Zendesk's default week is assumed, with a warning", (name, id, calendarName, timeZone) => {
    const { document, warnings } = imported(fixture(name));
    expect(document.calendars).toEqual([{ id, name: calendarName, timeZone, week: WEEKDAYS_9_TO_5, holidays: [] }]);
    expect(warnings).toEqual([
      {
        severity: 'warning',
        fileName: name,
        path: 'schedule',
        message: `Schedule "${calendarName}" lists no opening hours (intervals), so Zendesk's default for a new schedule, Monday to Friday 09:00–17:00, was assumed. Export the schedule from GET /api/v2/business_hours/schedules to import its real hours.`,
      },
    ]);
  });

  it("a request body takes its id from the input's scheduleId", () => {
    expect(imported(fixture('schedules.update.request.json', { scheduleId: 7 })).document.calendars[0]!.id).toBe('zendesk-schedule-7');
  });

  it.each([['schedules.workweek.update.request.json'], ['schedules.workweek.update.200.json']])("%s replaces the schedule's intervals", (name) => {
    const { document } = imported(fixture('schedules.show.200.json'), fixture(name));
    expect(document.calendars[0]!.week).toEqual({ tue: [['09:00', '17:00']] });
  });

  it('the day-spanning interval example (doc inconsistency 2) imports as Monday 09:00 → Tuesday 17:00', () => {
    const interval = fixture('schedules.json-format.interval-example-1.json').value;
    const { document } = imported({ value: { schedule: { id: 3, name: 'Long', time_zone: 'Berlin', intervals: [interval] } } });
    expect(document.calendars[0]!.week).toEqual({ mon: [['09:00', '24:00']], tue: [['00:00', '17:00']] });
    expect(() => compileCalendar(document.calendars[0]!)).not.toThrow();
  });

  it('the midnight-ending interval example imports as Tuesday 16:00–24:00', () => {
    const interval = fixture('schedules.json-format.interval-example-2.json').value;
    const { document } = imported({ value: { schedule: { id: 3, name: 'Late', time_zone: 'Berlin', intervals: [interval] } } });
    expect(document.calendars[0]!.week).toEqual({ tue: [['16:00', '24:00']] });
  });
});

describe('holiday bodies (with the one schedule they belong to)', () => {
  const withHolidays = (name: string) => imported(fixture('schedules.show.200.json'), fixture(name)).document.calendars[0]!.holidays;

  it('list: one-day holidays keep their names', () => {
    expect(withHolidays('schedules.holidays.list.200.json')).toEqual([
      { date: '2021-07-04', name: 'Independence Day' },
      { date: '2021-12-25', name: 'Christmas' },
    ]);
  });

  it('show: a multi-day holiday becomes an inclusive range', () => {
    expect(withHolidays('schedules.holidays.show.200.json')).toEqual([{ from: '2020-12-30', to: '2021-01-02', name: 'New Year' }]);
  });

  it('create response: the dates as given, though they differ from the request (doc inconsistency 3)', () => {
    expect(withHolidays('schedules.holidays.create.201.json')).toEqual([{ from: '2020-12-30', to: '2021-01-02', name: 'New Year' }]);
    expect(withHolidays('schedules.holidays.create.request.json')).toEqual([{ from: '2021-12-30', to: '2022-01-02', name: 'New Year' }]);
  });

  it.each([['schedules.holidays.update.200.json'], ['schedules.holidays.update.request.json']])('%s', (name) => {
    expect(withHolidays(name)).toEqual([{ from: '2021-12-30', to: '2022-01-03', name: 'New Year' }]);
  });

  it('the bare holiday of "JSON format"', () => {
    expect(withHolidays('schedules.json-format.holiday-example.json')).toEqual([{ date: '2016-01-01', name: "New Year's Day 2016" }]);
  });

  it('every converted calendar is one the engine accepts', () => {
    const result = importZendesk([fixture('schedules.show.200.json'), fixture('schedules.holidays.list.200.json'), fixture('schedules.holidays.show.200.json')]);
    expect(result.ok).toBe(true);
    if (result.ok) for (const calendar of result.document.calendars) expect(() => compileCalendar(calendar)).not.toThrow();
  });
});
