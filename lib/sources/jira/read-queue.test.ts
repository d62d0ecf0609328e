import { describe, expect, it } from 'vitest';
import { jiraQueuePage } from '../../../testing/sites/jira';
import { URLS } from '../../../testing/sites/index';
import { countStrategies } from '../strategies';
import { fixtureSites, renderHtml } from './__fixtures__/pages';
import { inRichText } from './dom';
import { find, SURFACES } from './read-page';

const issues = fixtureSites().jira.slice(0, 6);
const KEYS = issues.map((i) => i.key);
const url = new URL(URLS.jiraQueue);
const queue = SURFACES.find((s) => s.name === 'queue')!;

/** The queue page, rewritten so that only the markup one strategy relies on is left. */
function variant(rewrite: (html: string) => string): Document {
  return renderHtml(rewrite(jiraQueuePage(issues)), URLS.jiraQueue);
}

const used = (doc: Document) =>
  countStrategies([queue], inRichText, doc, url)
    .filter((c) => c.used)
    .map((c) => c.strategy);

describe('JSM Cloud queue strategies, each on its own markup', () => {
  it('cell testids alone name the ticket and the column: no row role, no table testid, no link', () => {
    const doc = variant((h) =>
      h
        .replaceAll('role="row"', '')
        .replace('data-testid="virtual-table.table.main"', '')
        .replaceAll(/<a [^>]*>/g, '<span>')
        .replaceAll('</a>', '</span>'),
    );
    expect(find(doc, url).map((t) => t.key)).toEqual(KEYS);
    expect(used(doc)).toEqual(['queue/cell-testid']);
    // Badged next to the key, on the element that shows it.
    expect(find(doc, url).every((t) => t.anchor.textContent === t.key)).toBe(true);
  });

  it('rows of the virtual table with an issue-route link, when the cells lose their testids', () => {
    const doc = variant((h) => h.replaceAll(/data-testid="common\.components[^"]*"/g, ''));
    expect(find(doc, url).map((t) => t.key)).toEqual(KEYS);
    expect(used(doc)).toEqual(['queue/virtual-table-row']);
  });

  it('the 2025 markup: rows inside issue-table-container, /browse/ links', () => {
    const doc = renderHtml(jiraQueuePage(issues, { markup: 'legacy' }), URLS.jiraQueue);
    expect(find(doc, url).map((t) => t.key)).toEqual(KEYS);
    expect(used(doc)).toEqual(['queue/issue-table-container']);
  });

  it('any grid row with an issue link, on a queue URL only, when every container is new', () => {
    const html = jiraQueuePage(issues, { markup: 'legacy' }).replace('<div data-vc="issue-table-container"', '<div data-vc="something-new"');
    const doc = renderHtml(html, URLS.jiraQueue);
    expect(find(doc, url).map((t) => t.key)).toEqual(KEYS);
    expect(used(doc)).toEqual(['queue/grid-row-link']);
    // Broad evidence: the page reader runs it on queues only, never on another page or one it does not know.
    expect(find(doc, new URL(URLS.jiraNavigator)), 'not on other pages').toEqual([]);
    expect(find(doc, new URL('https://acme.atlassian.net/jira/dashboards/10001')), 'not on unknown pages').toEqual([]);
  });

  it('keys come from every issue route: /browse/KEY, the queue’s own …/KEY and ?selectedIssue=KEY', () => {
    for (const route of ['/browse/$1', '/jira/servicedesk/projects/SUP/queues/custom/9/$1', '/issues/?jql=x&amp;selectedIssue=$1']) {
      const doc = variant((h) => h.replaceAll(/data-testid="common\.components[^"]*"/g, '').replaceAll(/href="[^"]*\/([A-Z]+-\d+)"/g, `href="${route}"`));
      expect(
        find(doc, url).map((t) => t.key),
        route,
      ).toEqual(KEYS);
    }
  });

  it('a drifted queue (rows on screen, none of the known markup) yields nothing from any strategy', () => {
    const doc = renderHtml(jiraQueuePage(issues, { markup: 'drifted' }), URLS.jiraQueue);
    expect(find(doc, url)).toEqual([]);
    expect(countStrategies([queue], inRichText, doc, url).every((c) => c.tickets === 0)).toBe(true);
  });

  it('a hostile summary is read as text and never becomes markup', () => {
    const hostile = fixtureSites().jira.find((i) => i.summary.includes('<img'))!;
    const doc = renderHtml(jiraQueuePage([hostile]), URLS.jiraQueue);
    expect(doc.querySelector('img[src="x"]')).toBeNull();
    expect(find(doc, url)[0]!.dom.title).toBe(hostile.summary);
  });

  it('a cell that names another key than its row’s is not that row’s', () => {
    const doc = variant((h) => h.replace(`cell-wrapper-row${KEYS[0]}-summary`, `cell-wrapper-row${KEYS[1]}-summary`));
    const first = find(doc, url).find((t) => t.key === KEYS[0])!;
    expect(first.dom.title).toBeUndefined();
  });
});
