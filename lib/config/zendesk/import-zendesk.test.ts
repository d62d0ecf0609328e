import { describe, expect, it } from 'vitest';
import { importZendesk } from './import-zendesk';
import { failed, fixture, imported } from './test-helpers';

const metric = (priority: string, name: string, target: number, business_hours: boolean, extra = {}) => ({
  priority,
  metric: name,
  target,
  business_hours,
  ...extra,
});
const policy = (id: number, title: string, policy_metrics: unknown[], more = {}) => ({
  id,
  title,
  position: id,
  filter: { all: [{ field: 'type', operator: 'is', value: 'incident' }], any: [] },
  policy_metrics,
  ...more,
});
const policies = (...list: unknown[]) => ({ value: { sla_policies: list }, fileName: 'policies.json' });
const schedule = (id: number, name: string, time_zone = 'London', intervals: unknown = [{ start_time: 1980, end_time: 2460 }]) => ({
  id,
  name,
  time_zone,
  intervals,
});
const schedules = (...list: unknown[]) => ({ value: { schedules: list }, fileName: 'schedules.json' });

describe('targets', () => {
  it('first reply and total resolution time become firstResponse and resolution, in "4h"-style durations', () => {
    const { document } = imported(
      policies(
        policy(1, 'Gold', [
          metric('urgent', 'first_reply_time', 15, false),
          metric('urgent', 'total_resolution_time', 240, false),
          metric('high', 'first_reply_time', 90, false),
          metric('high', 'full_resolution_time', 2880, false),
        ]),
      ),
    );
    expect(document.policies[0]!.targets).toEqual({
      urgent: { firstResponse: '15m', resolution: '4h' },
      high: { firstResponse: '1h30m', resolution: '48h' },
    });
    expect(document.policies[0]).not.toHaveProperty('pauseOn');
  });

  it('prefers target_in_seconds, which is finer than minutes', () => {
    const { document } = imported(policies(policy(1, 'Gold', [metric('low', 'first_reply_time', 1, false, { target_in_seconds: 75 })])));
    expect(document.policies[0]!.targets).toEqual({ low: { firstResponse: '1m15s' } });
  });

  it('converts every one of Zendesk’s seven metrics, with no warning', () => {
    const seven = ['first_reply_time', 'next_reply_time', 'periodic_update_time', 'pausable_update_time', 'requester_wait_time', 'agent_work_time', 'total_resolution_time'];
    const all = seven.flatMap((m, i) => ['low', 'urgent'].map((p) => metric(p, m, (i + 1) * 30, false)));
    const { document, warnings } = imported(policies(policy(1, 'Urgent tickets', all)));
    const each = { firstResponse: '30m', nextReply: '1h', periodicUpdate: '1h30m', pausableUpdate: '2h', requesterWait: '2h30m', agentWork: '3h', resolution: '3h30m' };
    expect(document.policies[0]!.targets).toEqual({ low: each, urgent: each });
    expect(warnings).toEqual([]);
    expect(failed(policies(policy(1, 'Twice', [metric('low', 'next_reply_time', 60, false), metric('low', 'next_reply_time', 30, false)])))).toEqual([
      expect.objectContaining({ path: 'sla_policies[0].policy_metrics[1].metric', message: 'Policy "Twice": a second next reply target for low priority; a policy has one per priority.' }),
    ]);
  });

  it('honours the advanced settings that let internal notes count, and names every other one it does not', () => {
    const settings = {
      metric_settings: {
        first_reply_time: { activate_on_ticket_created_for_end_user: true, fulfill_on_agent_internal_note: true },
        next_reply_time: { fulfill_on_non_requesting_agent_internal_note_after_activation: true, activate_on_light_agent_internal_note: false },
        periodic_update_time: { activate_on_agent_internal_note: true },
      },
    };
    const { document, warnings } = imported(
      policies(
        policy(1, 'Gold', [metric('low', 'next_reply_time', 60, false), metric('low', 'periodic_update_time', 240, false)], settings),
        policy(2, 'Silver', [metric('low', 'next_reply_time', 60, false)]),
      ),
    );
    expect(document.policies.map((p) => [p.id, p.internalNotesCount])).toEqual([
      ['zendesk-1', ['nextReply', 'periodicUpdate']],
      ['zendesk-2', undefined],
    ]);
    expect(warnings.map((w) => [w.path, w.message])).toEqual([
      [
        'sla_policies[0].metric_settings.first_reply_time.activate_on_ticket_created_for_end_user',
        'Policy "Gold": the advanced setting first_reply_time.activate_on_ticket_created_for_end_user is not honoured by SLA Lens; its clocks follow Zendesk\'s default for it.',
      ],
      [
        'sla_policies[0].metric_settings.first_reply_time.fulfill_on_agent_internal_note',
        'Policy "Gold": the advanced setting first_reply_time.fulfill_on_agent_internal_note is not honoured by SLA Lens; its clocks follow Zendesk\'s default for it.',
      ],
    ]);
  });

  it('warns about a metric it does not know', () => {
    const { warnings } = imported(policies(policy(1, 'Gold', [metric('low', 'group_ownership_time', 60, false)])));
    expect(warnings.map((w) => w.message)).toEqual(['Policy "Gold": the metric group_ownership_time is not known to SLA Lens; its targets were left out.']);
  });

  it.each([
    [metric('critical', 'first_reply_time', 60, false), 'sla_policies[0].policy_metrics[0].priority'],
    [metric('low', 'first_reply_time', 0, false), 'sla_policies[0].policy_metrics[0].target'],
    [metric('low', 'first_reply_time', '60' as unknown as number, false), 'sla_policies[0].policy_metrics[0].target'],
    [metric('low', 'first_reply_time', 60, 'yes' as unknown as boolean), 'sla_policies[0].policy_metrics[0].business_hours'],
    [{ priority: 'low', target: 60 }, 'sla_policies[0].policy_metrics[0].metric'],
  ])('reports a bad metric %j at %s', (bad, path) => {
    expect(failed(policies(policy(1, 'Gold', [bad]))).map((e) => e.path)).toEqual([path]);
  });

  it('refuses two targets for one metric and priority', () => {
    const errors = failed(policies(policy(1, 'Gold', [metric('low', 'first_reply_time', 60, false), metric('low', 'first_reply_time', 30, true)])));
    expect(errors.map((e) => e.path)).toEqual(['sla_policies[0].policy_metrics[1].metric']);
  });
});

