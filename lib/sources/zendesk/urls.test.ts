import { describe, expect, it } from 'vitest';
import { isAgentPage, isValidTicketKey, isZendeskHost, PAGE_PREDICATES, ticketIdFromUrl, type ZendeskPageType } from './urls';

const ZD = 'https://acme.zendesk.com';
/** A host-mapped Zendesk: the same paths on the customer's own domain. */
const MAPPED = 'https://support.acme-corp.test';

/**
 * Real URL shapes per predicate (zendesk-dom.md §1). Every URL must match exactly the predicates
 * it is listed under.
 */
const TABLE: Record<ZendeskPageType, string[]> = {
  isView: [`${ZD}/agent/filters/360000001`, `${ZD}/agent/filters/360094567891`, `${ZD}/agent/filters/360000001/`, `${ZD}/agent/filters/360000001?page=2`, `${MAPPED}/agent/filters/5`],
  isTicketPage: [
    `${ZD}/agent/tickets/123`,
    `${ZD}/agent/tickets/4101/`,
    `${ZD}/agent/tickets/4101/events`,
    `${ZD}/agent/tickets/4101?comment=55`,
    `${ZD}/agent/tickets/4101#note`,
    `${MAPPED}/agent/tickets/77`,
  ],
  isSearch: [
    `${ZD}/agent/search/1?query=refund`,
    `${ZD}/agent/search/2?query=status%3Aopen%20refund`,
    `${ZD}/agent/search/?q=printer`,
    `${ZD}/agent/search?q=printer`,
    `${MAPPED}/agent/search/1?query=type%3Aticket`,
  ],
  isHome: [`${ZD}/agent/home/tickets`, `${ZD}/agent/home`, `${ZD}/agent/home/tickets/`],
  isDashboard: [`${ZD}/agent/dashboard`, `${ZD}/agent/dashboard/`],
  isOrganizationTickets: [`${ZD}/agent/organizations/470001/tickets`, `${MAPPED}/agent/organizations/9/tickets/`],
  isUserTickets: [`${ZD}/agent/users/20978392/requested_tickets`, `${ZD}/agent/users/235323/assigned_tickets`, `${ZD}/agent/users/5/ccd_tickets`],
};

/** Agent pages that are none of the above, Help Center pages, and look-alikes. */
const NOTHING = [
  `${ZD}/agent`,
  `${ZD}/agent/`,
  `${ZD}/agent/filters`,
  `${ZD}/agent/filters/abc`,
  `${ZD}/agent/filters/0`,
  `${ZD}/agent/filters/1/2`,
  `${ZD}/agent/tickets`,
  `${ZD}/agent/tickets/new/1`,
  `${ZD}/agent/tickets/0123`,
  `${ZD}/agent/tickets/12a`,
  `${ZD}/agent/tickets/-5`,
  `${ZD}/agent/users/5`,
  `${ZD}/agent/organizations/470001`,
  `${ZD}/agent/admin/sla`,
  `${ZD}/agent/reporting/analytics`,
  `${ZD}/hc/en-us/requests/123`,
  `${ZD}/hc/en-us/articles/4408832852122`,
  `${ZD}/api/v2/tickets/123.json`,
  `${ZD}/tickets/123`,
  `${MAPPED}/agents/tickets/1`,
  `${MAPPED}/browse/SUP-1`,
];

const ALL_URLS = [...new Set([...Object.values(TABLE).flat(), ...NOTHING])];

describe.each(Object.keys(PAGE_PREDICATES) as ZendeskPageType[])('%s', (name) => {
  const predicate = PAGE_PREDICATES[name];
  const listed = new Set(TABLE[name]);

  it.each(TABLE[name])('matches %s', (url) => {
    expect(predicate(new URL(url)), `${name} should match ${url}: widen its pattern in urls.ts`).toBe(true);
  });

  it.each(ALL_URLS.filter((url) => !listed.has(url)))('does not match %s', (url) => {
    expect(predicate(new URL(url)), `${name} must not match ${url}: narrow its pattern in urls.ts, or list the URL under ${name} if it really is that page`).toBe(false);
  });
});

describe('the tables', () => {
  it('have URLs for every predicate', () => {
    for (const name of Object.keys(PAGE_PREDICATES) as ZendeskPageType[]) {
      expect(TABLE[name]?.length ?? 0, `add real URLs for ${name} to the table in urls.test.ts`).toBeGreaterThan(1);
    }
  });
});

describe('ticketIdFromUrl', () => {
  it.each([
    [`${ZD}/agent/tickets/123`, '123'],
    [`${ZD}/agent/tickets/4101/events`, '4101'],
    [`${MAPPED}/agent/tickets/77?x=1`, '77'],
    [`${ZD}/agent/filters/360000001`, null],
    [`${ZD}/agent/tickets/new/1`, null],
    [`${ZD}/agent/tickets/0123`, null],
    [`${ZD}/agent/search/1?query=tickets%2F5`, null],
  ])('%s → %s', (url, id) => {
    expect(ticketIdFromUrl(new URL(url))).toBe(id);
  });
});

describe('hosts and keys', () => {
  it.each([
    [`${ZD}/agent/filters/1`, true],
    ['https://ACME.Zendesk.com/', true],
    ['https://zendesk.com.evil.test/agent/tickets/1', false],
    ['https://notzendesk.com/agent/tickets/1', false],
    [`${MAPPED}/agent/tickets/1`, false],
  ])('isZendeskHost(%s) → %s', (url, expected) => {
    expect(isZendeskHost(new URL(url))).toBe(expected);
  });

  it.each([
    [`${MAPPED}/agent/tickets/1`, true],
    [`${MAPPED}/agent`, true],
    [`${MAPPED}/agents`, false],
    [`${MAPPED}/hc/en-us`, false],
  ])('isAgentPage(%s) → %s', (url, expected) => {
    expect(isAgentPage(new URL(url))).toBe(expected);
  });

  it.each([
    ['123', true],
    ['4101', true],
    ['0', false],
    ['0123', false],
    ['12a', false],
    ['#12', false],
    ['', false],
    ['1234567890123456', false],
  ])('isValidTicketKey(%j) → %s', (key, expected) => {
    expect(isValidTicketKey(key)).toBe(expected);
  });
});
