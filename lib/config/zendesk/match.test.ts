import { describe, expect, it } from 'vitest';
import { matchFromFilter } from './match';
import { Problems } from './problems';

const at = { fileName: 'policies.json', path: 'sla_policies[2].filter' };
const c = (field: string, operator: string, value: unknown) => ({ field, operator, value });

function convert(filter: unknown) {
  const problems = new Problems();
  const result = matchFromFilter(filter, at, '"Gold"', problems);
  return {
    matches: result?.alternatives.map((a) => a.match) ?? null,
    errors: problems.errors.map((e) => e.path),
    messages: problems.errors.map((e) => e.message),
    systemFields: result?.systemFields.map((f) => `${f.field} @ ${f.where.path}`) ?? [],
  };
}

/** The single match of a filter that converts. */
function match(filter: unknown) {
  const { matches, messages } = convert(filter);
  expect(messages).toEqual([]);
  expect(matches).toHaveLength(1);
  return matches![0]!;
}

describe('matchFromFilter: all conditions', () => {
  it('always sets source "zendesk"; no filter matches every Zendesk ticket', () => {
    expect(match(undefined)).toEqual({ source: 'zendesk' });
    expect(match({ all: [], any: [] })).toEqual({ source: 'zendesk' });
  });

  it('maps ticket type, priority, status, group, organization and assignee (ids as strings)', () => {
    expect(
      match({
        all: [c('type', 'is', 'Incident'), c('priority', 'is', 'urgent'), c('status', 'is', 'open'), c('group_id', 'is', 360001), c('organization_id', 'is', '42'), c('assignee_id', 'is', 7)],
        any: [],
      }),
    ).toEqual({
      source: 'zendesk',
      issueType: 'incident',
      priority: 'urgent',
      status: 'open',
      group: '360001',
      organization: '42',
      assignee: '7',
    });
  });

  it('maps ticket_type_id like type', () => {
    expect(match({ all: [c('ticket_type_id', 'is', 'problem')] })).toEqual({ source: 'zendesk', issueType: 'problem' });
  });

  it.each([
    ['is_not', 'urgent', ['low', 'normal', 'high']],
    ['less_than', 'high', ['low', 'normal']],
    ['greater_than', 'normal', ['high', 'urgent']],
    ['greater_than', 'high', 'urgent'],
  ])('lists the priorities that satisfy "priority %s %s"', (operator, value, expected) => {
    expect(match({ all: [c('priority', operator, value)] }).priority).toEqual(expected);
  });

  it('orders statuses as Zendesk does (new < open < pending < hold < solved < closed)', () => {
    expect(match({ all: [c('status', 'less_than', 'solved')] }).status).toEqual(['new', 'open', 'pending', 'hold']);
  });

  it('intersects conditions on the same key', () => {
    expect(match({ all: [c('priority', 'greater_than', 'low'), c('priority', 'less_than', 'urgent')] }).priority).toEqual(['normal', 'high']);
  });

  it('reads "includes" as "contains at least one of" and "not_includes" as "contains none of"', () => {
    expect(match({ all: [c('current_tags', 'includes', 'vip gold')] }).tags).toEqual({ any: ['vip', 'gold'] });
    expect(match({ all: [c('current_tags', 'includes', 'vip'), c('current_tags', 'includes', 'eu')] }).tags).toEqual({ all: ['vip', 'eu'] });
    expect(match({ all: [c('current_tags', 'not_includes', 'spam test'), c('current_tags', 'not_includes', 'bot')] }).tags).toEqual({
      none: ['spam', 'test', 'bot'],
    });
  });

  it('maps custom fields by id, and a number value to a string (reference inconsistency 1)', () => {
    expect(match({ all: [c('custom_fields_360012', 'is', 'gold'), c('via_id', 'is', 4)] })).toEqual({
      source: 'zendesk',
      field: { '360012': 'gold', via_id: '4' },
    });
  });

  it('keeps via_id, brand_id, ticket_form_id and custom_status_id as fields, and says so', () => {
    const { systemFields } = convert({
      all: [c('via_id', 'is', '4'), c('brand_id', 'is', '10001'), c('ticket_form_id', 'is', '9'), c('custom_fields_5', 'is', 'x')],
    });
    expect(systemFields).toEqual(['via_id @ sla_policies[2].filter.all[0]', 'brand_id @ sla_policies[2].filter.all[1]', 'ticket_form_id @ sla_policies[2].filter.all[2]']);
  });

  it('splits a field with several values into one match per value', () => {
    const { matches } = convert({ all: [c('type', 'is', 'incident'), c('custom_status_id', 'includes', ['1', '2'])] });
    expect(matches).toEqual([
      { source: 'zendesk', issueType: 'incident', field: { custom_status_id: '1' } },
      { source: 'zendesk', issueType: 'incident', field: { custom_status_id: '2' } },
    ]);
  });
});

