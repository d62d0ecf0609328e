import { describe, expect, it } from 'vitest';
import { jiraDcNavigatorDetailPage, jiraDcQueuePage } from '../../../testing/sites/jira-dc';
import { JIRA_DC_BASE, URLS } from '../../../testing/sites/index';
import type { Strategy } from '../strategies';
import type { FoundTicket } from '../types';
import { fixtureHtml, fixtureSites, FIXTURE_URLS, renderFixture, renderHtml } from './__fixtures__/pages';
import {
  DC_NAVIGATOR_DETAIL_STRATEGIES,
  DC_QUEUE_STRATEGIES,
  readIssueLinkKeys,
  readIssueListItems,
  readQueueIssueLinks,
  readQueuePanelLinks,
  readQueueRouteLinks,
  readSplitviewLinks,
} from './read-dc-lists';
import { diagnose, find } from './read-page';

const issues = fixtureSites().jira;
const byKey = new Map(issues.map((i) => [i.key, i]));
const ALL_KEYS = issues.map((i) => i.key).sort();
const HOSTILE = issues.find((i) => i.summary.includes('<img'))!;
const BASE = new URL(JIRA_DC_BASE);
const DETAIL_URL = FIXTURE_URLS['dc-navigator-detail'];
const QUEUE_URL = URLS.jiraDcQueue;

const keys = (found: FoundTicket[]) => found.map((t) => t.key).sort();
const strategy = (list: readonly Strategy[], name: string) => list.find((s) => s.name === name)!;
const readAt = (html: string, url: string, read: Strategy['read']) => read(renderHtml(`<!doctype html><html><body>${html}</body></html>`, url), new URL(url));

