import { describe, expect, it } from 'vitest';
import { scopeFromPage, serviceDeskFor } from './from-page';

describe('scopeFromPage', () => {
  it('names the scope of a queue, a view, a saved filter or a search', () => {
    expect(scopeFromPage('https://acme.atlassian.net/jira/servicedesk/projects/SUP/queues/custom/7')).toEqual({ site: 'acme.atlassian.net', jsmQueue: { project: 'SUP', queue: '7' } });
    expect(scopeFromPage('https://jira.example-corp.test/jira/servicedesk/projects/IT/queues/custom/12/')).toEqual({ site: 'jira.example-corp.test', jsmQueue: { project: 'IT', queue: '12' } });
    expect(scopeFromPage('https://acme.zendesk.com/agent/filters/360001')).toEqual({ site: 'acme.zendesk.com', query: { kind: 'view', view: '360001' } });
    expect(scopeFromPage('https://acme.atlassian.net/issues/?filter=10001')).toEqual({ site: 'acme.atlassian.net', query: { kind: 'filter', filter: '10001' } });
    expect(scopeFromPage('https://acme.atlassian.net/jira/software/c/projects/SUP/issues?jql=project%20%3D%20SUP%20ORDER%20BY%20created')).toEqual({
      site: 'acme.atlassian.net',
      query: { kind: 'jql', jql: 'project = SUP ORDER BY created' },
    });
    expect(scopeFromPage('https://jira.example-corp.test/secure/IssueNavigator.jspa?jql=assignee%3DcurrentUser()')).toEqual({
      site: 'jira.example-corp.test',
      query: { kind: 'jql', jql: 'assignee=currentUser()' },
    });
  });

  it('offers nothing on a ticket, a page it cannot watch, or an address that is not https', () => {
    for (const href of [
      'https://acme.atlassian.net/browse/SUP-1',
      'https://acme.zendesk.com/agent/tickets/4101',
      'https://acme.atlassian.net/issues/?filter=-4',
      'https://acme.atlassian.net/jira/servicedesk/projects/sup/queues/custom/7',
      'http://acme.zendesk.com/agent/filters/1',
      'not a url',
    ])
      expect(scopeFromPage(href)).toBeNull();
  });
});

describe('serviceDeskFor', () => {
  const context = (answer: () => Response) => ({ fetch: async () => answer(), origin: 'https://acme.atlassian.net', signal: new AbortController().signal, now: 0 });
  it('reads the service desk of a project', async () => {
    expect(
      await serviceDeskFor(
        context(() => Response.json({ id: '2', projectKey: 'SUP' })),
        'https://acme.atlassian.net',
        'SUP',
      ),
    ).toEqual({ ok: true, id: '2' });
  });
  it('says so when there is none, or the site would not say', async () => {
    expect(
      await serviceDeskFor(
        context(() => Response.json({ errorMessage: 'x' }, { status: 404 })),
        'https://acme.atlassian.net',
        'OPS',
      ),
    ).toEqual({ ok: false, message: 'acme.atlassian.net has no service desk for project OPS that you can see.' });
    expect(
      await serviceDeskFor(
        context(() => new Response('', { status: 503 })),
        'https://acme.atlassian.net',
        'OPS',
      ),
    ).toEqual({
      ok: false,
      message: 'acme.atlassian.net did not say which service desk project OPS is: the site’s API answered with an error.',
    });
    expect(
      await serviceDeskFor(
        context(() => Response.json({ id: 7 })),
        'https://acme.atlassian.net',
        'OPS',
      ),
    ).toEqual({ ok: false, message: 'acme.atlassian.net has no service desk for project OPS that you can see.' });
  });
});
