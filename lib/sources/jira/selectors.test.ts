import { describe, expect, it } from 'vitest';
import { FIXTURE_PAGES, renderFixture } from './__fixtures__/pages';
import { SELECTORS, type JiraFixturePage, type SelectorName } from './selectors';

const documents = new Map(FIXTURE_PAGES.map((page) => [page, renderFixture(page).document]));
const entries = Object.entries(SELECTORS) as Array<[SelectorName, (typeof SELECTORS)[SelectorName]]>;
const cases = entries.flatMap(([name, entry]) => entry.pages.map((page) => [name, page] as [SelectorName, JiraFixturePage]));

describe('every Jira selector is found on each fixture page it lists', () => {
  it.each(cases)('%s on %s', (name, page) => {
    const found = documents.get(page)!.querySelector(SELECTORS[name].selector);
    expect(found, `selector "${name}" (${SELECTORS[name].selector}) is not on the fixture page ${page}: fix the selector, or the fake page in testing/sites if the real markup changed`).not.toBeNull();
  });
});

describe('the selector table', () => {
  it.each(entries)('%s names at least one fixture page', (name, entry) => {
    expect(entry.pages.length, `${name}: list the fixture pages it must be found on`).toBeGreaterThan(0);
  });

  it('matches both testid spellings wherever it uses a testid', () => {
    for (const [name, { selector }] of entries) {
      const modern = selector.match(/data-testid/g)?.length ?? 0;
      const legacy = selector.match(/data-test-id/g)?.length ?? 0;
      expect(legacy, `${name} must match data-test-id too (jira-dom.md rule 1): use testid()`).toBe(modern);
    }
  });

  it('never anchors on generated classes', () => {
    for (const [name, { selector }] of entries) {
      expect(selector, `${name} uses a generated class (jira-dom.md rule 8)`).not.toMatch(/\.(?:css-|sc-|_)[\w-]+/);
    }
  });

  it('covers every fixture page', () => {
    const used = new Set(entries.flatMap(([, entry]) => entry.pages));
    expect(FIXTURE_PAGES.filter((p) => !used.has(p))).toEqual([]);
  });
});