describe('the strategy lists', () => {
  it('name each strategy once, most specific first', () => {
    expect(DC_NAVIGATOR_DETAIL_STRATEGIES.map((s) => s.name)).toEqual(['li-data-key', 'splitview-link', 'issue-link-key']);
    expect(DC_QUEUE_STRATEGIES.map((s) => s.name)).toEqual(['queue-issue-link', 'queue-route-link', 'sd-page-panel-link']);
  });

  it('the most specific strategy is the one used on each fixture page, and no other DC list strategy matches elsewhere', () => {
    const used = (page: 'dc-navigator-detail' | 'dc-queue') => {
      const { document, url } = renderFixture(page);
      return diagnose(document, url)
        .filter((c) => c.used && c.strategy.startsWith('dc-'))
        .map((c) => c.strategy);
    };
    expect(used('dc-navigator-detail')).toEqual(['dc-issue-view/key-val', 'dc-navigator-detail/li-data-key']);
    expect(used('dc-queue')).toEqual(['dc-queue/queue-issue-link']);
    for (const page of ['dc-issue', 'dc-navigator', 'dc-board', 'cloud-navigator', 'cloud-queue', 'cloud-navigator-detail'] as const) {
      const { document, url } = renderFixture(page);
      const dcLists = diagnose(document, url).filter((c) => /^dc-(navigator-detail|queue)\//.test(c.strategy));
      expect(
        dcLists.filter((c) => c.tickets > 0),
        page,
      ).toEqual([]);
    }
  });
});

describe('DC navigator detail view: each strategy alone on the fixture', () => {
  it.each(DC_NAVIGATOR_DETAIL_STRATEGIES.map((s) => [s.name, s] as const))('%s reads every card on its li, badged at the key span', (_name, s) => {
    const { document, url } = renderFixture('dc-navigator-detail');
    const found = s.read(document, url);
    const items = [...document.querySelectorAll('ol.issue-list > li')];
    expect(keys(found)).toEqual(ALL_KEYS);
    expect(found.map((t) => t.element)).toEqual(items);
    for (const t of found) {
      expect(t.anchor.matches('span.issue-link-key'), t.key).toBe(true);
      expect(t.anchor.textContent?.trim()).toBe(t.key);
      expect(t.dom).toEqual({ project: 'SUP', team: 'SUP', title: byKey.get(t.key)!.summary, issueType: byKey.get(t.key)!.issueType });
      expect(t.isTicketView).toBeUndefined();
    }
  });
});

describe('DC navigator detail view: each strategy on a page where only its markup exists', () => {
  const base = `${BASE.pathname}/browse`;

  it('li-data-key: a card with data-key and nothing else known', () => {
    const html = `<ol class="issue-list"><li data-key="SUP-7" title="Printer on fire"><div><b>SUP-7</b></div></li></ol>`;
    expect(readAt(html, DETAIL_URL, readSplitviewLinks)).toEqual([]);
    expect(readAt(html, DETAIL_URL, readIssueLinkKeys)).toEqual([]);
    const [t] = readAt(html, DETAIL_URL, readIssueListItems);
    expect([t!.key, t!.anchor.tagName, t!.element.tagName, t!.dom.title]).toEqual(['SUP-7', 'B', 'LI', 'Printer on fire']);
  });

  it('splitview-link: the card link outside any ol.issue-list, key from its href', () => {
    const html = `<ul class="renamed-list"><li><a class="splitview-issue-link" href="${base}/SUP-7"><span>SUP-7</span> <span>Printer on fire</span></a></li></ul>`;
    expect(readAt(html, DETAIL_URL, readIssueListItems)).toEqual([]);
    expect(readAt(html, DETAIL_URL, readIssueLinkKeys)).toEqual([]);
    const found = readAt(html, DETAIL_URL, readSplitviewLinks);
    expect(found.map((t) => [t.key, t.anchor.textContent, t.element.tagName])).toEqual([['SUP-7', 'SUP-7', 'A']]);
  });

  it('splitview-link: the rebuilt card (data-key on the link, nested divs, issue-content-container)', () => {
    const html = `<div><a data-key="SUP-7" class="splitview-issue-link" href="#"><div data-key="SUP-7"><div><img alt="Bug" src="data:,"></div><div class="issue-content-container"><span class="issue-link-key" data-key="SUP-7">SUP-7</span><span class="issue-link-summary">Printer on fire</span></div></div></a></div>`;
    const [t] = readAt(html, DETAIL_URL, readSplitviewLinks);
    expect([t!.key, t!.anchor.className, t!.dom.title, t!.dom.issueType]).toEqual(['SUP-7', 'issue-link-key', 'Printer on fire', 'Bug']);
  });

  it('issue-link-key: a list whose cards lost data-key and whose links lost their class', () => {
    const html = `<ol class="issue-list"><li><a href="${base}/SUP-7"><span class="issue-link-key">SUP-7</span><span class="issue-link-summary">Printer on fire</span></a></li><li><a href="${base}/SUP-8"><span class="issue-link-key">SUP-8</span></a></li></ol>`;
    expect(readAt(html, DETAIL_URL, readIssueListItems)).toEqual([]);
    expect(readAt(html, DETAIL_URL, readSplitviewLinks)).toEqual([]);
    const found = readAt(html, DETAIL_URL, readIssueLinkKeys);
    expect(found.map((t) => [t.key, t.element.tagName, t.anchor.className, t.dom.title])).toEqual([
      ['SUP-7', 'LI', 'issue-link-key', 'Printer on fire'],
      ['SUP-8', 'LI', 'issue-link-key', undefined],
    ]);
  });

  it('never takes a key from text alone, nor from a link off Jira’s issue routes', () => {
    const html = `<ol class="issue-list"><li><a class="splitview-issue-link" href="/secure/ViewProfile.jspa?name=SUP-7"><span class="issue-link-key">SUP-7</span></a></li></ol>`;
    for (const s of DC_NAVIGATOR_DETAIL_STRATEGIES) expect(readAt(html, DETAIL_URL, s.read), s.name).toEqual([]);
  });

  it('linked issues in an issue view (.issue-link-key outside the card list) are not cards', () => {
    const html = `<div id="linkingmodule"><ul class="links-list"><li><span class="issue-link-key"><a href="${base}/SUP-7">SUP-7</a></span><span class="issue-link-summary">Linked</span></li></ul></div>`;
    for (const s of DC_NAVIGATOR_DETAIL_STRATEGIES) expect(readAt(html, URLS.jiraDcIssue('SUP-1'), s.read), s.name).toEqual([]);
  });
});

describe('DC navigator detail view through every surface', () => {
  it('badges every card once, and the open issue once more as the ticket view', () => {
    const { document, url } = renderFixture('dc-navigator-detail');
    const found = find(document, url);
    expect(keys(found)).toEqual([...ALL_KEYS, 'SUP-103'].sort());
    expect(found.filter((t) => t.isTicketView).map((t) => t.key)).toEqual(['SUP-103']);
    const open = found.find((t) => t.isTicketView)!;
    expect(open.anchor.id).toBe('key-val');
    expect(open.element.closest('ol.issue-list'), 'the open issue is read from its view, not its card').toBeNull();
    const card = found.find((t) => t.key === 'SUP-103' && !t.isTicketView)!;
    expect(card.element.matches('li.focused')).toBe(true);
    // The open issue's view carries what the cards do not.
    expect([open.dom.title, open.dom.status, open.dom.created]).toEqual([byKey.get('SUP-103')!.summary, byKey.get('SUP-103')!.status, Math.floor(byKey.get('SUP-103')!.created / 1000) * 1000]);
  });

  it('the hostile summary is escaped in the page and read as text, from the card and its title attribute alike', () => {
    const html = fixtureHtml('dc-navigator-detail');
    const document = renderHtml(html, DETAIL_URL);
    expect(document.querySelector('img[src="x"]')).toBeNull();
    const card = find(document, new URL(DETAIL_URL)).find((t) => t.key === HOSTILE.key && !t.isTicketView)!;
    expect(card.dom.title).toBe(HOSTILE.summary);
    expect(card.element.getAttribute('title')).toBe(HOSTILE.summary);
    // Without the summary span, the li's title attribute gives the same text.
    const bare = renderHtml(html.replace(/<span class="issue-link-summary">.*?<\/span>/g, ''), DETAIL_URL);
    expect(readIssueListItems(bare).find((t) => t.key === HOSTILE.key)!.dom.title).toBe(HOSTILE.summary);
  });

  it('reads a card mounted later on its own', () => {
    const { document, url } = renderFixture('dc-navigator-detail');
    const li = document.querySelectorAll('ol.issue-list > li')[4]!;
    expect(find(li, url).map((t) => [t.key, t.element])).toEqual([[issues[4]!.key, li]]);
  });

  it('is served at /browse/KEY?jql=… and shows the list whichever issue is open', () => {
    const other = renderHtml(jiraDcNavigatorDetailPage(BASE, issues, issues[0]!), URLS.jiraDcNavigatorDetail(issues[0]!.key));
    const found = find(other, new URL(URLS.jiraDcNavigatorDetail(issues[0]!.key)));
    expect(found.filter((t) => t.isTicketView).map((t) => t.key)).toEqual([issues[0]!.key]);
    expect(found.filter((t) => !t.isTicketView)).toHaveLength(issues.length);
  });
});

describe('DC JSM queue: each strategy alone on the fixture', () => {
  it.each(DC_QUEUE_STRATEGIES.map((s) => [s.name, s] as const))('%s reads one ticket per row, badged at the key link', (_name, s) => {
    const { document, url } = renderFixture('dc-queue');
    const found = s.read(document, url);
    expect(keys(found)).toEqual(ALL_KEYS);
    expect(found.map((t) => t.element)).toEqual([...document.querySelectorAll('.queue-react-table-container tbody > tr')]);
    for (const t of found) {
      expect(t.anchor.closest('td')!.className).toBe('issuekey');
      expect(t.anchor.textContent).toBe(t.key);
      expect(t.dom).toEqual({ project: 'SUP', team: 'SUP', title: byKey.get(t.key)!.summary });
    }
  });
});

describe('DC JSM queue: each strategy on a page where only its markup exists', () => {
  const browse = (key: string) => `${BASE.pathname}/browse/${key}`;

  it('queue-issue-link: .issue-link elements with data-issue-key and no href, in grid rows', () => {
    const html = `<div class="queue-react-table-container"><div role="grid"><div role="row"><span class="issue-link" data-issue-key="SUP-7">SUP-7</span><span class="issue-link" data-issue-key="SUP-7">Printer on fire</span></div><div role="row"><span class="issue-link" data-issue-key="SUP-8">SUP-8</span></div></div></div>`;
    expect(readAt(html, QUEUE_URL, readQueueRouteLinks)).toEqual([]);
    expect(readAt(html, QUEUE_URL, readQueuePanelLinks)).toEqual([]);
    const found = readAt(html, QUEUE_URL, readQueueIssueLinks);
    expect(found.map((t) => [t.key, t.element.getAttribute('role'), t.anchor.textContent, t.dom.title])).toEqual([
      ['SUP-7', 'row', 'SUP-7', 'Printer on fire'],
      ['SUP-8', 'row', 'SUP-8', undefined],
    ]);
  });

  it('queue-route-link: links on issue routes, /browse/ or queue-relative, without the issue-link class', () => {
    const html = `<div class="queue-react-table-container"><table><tbody><tr><td><a href="${browse('SUP-7')}">SUP-7</a></td><td><a href="${browse('SUP-7')}">Printer on fire</a></td><td><a href="/jira/secure/ViewProfile.jspa?name=dana">Dana</a></td></tr><tr><td><a href="${BASE.pathname}/projects/SUP/queues/custom/1/SUP-8">SUP-8</a></td></tr></tbody></table></div>`;
    expect(readAt(html, QUEUE_URL, readQueueIssueLinks)).toEqual([]);
    expect(readAt(html, QUEUE_URL, readQueuePanelLinks)).toEqual([]);
    const found = readAt(html, QUEUE_URL, readQueueRouteLinks);
    expect(found.map((t) => [t.key, t.element.tagName, t.anchor.textContent, t.dom.title])).toEqual([
      ['SUP-7', 'TR', 'SUP-7', 'Printer on fire'],
      ['SUP-8', 'TR', 'SUP-8', undefined],
    ]);
  });

  it('sd-page-panel-link: .issue-link anchors in the queue panel when the container is renamed, on queue URLs only', () => {
    const html = `<section id="sd-page-panel"><div class="renamed-table"><table><tbody><tr><td><a class="issue-link" data-issue-key="SUP-7" href="${browse('SUP-7')}">SUP-7</a></td></tr></tbody></table></div></section>`;
    expect(readAt(html, QUEUE_URL, readQueueIssueLinks)).toEqual([]);
    expect(readAt(html, QUEUE_URL, readQueueRouteLinks)).toEqual([]);
    expect(keys(readAt(html, QUEUE_URL, readQueuePanelLinks))).toEqual(['SUP-7']);
    // Broad evidence: the page reader runs it on queues only, never on an issue page or one it does not know.
    expect(keys(readAt(html, QUEUE_URL, find))).toEqual(['SUP-7']);
    expect(readAt(html, URLS.jiraDcIssue('SUP-1'), find)).toEqual([]);
    expect(readAt(html, `${BASE.origin}${BASE.pathname}/secure/Dashboard.jspa`, find)).toEqual([]);
  });

  it('one ticket per row: key, summary and icon links, and a link to another issue in the same row', () => {
    const html = `<section id="sd-page-panel"><div class="queue-react-table-container"><table><tbody><tr><td><a class="issue-link" data-issue-key="SUP-7" href="${browse('SUP-7')}"><img alt="" src="data:,"></a></td><td><a class="issue-link" data-issue-key="SUP-7" href="${browse('SUP-7')}">SUP-7</a></td><td><a class="issue-link" data-issue-key="SUP-7" href="${browse('SUP-7')}">Printer on fire</a></td><td><a class="issue-link" data-issue-key="SUP-1" href="${browse('SUP-1')}">SUP-1</a></td></tr></tbody></table></div></section>`;
    for (const s of DC_QUEUE_STRATEGIES) {
      const found = readAt(html, QUEUE_URL, s.read);
      expect(
        found.map((t) => [t.key, t.element.tagName, t.anchor.textContent, t.dom.title]),
        s.name,
      ).toEqual([['SUP-7', 'TR', 'SUP-7', 'Printer on fire']]);
    }
  });

  it('without rows, the links of one issue still make one ticket, badged at the key link', () => {
    const html = `<div class="queue-react-table-container"><div><a class="issue-link" data-issue-key="SUP-7" href="${browse('SUP-7')}">SUP-7</a> <a class="issue-link" data-issue-key="SUP-7" href="${browse('SUP-7')}">Printer on fire</a></div><div><a class="issue-link" data-issue-key="SUP-8" href="${browse('SUP-8')}">Ink</a> <a class="issue-link" data-issue-key="SUP-8" href="${browse('SUP-8')}">SUP-8</a></div></div>`;
    const found = readAt(html, QUEUE_URL, readQueueIssueLinks);
    expect(found.map((t) => [t.key, t.element === t.anchor, t.anchor.textContent, t.dom.title])).toEqual([
      ['SUP-7', true, 'SUP-7', 'Printer on fire'],
      ['SUP-8', true, 'SUP-8', 'Ink'],
    ]);
  });

  it('a table around the container is not a queue row', () => {
    const html = `<table><tbody><tr><td><div class="queue-react-table-container"><a class="issue-link" data-issue-key="SUP-7" href="${browse('SUP-7')}">SUP-7</a><a class="issue-link" data-issue-key="SUP-8" href="${browse('SUP-8')}">SUP-8</a></div></td></tr></tbody></table>`;
    expect(keys(readAt(html, QUEUE_URL, readQueueIssueLinks))).toEqual(['SUP-7', 'SUP-8']);
  });
});

describe('DC JSM queue through every surface', () => {
  it('badges every row once, none as a ticket view', () => {
    const { document, url } = renderFixture('dc-queue');
    const found = find(document, url);
    expect(keys(found)).toEqual(ALL_KEYS);
    expect(found.filter((t) => t.isTicketView)).toEqual([]);
    expect(new Set(found.map((t) => t.element)).size).toBe(found.length);
  });

  it('the hostile summary is escaped in the page and read as text', () => {
    const { document, url } = renderFixture('dc-queue');
    expect(document.querySelector('img[src="x"]')).toBeNull();
    expect(find(document, url).find((t) => t.key === HOSTILE.key)!.dom.title).toBe(HOSTILE.summary);
  });

  it('reads a row mounted later on its own', () => {
    const { document, url } = renderFixture('dc-queue');
    const tr = document.querySelectorAll('.queue-react-table-container tbody > tr')[6]!;
    expect(find(tr, url).map((t) => [t.key, t.element])).toEqual([[issues[6]!.key, tr]]);
  });

  it('an empty queue yields nothing', () => {
    const document = renderHtml(jiraDcQueuePage(BASE, []), QUEUE_URL);
    expect(document.querySelector('.sd-queue-empty')).not.toBeNull();
    expect(find(document, new URL(QUEUE_URL))).toEqual([]);
  });
});

describe('any UI language', () => {
  // The readers never look at words: a page whose every visible label is Hebrew (RTL) or German reads the same.
  const relabel = (html: string, lang: 'he' | 'de') =>
    html
      .replace('<html lang="en">', `<html lang="${lang}"${lang === 'he' ? ' dir="rtl"' : ''}>`)
      .replace(/<th>[^<]*<\/th>/g, lang === 'he' ? '<th>עמודה</th>' : '<th>Spalte</th>')
      .replace(/<strong>[^<]*<\/strong>/g, lang === 'he' ? '<strong>שדה:</strong>' : '<strong>Feld:</strong>')
      .replaceAll('Unassigned', lang === 'he' ? 'לא משויך' : 'Nicht zugewiesen')
      .replace('All open', lang === 'he' ? 'כל הפתוחות' : 'Alle offenen');
  const summary = (found: FoundTicket[]) => found.map((t) => [t.key, t.element.tagName, t.anchor.textContent?.trim(), t.dom.title, !!t.isTicketView]);

  it.each(['he', 'de'] as const)('%s: the detail view and the queue read as in English', (lang) => {
    for (const page of ['dc-navigator-detail', 'dc-queue'] as const) {
      const url = FIXTURE_URLS[page];
      const english = find(renderHtml(fixtureHtml(page), url), new URL(url));
      const translated = renderHtml(relabel(fixtureHtml(page), lang), url);
      expect(translated.documentElement.lang).toBe(lang);
      expect(summary(find(translated, new URL(url))), page).toEqual(summary(english));
    }
  });
});

describe('strategy names', () => {
  it('are short and stable', () => {
    for (const s of [...DC_NAVIGATOR_DETAIL_STRATEGIES, ...DC_QUEUE_STRATEGIES]) expect(s.name).toMatch(/^[a-z][a-z-]{2,24}$/);
    expect(strategy(DC_QUEUE_STRATEGIES, 'queue-issue-link').read).toBe(readQueueIssueLinks);
  });
});
