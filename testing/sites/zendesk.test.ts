import { describe, expect, it } from 'vitest';
import { demoSites } from './demo';
import { handle, URLS, ZENDESK_ORIGIN, type FakeSiteData } from './index';
import { sampleZendeskTickets } from './samples';

const NOW = Date.parse('2026-11-26T10:00:00Z');
const sites = (extra: Partial<FakeSiteData> = {}): FakeSiteData => ({ jira: [], zendesk: sampleZendeskTickets(NOW), ...extra });
const get = (data: FakeSiteData, path: string) => handle(data, { method: 'GET', url: new URL(path, ZENDESK_ORIGIN) })!;
const body = (data: FakeSiteData, path: string) => JSON.parse(get(data, path).body) as Record<string, any>;

describe('the fake Zendesk API', () => {
  it('show_many answers the documented ticket shape, with the slas sideload only for tickets that have one', () => {
    const data = demoSites(NOW);
    const answer = body(data, '/api/v2/tickets/show_many.json?ids=4101,4104,9999&include=slas,users');
    expect(answer.tickets.map((t: { id: number }) => t.id)).toEqual([4101, 4104]);
    const [t] = answer.tickets;
    expect(t).toMatchObject({ id: 4101, status: 'open', priority: 'urgent', type: 'incident', group_id: 360002, organization_id: 470001, via: { channel: 'web' } });
    expect(t.slas.policy_metrics[0]).toMatchObject({ metric: 'total_resolution_time', stage: 'active', breach_at: expect.stringMatching(/Z$/) });
    expect(answer.users.map((u: { name: string }) => u.name)).toEqual(expect.arrayContaining(['Jordan Ellis', 'Sam Okafor']));
    expect(body(sites(), '/api/v2/tickets/show_many.json?ids=4101&include=slas').tickets[0]).not.toHaveProperty('slas');
    expect(get(data, `/api/v2/tickets/show_many.json?ids=${Array.from({ length: 101 }, (_, i) => i + 1).join(',')}`).status).toBe(400);
  });

  it('show_many sideloads the groups and organizations its tickets name, only when asked', () => {
    const data = demoSites(NOW);
    const answer = body(data, '/api/v2/tickets/show_many.json?ids=4101,4104&include=users,groups,organizations');
    const ids = (list: Array<{ id: number }>) => list.map((r) => r.id).sort();
    expect(ids(answer.groups)).toEqual([...new Set(answer.tickets.map((t: { group_id: number }) => t.group_id))].sort());
    expect(answer.groups[0]).toMatchObject({ id: expect.any(Number), name: expect.any(String), url: expect.stringContaining('/api/v2/groups/') });
    expect(ids(answer.organizations)).toEqual([...new Set(answer.tickets.map((t: { organization_id: number | null }) => t.organization_id).filter((o: number | null) => o !== null))].sort());
    expect(answer.organizations[0]).toMatchObject({ name: expect.any(String) });
    const plain = body(data, '/api/v2/tickets/show_many.json?ids=4101&include=users');
    expect(plain).not.toHaveProperty('groups');
    expect(plain).not.toHaveProperty('organizations');
  });

  it('audits rebuild the status history and the conversation, oldest first, paginated', () => {
    const data = sites();
    const audits = body(data, '/api/v2/tickets/4104/audits.json').audits as Array<{ created_at: string; events: Array<Record<string, unknown>> }>;
    const changes = audits.flatMap((a) => a.events.filter((e) => e.type === 'Change' && e.field_name === 'status').map((e) => `${e.previous_value}→${e.value}`));
    expect(changes).toEqual(['new→open', 'open→pending']);
    expect(audits[0]!.events).toContainEqual(expect.objectContaining({ type: 'Create', field_name: 'status', value: 'new' }));
    expect(audits.map((a) => a.created_at)).toEqual([...audits.map((a) => a.created_at)].sort());
    const comments = audits.flatMap((a) => a.events.filter((e) => e.type === 'Comment'));
    expect(comments.map((c) => c.public)).toEqual([true, true, false, true]);
    const page1 = body(data, '/api/v2/tickets/4104/audits.json?per_page=2');
    expect(page1.audits).toHaveLength(2);
    expect(page1.next_page).toBe(`${ZENDESK_ORIGIN}/api/v2/tickets/4104/audits.json?page=2&per_page=2`);
    expect(get(data, '/api/v2/tickets/9999/audits.json').status).toBe(404);
  });

  it('lists groups and shows organizations by id', () => {
    expect(body(sites(), '/api/v2/groups.json').groups.map((g: { name: string }) => g.name)).toEqual(['Tier 1', 'Tier 2']);
    expect(body(sites(), '/api/v2/organizations/show_many.json?ids=470002,1').organizations).toEqual([expect.objectContaining({ id: 470002, name: 'Initech' })]);
  });

  it('signed out, every API path answers 200 with the sign-in page; rate-limited, 429 with Retry-After', () => {
    for (const path of ['/api/v2/tickets/show_many.json?ids=4101', '/api/v2/tickets/4101/audits.json', '/api/v2/groups.json', '/api/v2/organizations/show_many.json?ids=470001']) {
      const signedOut = get(sites({ api: 'login-page' }), path);
      expect(signedOut).toMatchObject({ status: 200, contentType: expect.stringMatching(/^text\/html/) });
      expect(signedOut.body).toMatch(/Sign in to/);
      expect(get(sites({ api: 'rate-limited' }), path)).toMatchObject({ status: 429, headers: { 'Retry-After': '60' } });
    }
    // Pages still load.
    expect(get(sites({ api: 'login-page' }), URLS.zendeskView).body).toMatch(/generic-table/);
  });

  it('serves the grouped view, the search results and the ticket page', () => {
    expect(get(sites(), URLS.zendeskGroupedView).body).toMatch(/generic-table-rows-group-by/);
    const search = get(sites(), URLS.zendeskSearch('refund')).body;
    expect(search).toMatch(/search_tables_tab-tickets/);
    expect(search).toMatch(/Refund not received/);
    expect(search).not.toMatch(/Bulk import/);
    expect(get(sites(), URLS.zendeskTicket(4105)).body.match(/<div data-test-id="header-tab" /g)).toHaveLength(4);
  });

  it('serves every page in German and in Hebrew, right to left, with the newer markup', () => {
    const de = get(sites(), URLS.zendeskViewDe).body;
    expect(de).toMatch(/<html lang="de" dir="ltr">/);
    expect(de).toMatch(/>Betreff</);
    expect(de).not.toMatch(/>Subject</);
    expect(de).toMatch(/data-test-id="status-badge-open"/);
    const he = get(sites(), URLS.zendeskViewHe).body;
    expect(he).toMatch(/<html lang="he" dir="rtl">/);
    expect(he).toMatch(/>נושא</);
    // The Hebrew badges name no status (the 2023 form).
    expect(he).not.toMatch(/status-badge-open/);
    expect(he).toMatch(/data-cy-test-id="status-badge-state"/);
    const ticket = get(sites(), URLS.zendeskTicketHe(4105)).body;
    expect(ticket.match(/data-is-active="true"/g)).toHaveLength(1);
    expect(ticket).toMatch(/data-entity-type="ticket" data-entity-id="4105"/);
    // Hidden by the grid's marker only: no inline style says which workspace is on screen.
    expect(ticket).not.toMatch(/style="display: none;"/);
    expect(get(sites(), URLS.zendeskTicketDe(4105)).body).toMatch(/style="display: none;"/);
    const search = get(sites(), URLS.zendeskSearchDe('refund')).body;
    expect(search).toMatch(/data-test-id="search_tables_tab-tickets" role="tab" aria-selected="true"/);
    expect(search).toMatch(/aria-describedby="generic-table-row-4102"/);
    // Hostile subjects stay text in every language.
    for (const body of [de, he, search]) expect(body).toContain('&lt;img src=x onerror=');
  });

  it('serves the Users tab of a search, an empty view and a drifted view', () => {
    const users = get(sites(), URLS.zendeskSearchUsers('refund', 'he')).body;
    expect(users).toMatch(/data-test-id="search_tables_tab-users" role="tab" aria-selected="true"/);
    expect(users).toMatch(/aria-describedby="generic-table-row-24102"/);
    expect(users).not.toMatch(/href="tickets\//);
    const empty = get(sites(), URLS.zendeskEmptyView).body;
    expect(empty).toMatch(/data-test-id="generic-table-body">\s*<\/tbody>/);
    expect(empty).toMatch(/No tickets in this view/);
    const drifted = get(sites(), URLS.zendeskDriftedView).body;
    expect(drifted.match(/href="tickets\/\d+"/g)).toHaveLength(7);
    expect(drifted).not.toMatch(/generic-table|aria-describedby/);
  });
});