describe('business hours and schedules', () => {
  it('uses the only schedule for business-hours targets, without a warning', () => {
    const { document, warnings } = imported(policies(policy(1, 'Gold', [metric('urgent', 'first_reply_time', 60, true)])), schedules(schedule(4, 'Support hours', 'Berlin')));
    expect(document.policies[0]!.calendar).toBe('zendesk-schedule-4');
    expect(document.calendars.map((c) => [c.id, c.timeZone])).toEqual([['zendesk-schedule-4', 'Europe/Berlin']]);
    expect(warnings).toEqual([]);
  });

  it('splits a policy mixing business and calendar hours into two consecutive policies', () => {
    const { document } = imported(
      policies(
        policy(12, 'Gold', [metric('urgent', 'first_reply_time', 30, false), metric('urgent', 'total_resolution_time', 480, true), metric('low', 'first_reply_time', 120, true)]),
        policy(13, 'Silver', [metric('low', 'first_reply_time', 240, false)]),
      ),
      schedules(schedule(1, 'EMEA')),
    );
    const match = { source: 'zendesk', issueType: 'incident' };
    expect(document.policies).toEqual([
      {
        id: 'zendesk-12-business',
        name: 'Gold (business hours)',
        match,
        calendar: 'zendesk-schedule-1',
        targets: { urgent: { resolution: '8h' }, low: { firstResponse: '2h' } },
      },
      { id: 'zendesk-12-calendar', name: 'Gold (calendar hours)', match, calendar: '24x7', targets: { urgent: { firstResponse: '30m' } } },
      { id: 'zendesk-13', name: 'Silver', match, calendar: '24x7', targets: { low: { firstResponse: '4h' } } },
    ]);
  });

  it('with several schedules, assumes the first (lowest id) and warns once per policy using business hours', () => {
    const { document, warnings } = imported(
      policies(
        policy(1, 'Gold', [metric('low', 'first_reply_time', 60, true), metric('high', 'first_reply_time', 60, true)]),
        policy(2, 'Silver', [metric('low', 'first_reply_time', 60, false)]),
        policy(3, 'Bronze', [metric('low', 'first_reply_time', 60, true)]),
      ),
      schedules(schedule(9, 'APAC', 'Sydney'), schedule(5, 'EMEA')),
    );
    expect(document.policies.map((p) => p.calendar)).toEqual(['zendesk-schedule-5', '24x7', 'zendesk-schedule-5']);
    expect(warnings.map((w) => [w.path, w.message])).toEqual([
      [
        'sla_policies[0].policy_metrics',
        'Policy "Gold": Zendesk counts business hours in each ticket\'s own schedule; SLA Lens assumed the account\'s default schedule "EMEA" (id 5). Change the policy\'s calendar if its tickets use another schedule.',
      ],
      [
        'sla_policies[2].policy_metrics',
        'Policy "Bronze": Zendesk counts business hours in each ticket\'s own schedule; SLA Lens assumed the account\'s default schedule "EMEA" (id 5). Change the policy\'s calendar if its tickets use another schedule.',
      ],
    ]);
  });

  it('asks for the schedules when business hours are used and none was imported', () => {
    expect(failed(policies(policy(1, 'Gold', [metric('low', 'first_reply_time', 60, true)])))).toEqual([
      {
        severity: 'error',
        fileName: 'policies.json',
        path: 'sla_policies[0].policy_metrics',
        message: 'Policy "Gold" counts targets in business hours, but no schedule was imported. Also import your schedules (GET /api/v2/business_hours/schedules).',
      },
    ]);
  });

  it('needs no schedule when only left-out metrics use business hours', () => {
    const { document } = imported(policies(policy(1, 'Gold', [metric('low', 'group_ownership_time', 60, true)])));
    expect(document.policies[0]!.calendar).toBe('24x7');
  });

  it('refuses an unknown time zone, at its path', () => {
    expect(failed(schedules(schedule(1, 'Moon base', 'Tranquility Base')))).toEqual([
      {
        severity: 'error',
        fileName: 'schedules.json',
        path: 'schedules[0].time_zone',
        message: 'Schedule "Moon base" (id 1): "Tranquility Base" is not a time zone Zendesk uses; expected a name such as "Eastern Time (US & Canada)" or an IANA id such as "America/New_York".',
      },
    ]);
  });

  it('reports what the engine refuses at the Zendesk path', () => {
    expect(failed(schedules(schedule(1, 'Never', 'London', []))).map((e) => [e.path, e.message])).toEqual([
      ['schedules[0].intervals', 'Schedule "Never" (id 1): The calendar is never open; give at least one weekday its opening hours.'],
    ]);
    const badDate = {
      value: {
        holidays: [
          { name: 'x', start_date: '2021-01-01', end_date: '2021-01-01' },
          { name: 'Leap', start_date: '2021-02-29', end_date: '2021-03-01' },
        ],
      },
    };
    expect(failed(schedules(schedule(1, 'EMEA')), badDate).map((e) => e.path)).toEqual(['holidays[1].start_date']);
  });

  it('reports a holiday that ends before it starts', () => {
    const holidays = { value: { holiday: { name: 'Backwards', start_date: '2021-05-02', end_date: '2021-05-01' } }, fileName: 'h.json' };
    expect(failed(schedules(schedule(1, 'EMEA')), holidays).map((e) => `${e.fileName} ${e.path}`)).toEqual(['h.json holiday.end_date']);
  });
});

