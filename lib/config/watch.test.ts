import { describe, expect, it } from 'vitest';
import { describeScope, scopePhrase } from './format';
import { parseConfigText } from './parse';
import { errorsOf, expectOk } from './test-helpers';
import { validateConfig } from './validate';
import type { WatchScope } from '../watch/types';

const doc = (watch: unknown, extra: object = {}) => ({ version: 1, policies: [], ...extra, watch });
const one = (entry: object, extra: object = {}) => doc([entry], extra);
const JIRA = 'acme.atlassian.net';
const ZENDESK = 'acme.zendesk.com';

/** [what, document, path, message (exact, or a pattern)] */
const BAD: Array<[string, unknown, string, string | RegExp]> = [
  // which query
  ['no query', one({ site: JIRA, name: 'SUP' }), 'watch[0]', 'Give one of jql, filter, queue, view or search: what to watch on acme.atlassian.net.'],
  [
    'two queries, at the second',
    doc([
      { site: JIRA, filter: 1 },
      { site: JIRA, filter: 2 },
      { site: JIRA, jql: 'project = SUP', filter: 10001 },
    ]),
    'watch[2].filter',
    'Give one of jql, filter, queue, view or search; this entry gives both "jql" and "filter". To watch each, list them as separate entries.',
  ],
  ['three queries', one({ site: 'help.acme.com', jql: 'x', filter: 1, view: 2 }), 'watch[0].filter', /this entry gives "jql", "filter" and "view"\./],
  ['a misspelt query key is reported once, as unknown', one({ site: JIRA, qeue: { serviceDesk: 2, id: 7 } }), 'watch[0].qeue', 'Unknown field "qeue" — did you mean "queue"?'],
  // a query the site can answer
  ['a Zendesk view on Jira Cloud', one({ site: JIRA, view: 360001 }), 'watch[0].view', 'A view is a Zendesk scope, and acme.atlassian.net is a Jira site; on Jira, watch "jql", "filter" or "queue".'],
  [
    'a JQL query on Zendesk',
    one({ site: 'Acme.Zendesk.com', jql: 'project = SUP' }),
    'watch[0].jql',
    'A JQL query is a Jira scope, and acme.zendesk.com is a Zendesk site; on Zendesk, watch "view" or "search".',
  ],
  ['a queue on Zendesk', one({ site: ZENDESK, queue: { serviceDesk: 2, id: 7 } }), 'watch[0].queue', /^A queue is a Jira scope/],
  // the site
  [
    'an address, not a host',
    one({ site: 'https://acme.atlassian.net/jira/your-work', jql: 'x' }),
    'watch[0].site',
    '"https://acme.atlassian.net/jira/your-work" is not a host name (no https://, path, port or spaces): write acme.atlassian.net.',
  ],
  ['a port', one({ site: 'jira.acme.com:8443', jql: 'x' }), 'watch[0].site', '"jira.acme.com:8443" is not a host name (no https://, path, port or spaces): write jira.acme.com.'],
  ['a glob', one({ site: '*.atlassian.net', jql: 'x' }), 'watch[0].site', '"*.atlassian.net" is a pattern; a watched scope lives on one site: write its host name, such as acme.atlassian.net.'],
  ['a name in its own script', one({ site: 'bücher.example', jql: 'x' }), 'watch[0].site', '"bücher.example" is written in its own script; write it as the browser does, xn--bcher-kva.example.'],
  ['not a host at all', one({ site: 'acme_support', jql: 'x' }), 'watch[0].site', '"acme_support" is not a host name such as acme.atlassian.net.'],
  ['empty', one({ site: '', jql: 'x' }), 'watch[0].site', `"site" must not be empty; write the site's host name, such as acme.atlassian.net.`],
  ['missing', one({ jql: 'x' }), 'watch[0].site', 'Missing required field "site".'],
  [
    'not among the declared sites',
    one({ site: 'acme-eu.atlassian.net', jql: 'x' }, { sites: [JIRA, '*.acme.com'] }),
    'watch[0].site',
    `acme-eu.atlassian.net is not one of the configuration's sites: it must match "acme.atlassian.net" or "*.acme.com". Add it to "sites", or watch a scope on one of them.`,
  ],
  // ids
  ['an id that is not a whole number', one({ site: JIRA, filter: 1.5 }), 'watch[0].filter', '"filter" must be a whole number or text; found the number 1.5.'],
  ['an id of 0', one({ site: JIRA, filter: 0 }), 'watch[0].filter', 'A filter id is a positive whole number, such as 10001.'],
  ['a negative id', one({ site: ZENDESK, view: -4 }), 'watch[0].view', 'A view id is a positive whole number, such as 360001.'],
  ['an id past 2^53', one({ site: JIRA, filter: 2 ** 60 }), 'watch[0].filter', /is too large to be exact as a number; write its digits in quotes, as text\.$/],
  ['an id that is not digits', one({ site: JIRA, filter: 'SUP-1' }), 'watch[0].filter', 'A filter id is written in digits, such as 10001; found "SUP-1".'],
  ['an id of zeros', one({ site: JIRA, queue: { serviceDesk: '000', id: 7 } }), 'watch[0].queue.serviceDesk', 'A service desk id is written in digits, such as 2; found "000".'],
  ['an id of too many digits', one({ site: ZENDESK, view: '1'.repeat(19) }), 'watch[0].view', 'A view id has at most 18 digits.'],
  ['a queue without its id', one({ site: JIRA, queue: { serviceDesk: 2 } }), 'watch[0].queue.id', 'Missing required field "id".'],
  ['a queue as a number', one({ site: JIRA, queue: 7 }), 'watch[0].queue', '"queue" must be an object (a set of fields); found the number 7.'],
  ['an unknown queue field', one({ site: JIRA, queue: { serviceDesk: 2, queue: 7 } }), 'watch[0].queue.queue', /^Unknown field "queue"/],
  // text
  ['an empty query', one({ site: JIRA, jql: '' }), 'watch[0].jql', '"jql" must not be empty.'],
  ['a query of spaces', one({ site: ZENDESK, search: '   ' }), 'watch[0].search', 'A search must not be only spaces.'],
  ['a long query', one({ site: JIRA, jql: 'x'.repeat(4001) }), 'watch[0].jql', 'A JQL query is at most 4,000 characters; this one has 4,001.'],
  ['a long search', one({ site: ZENDESK, search: 'x'.repeat(1001) }), 'watch[0].search', 'A search is at most 1,000 characters; this one has 1,001.'],
  ['a long name', one({ site: JIRA, jql: 'x', name: 'n'.repeat(201) }), 'watch[0].name', 'A name is at most 200 characters; this one has 201.'],
  ['an empty name', one({ site: JIRA, jql: 'x', name: '' }), 'watch[0].name', '"name" must not be empty.'],
  // the list
  ['more than 50', doc(Array.from({ length: 51 }, (_, i) => ({ site: JIRA, filter: i + 1 }))), 'watch', 'A configuration watches at most 50 scopes; this one lists 51.'],
  ['not a list', doc({ site: JIRA, jql: 'x' }), 'watch', '"watch" must be a list; found an object.'],
  [
    'the same scope twice, however written',
    doc([
      { site: JIRA, jql: 'x' },
      { site: 'ACME.atlassian.net', queue: { serviceDesk: 2, id: 7 } },
      { site: JIRA, name: 'Again', queue: { serviceDesk: '002', id: '7' } },
    ]),
    'watch[2]',
    'This is the same scope as watch[1] (queue 7 of service desk 2 on acme.atlassian.net); list it once.',
  ],
];