describe('matchFromFilter: any conditions', () => {
  it('turns "any" conditions on one field into an any-of list', () => {
    expect(match({ all: [c('type', 'is', 'incident')], any: [c('group_id', 'is', 1), c('group_id', 'is', '2')] })).toEqual({
      source: 'zendesk',
      issueType: 'incident',
      group: ['1', '2'],
    });
    expect(match({ any: [c('current_tags', 'includes', 'vip'), c('current_tags', 'includes', 'gold platinum')] }).tags).toEqual({
      any: ['vip', 'gold', 'platinum'],
    });
    expect(match({ any: [c('priority', 'is', 'high')] }).priority).toBe('high');
  });

  it('splits "any" values of one custom field into one match per value', () => {
    expect(convert({ any: [c('custom_fields_9', 'is', 'a'), c('custom_fields_9', 'is', 'b')] }).matches).toEqual([
      { source: 'zendesk', field: { '9': 'a' } },
      { source: 'zendesk', field: { '9': 'b' } },
    ]);
  });

  it('intersects the "any" list with "all" conditions on the same key', () => {
    expect(match({ all: [c('priority', 'is_not', 'low')], any: [c('priority', 'is', 'low'), c('priority', 'is', 'high')] }).priority).toBe('high');
  });

  it('refuses "any" conditions on different fields, at the "any" path', () => {
    const { matches, errors, messages } = convert({ all: [], any: [c('group_id', 'is', 1), c('current_tags', 'includes', 'vip')] });
    expect(matches).toBeNull();
    expect(errors).toEqual(['sla_policies[2].filter.any']);
    expect(messages[0]).toContain('group_id, current_tags');
  });
});

describe('matchFromFilter: what cannot be expressed is an error at its path', () => {
  it.each([
    [{ all: [c('group_id', 'is_not', 5)] }, 'sla_policies[2].filter.all[0].operator'],
    [{ all: [c('type', 'is_not', 'task')] }, 'sla_policies[2].filter.all[0].operator'],
    [{ all: [c('organization_id', 'less_than', 5)] }, 'sla_policies[2].filter.all[0].operator'],
    [{ all: [c('requester_id', 'is', 5)] }, 'sla_policies[2].filter.all[0].field'],
    [{ all: [c('type', 'is', 'incident'), c('satisfaction_score', 'is', 'good')] }, 'sla_policies[2].filter.all[1].field'],
    [{ all: [c('group_id', 'is', '')] }, 'sla_policies[2].filter.all[0].value'],
    [{ all: [c('assignee_id', 'is', 'current_user')] }, 'sla_policies[2].filter.all[0].value'],
    [{ all: [c('priority', 'is', 'critical')] }, 'sla_policies[2].filter.all[0].value'],
    [{ all: [c('priority', 'less_than', 'low')] }, 'sla_policies[2].filter.all[0]'],
    [{ all: [c('current_tags', 'is', 'vip')] }, 'sla_policies[2].filter.all[0].operator'],
    [{ all: [c('current_tags', 'includes', '  ')] }, 'sla_policies[2].filter.all[0].value'],
    [{ all: [c('custom_fields_1', 'is_not', 'x')] }, 'sla_policies[2].filter.all[0].operator'],
    [{ all: [c('brand_id', 'is_not', '10001')] }, 'sla_policies[2].filter.all[0].operator'],
    [{ all: [c('priority', 'is', 'low'), c('priority', 'is', 'high')] }, 'sla_policies[2].filter.all[1]'],
    [{ all: [c('custom_fields_1', 'is', 'a'), c('custom_fields_1', 'is', 'b')] }, 'sla_policies[2].filter.all[1]'],
    [{ all: [c('current_tags', 'includes', 'a b'), c('current_tags', 'includes', 'c d')] }, 'sla_policies[2].filter.all[1]'],
    [{ any: [c('current_tags', 'not_includes', 'a'), c('current_tags', 'not_includes', 'b')] }, 'sla_policies[2].filter.any'],
    [{ all: [c('custom_fields_1', 'includes', ['a', 'b']), c('custom_fields_2', 'includes', ['c', 'd'])] }, 'sla_policies[2].filter'],
    [{ all: ['type is incident'] }, 'sla_policies[2].filter.all[0]'],
    [{ all: { field: 'type' } }, 'sla_policies[2].filter.all'],
    ['type = incident', 'sla_policies[2].filter'],
  ])('%j → error at %s', (filter, path) => {
    const { matches, errors, messages } = convert(filter);
    expect(matches).toBeNull();
    expect(errors).toEqual([path]);
    expect(messages[0]).toMatch(/^Policy "Gold": /);
  });

  it('reports every bad condition, not only the first', () => {
    expect(convert({ all: [c('requester_id', 'is', 1), c('group_id', 'is_not', 2)] }).errors).toEqual(['sla_policies[2].filter.all[0].field', 'sla_policies[2].filter.all[1].operator']);
  });

  it('says in plain words why and what to do', () => {
    expect(convert({ all: [c('group_id', 'is_not', 5)] }).messages[0]).toBe(
      'Policy "Gold": the condition "group_id is_not 5" cannot be expressed in SLA Lens: "is_not" needs a closed list of group_id values to negate or compare, and group_id has none. Change it in Zendesk, or edit the imported policy by hand.',
    );
  });
});