describe('which schedule holidays belong to', () => {
  const two = schedules(schedule(11, 'EMEA'), schedule(12, 'APAC', 'Tokyo'));
  const holidays = (fileName?: string, scheduleId?: number) => ({
    ...fixture('schedules.holidays.list.200.json'),
    ...(fileName === undefined ? {} : { fileName }),
    ...(scheduleId === undefined ? {} : { scheduleId }),
  });
  const holidaysOf = (document: { calendars: Array<{ id: string; holidays: unknown[] }> }) => document.calendars.map((c) => [c.id, c.holidays.length]);

  it('follows the scheduleId hint', () => {
    expect(holidaysOf(imported(two, holidays('holidays.json', 12)).document)).toEqual([
      ['zendesk-schedule-11', 0],
      ['zendesk-schedule-12', 2],
    ]);
  });

  it('reads the schedule id from the file name', () => {
    expect(holidaysOf(imported(two, holidays('schedule-12-holidays.json')).document)).toEqual([
      ['zendesk-schedule-11', 0],
      ['zendesk-schedule-12', 2],
    ]);
  });

  it('asks which schedule when it cannot tell', () => {
    expect(failed(two, holidays('holidays.json'))).toEqual([
      {
        severity: 'error',
        fileName: 'holidays.json',
        path: '',
        message:
          'Which schedule are these holidays for? Zendesk\'s export does not say, and several schedules were imported: "EMEA" (id 11), "APAC" (id 12). Choose the schedule, or name the file after its id, such as "holidays-11.json".',
      },
    ]);
  });

  it('refuses a hint naming a schedule that was not imported, and holidays without any schedule', () => {
    expect(failed(two, holidays('h.json', 99)).map((e) => e.message)).toEqual([
      'These holidays are for schedule 99, which was not imported. Also import that schedule (GET /api/v2/business_hours/schedules).',
    ]);
    expect(failed(holidays('h.json')).map((e) => e.message)).toEqual([
      'These holidays belong to a schedule, but no schedule was imported. Also import your schedules (GET /api/v2/business_hours/schedules).',
    ]);
  });

  it('keeps a holiday once when a list and a show export both hold it', () => {
    const show = { value: { holiday: { id: 1, name: 'Independence Day', start_date: '2021-07-04', end_date: '2021-07-04' } } };
    expect(holidaysOf(imported(schedules(schedule(1, 'US', 'Eastern Time (US & Canada)')), holidays('h.json'), show).document)).toEqual([['zendesk-schedule-1', 2]]);
  });
});

