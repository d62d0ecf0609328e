import { describe, expect, it } from 'vitest';
import { EMPTY_SCOPE_INPUT, scopeFromInput, siteOf, type ScopeInput } from './input';

const input = (patch: Partial<ScopeInput>): ScopeInput => ({ ...EMPTY_SCOPE_INPUT, ...patch });

describe('scopeFromInput', () => {
  it('takes each kind of scope, trimmed, the name only when given', () => {
    expect(scopeFromInput(input({ site: ' Acme.atlassian.net ', jql: ' project = SUP ' }))).toEqual({ ok: true, scope: { site: 'acme.atlassian.net', query: { kind: 'jql', jql: 'project = SUP' } } });
    expect(scopeFromInput(input({ site: 'https://acme.atlassian.net/jira/filters', kind: 'filter', filter: '10001', name: 'Mine' }))).toEqual({
      ok: true,
      scope: { site: 'acme.atlassian.net', name: 'Mine', query: { kind: 'filter', filter: '10001' } },
    });
    expect(scopeFromInput(input({ site: 'jira.example-corp.test', kind: 'queue', serviceDesk: '2', queue: '7' }))).toMatchObject({
      ok: true,
      scope: { query: { kind: 'queue', serviceDesk: '2', queue: '7' } },
    });
    expect(scopeFromInput(input({ site: 'acme.zendesk.com', kind: 'view', view: '360001' }))).toMatchObject({ ok: true, scope: { query: { kind: 'view', view: '360001' } } });
    expect(scopeFromInput(input({ site: 'support.acme.com', kind: 'search', search: 'status<solved' }))).toMatchObject({
      ok: true,
      scope: { site: 'support.acme.com', query: { kind: 'search', search: 'status<solved' } },
    });
  });

  it('says each problem beside its field', () => {
    expect(scopeFromInput(input({}))).toEqual({
      ok: false,
      problems: { site: 'Enter the site, such as acme.atlassian.net.', jql: 'Enter a JQL query, such as project = SUP AND statusCategory != Done.' },
    });
    expect(scopeFromInput(input({ site: 'acme.zendesk.com', kind: 'queue', serviceDesk: 'two', queue: '' }))).toEqual({
      ok: false,
      problems: { site: 'acme.zendesk.com is a Zendesk site: choose a Zendesk view or search.', serviceDesk: 'The service desk’s id is a number, such as 10001.', queue: 'Enter the queue’s id.' },
    });
    expect(scopeFromInput(input({ site: 'acme.atlassian.net', kind: 'view', view: '1' }))).toEqual({
      ok: false,
      problems: { site: 'acme.atlassian.net is a Jira site: choose a JQL query, a saved filter or a queue.' },
    });
    expect(scopeFromInput(input({ site: 'not a host', kind: 'search', search: 'x', name: 'n'.repeat(201) }))).toEqual({
      ok: false,
      problems: { site: 'That is not a site’s address: write its host name, such as acme.atlassian.net.', name: 'A name of at most 200 characters.' },
    });
  });

  it('reads a host from what people paste', () => {
    expect([siteOf('ACME.atlassian.net'), siteOf('https://acme.zendesk.com/agent/filters/1'), siteOf('http://'), siteOf('a b'), siteOf('-x.example')]).toEqual([
      'acme.atlassian.net',
      'acme.zendesk.com',
      null,
      null,
      null,
    ]);
  });
});