describe('watch: a table of bad entries', () => {
  it.each(BAD)('%s', (_what, document, path, message) => {
    const errors = errorsOf(validateConfig(document));
    const at = errors.filter((e) => e.path === path);
    expect(at, `problems: ${JSON.stringify(errors)}`).toHaveLength(1);
    if (typeof message === 'string') expect(at[0]!.message).toBe(message);
    else expect(at[0]!.message).toMatch(message);
    expect(at[0]!.severity).toBe('error');
  });

  it('a misspelt key is not also a missing query: the whole-document rules wait for a sound shape', () => {
    expect(errorsOf(validateConfig(one({ site: JIRA, querry: 'x' }))).map((e) => e.path)).toEqual(['watch[0].querry']);
  });

  it('points at the entry in the text', () => {
    const text = ['version: 1', 'policies: []', 'watch:', '  - site: acme.atlassian.net', '    jql: project = SUP', '    view: 4'].join('\n');
    const [problem] = errorsOf(parseConfigText(text, 'sla.yaml'));
    expect(problem).toMatchObject({ path: 'watch[0].view', line: 6, column: 5 });
  });
});

describe('watch: accepted and resolved', () => {
  it('the five forms, each a team scope with the query in the background’s shape', () => {
    const result = expectOk(
      validateConfig(
        doc([
          { site: JIRA, name: 'Open support', jql: 'project = SUP AND statusCategory != Done' },
          { site: JIRA, filter: 10001 },
          { site: JIRA, name: 'SUP queue', queue: { serviceDesk: 2, id: '7' } },
          { site: ZENDESK, view: '360001' },
          { site: ZENDESK, search: 'status<solved group:Tier2' },
        ]),
      ),
    );
    expect(result.warnings).toEqual([]);
    expect(result.config.watch).toEqual<WatchScope[]>([
      {
        id: 'team:acme.atlassian.net:jql:project = SUP AND statusCategory != Done',
        site: JIRA,
        name: 'Open support',
        query: { kind: 'jql', jql: 'project = SUP AND statusCategory != Done' },
        origin: 'team',
      },
      { id: 'team:acme.atlassian.net:filter:10001', site: JIRA, query: { kind: 'filter', filter: '10001' }, origin: 'team' },
      { id: 'team:acme.atlassian.net:queue:2/7', site: JIRA, name: 'SUP queue', query: { kind: 'queue', serviceDesk: '2', queue: '7' }, origin: 'team' },
      { id: 'team:acme.zendesk.com:view:360001', site: ZENDESK, query: { kind: 'view', view: '360001' }, origin: 'team' },
      { id: 'team:acme.zendesk.com:search:status<solved group:Tier2', site: ZENDESK, query: { kind: 'search', search: 'status<solved group:Tier2' }, origin: 'team' },
    ]);
    // The document stays as written; only the resolved form is normalised.
    expect(result.document.watch![1]!.filter).toBe(10001);
  });

  it('any self-hosted host takes either tool’s scopes', () => {
    const result = expectOk(
      validateConfig(
        doc([
          { site: 'jira.acme.com', jql: 'project = OPS' },
          { site: 'jira.acme.com', view: 5 },
        ]),
      ),
    );
    expect(result.config.watch!.map((s) => s.query.kind)).toEqual(['jql', 'view']);
  });

  it('normalises what does not change the scope: host case, id spelling, spaces around a query or name', () => {
    const [scope] = expectOk(validateConfig(one({ site: 'Acme.Atlassian.NET', name: '  SUP  ', queue: { serviceDesk: '002', id: 7 } }))).config.watch!;
    expect(scope).toEqual({ id: 'team:acme.atlassian.net:queue:2/7', site: JIRA, name: 'SUP', query: { kind: 'queue', serviceDesk: '2', queue: '7' }, origin: 'team' });
    const [search] = expectOk(validateConfig(one({ site: ZENDESK, search: ' tags:vip ' }))).config.watch!;
    expect(search!.query).toEqual({ kind: 'search', search: 'tags:vip' });
    // Ids past 2^53 are exact as text.
    const [big] = expectOk(validateConfig(one({ site: ZENDESK, view: '123456789012345678' }))).config.watch!;
    expect(big!.query).toEqual({ kind: 'view', view: '123456789012345678' });
  });

  it('ids last while site and query do: reordering, renaming and other entries change none', () => {
    const a = { site: JIRA, name: 'SUP queue', queue: { serviceDesk: 2, id: 7 } };
    const b = { site: ZENDESK, view: 360001 };
    const before = expectOk(validateConfig(doc([a, b]))).config.watch!;
    const after = expectOk(validateConfig(doc([{ site: JIRA, filter: 1 }, b, { ...a, name: 'Support queue' }]))).config.watch!;
    expect(after[1]!.id).toBe(before[1]!.id);
    expect(after[2]!.id).toBe(before[0]!.id);
    expect(new Set(after.map((s) => s.id)).size).toBe(3);
  });

  it('declared sites: an entry on one of them (globs included) is accepted', () => {
    const result = expectOk(
      validateConfig(
        doc(
          [
            { site: 'Acme.atlassian.net', jql: 'x' },
            { site: 'help.acme.com', view: 1 },
          ],
          { sites: [JIRA, '*.acme.com'] },
        ),
      ),
    );
    expect(result.config.watch!.map((s) => s.site)).toEqual([JIRA, 'help.acme.com']);
  });

  it('without watch, or with an empty list, the resolved configuration has none', () => {
    expect(expectOk(validateConfig({ version: 1, policies: [] })).config).not.toHaveProperty('watch');
    expect(expectOk(validateConfig(doc([]))).config).not.toHaveProperty('watch');
  });

  it('50 scopes are allowed', () => {
    const result = expectOk(validateConfig(doc(Array.from({ length: 50 }, (_, i) => ({ site: JIRA, filter: i + 1 })))));
    expect(result.config.watch).toHaveLength(50);
  });
});

describe('describeScope and scopePhrase', () => {
  const scope = (query: WatchScope['query'], site = JIRA): WatchScope => ({ id: 'x', site, query, origin: 'team' });
  it.each<[WatchScope['query'], string, string]>([
    [{ kind: 'jql', jql: 'project = SUP AND statusCategory != Done' }, 'JQL: project = SUP AND statusCategory != Done', 'JQL “project = SUP AND statusCategory != Done” on acme.atlassian.net'],
    [{ kind: 'filter', filter: '10001' }, 'Saved filter 10001', 'saved filter 10001 on acme.atlassian.net'],
    [{ kind: 'queue', serviceDesk: '2', queue: '7' }, 'Queue 7 of service desk 2', 'queue 7 of service desk 2 on acme.atlassian.net'],
    [{ kind: 'view', view: '360001' }, 'View 360001', 'view 360001 on acme.atlassian.net'],
    [{ kind: 'search', search: 'status<solved group:Tier2' }, 'Search: status<solved group:Tier2', 'search “status<solved group:Tier2” on acme.atlassian.net'],
  ])('%j', (query, label, phrase) => {
    expect(describeScope(scope(query))).toBe(label);
    expect(scopePhrase(scope(query))).toBe(phrase);
  });
});