describe('files and order', () => {
  it("keeps Zendesk's order by position across files; a policy without one goes last", () => {
    const noPosition = { title: 'Catch-all', policy_metrics: [metric('low', 'first_reply_time', 60, false)] };
    const { document } = imported(policies(policy(30, 'Third', [], { position: 3 }), noPosition, policy(10, 'First', [], { position: 1 })), {
      value: { sla_policy: policy(20, 'Second', [], { position: 2 }) },
    });
    expect(document.policies.map((p) => p.id)).toEqual(['zendesk-10', 'zendesk-20', 'zendesk-30', 'zendesk-catch-all']);
  });

  it('keeps one copy of a policy exported twice, and refuses two different policies under one id', () => {
    expect(imported(fixture('sla_policies.list.200.json'), fixture('sla_policies.show.200.json')).document.policies).toHaveLength(1);
    const errors = failed(fixture('sla_policies.list.200.json'), fixture('sla_policies.update.200.json'));
    expect(errors.map((e) => [e.fileName, e.path])).toEqual([['sla_policies.update.200.json', 'sla_policy.id']]);
    expect(errors[0]!.message).toBe('SLA policy 36 is also in sla_policies.list.200.json at sla_policies[0], with different content; import each sla policy once.');
  });

  it('gives policies without an id distinct ids', () => {
    const { document } = imported(fixture('sla_policies.create.request.json'), fixture('sla_policies.create.request.json'));
    expect(document.policies.map((p) => p.id)).toEqual(['zendesk-incidents', 'zendesk-incidents-2']);
  });

  it('warns that a paged list is incomplete', () => {
    const page = { value: { sla_policies: [], next_page: 'https://acme.zendesk.com/api/v2/slas/policies?page=2', count: 140 }, fileName: 'p1.json' };
    expect(imported(page).warnings.map((w) => [w.fileName, w.path])).toEqual([['p1.json', 'next_page']]);
  });

  it('refuses what is not a Zendesk body, without throwing', () => {
    expect(failed({ value: [1, 2] }, { value: 'x', fileName: 'x.json' }, { value: { sla_policies: {} } }).map((e) => [e.fileName, e.path])).toEqual([
      [undefined, ''],
      ['x.json', ''],
      [undefined, 'sla_policies'],
    ]);
    expect(failed(policies({ id: 1, policy_metrics: [] })).map((e) => e.path)).toEqual(['sla_policies[0].title']);
  });

  it('collects errors from every file and still reports the warnings', () => {
    const result = importZendesk([fixture('sla_policies.list.200.json'), policies(policy(1, 'Gold', [metric('low', 'first_reply_time', 60, true)])), schedules(schedule(2, 'X', 'Nowhere'))]);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.map((e) => e.path)).toEqual(['schedules[0].time_zone']);
      expect(result.warnings.map((w) => w.fileName)).toEqual(['sla_policies.list.200.json']);
    }
  });

  it('returns an empty config for no input', () => {
    expect(imported().document).toEqual({ version: 1, name: 'Imported from Zendesk', calendars: [], policies: [] });
  });
});
