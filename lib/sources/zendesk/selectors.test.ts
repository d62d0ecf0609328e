import { describe, expect, it } from 'vitest';
import { FIXTURE_PAGES, renderFixture } from './__fixtures__/pages';
import { CLASS_SELECTORS, SELECTORS, type SelectorName, type ZendeskFixturePage } from './selectors';

const documents = new Map(FIXTURE_PAGES.map((page) => [page, renderFixture(page).document]));
const entries = Object.entries(SELECTORS) as Array<[SelectorName, (typeof SELECTORS)[SelectorName]]>;
const cases = entries.flatMap(([name, entry]) => entry.pages.map((page) => [name, page] as [SelectorName, ZendeskFixturePage]));

describe('every Zendesk selector is found on each fixture page it lists', () => {
  it.each(cases)('%s on %s', (name, page) => {
    const found = documents.get(page)!.querySelector(SELECTORS[name].selector);
    expect(found, `selector "${name}" (${SELECTORS[name].selector}) is not on the fixture page ${page}: fix the selector, or the fake page in testing/sites if the real markup changed`).not.toBeNull();
  });
});

describe('the selector table', () => {
  it.each(entries)('%s names at least one fixture page', (name, entry) => {
    expect(entry.pages.length, `${name}: list the fixture pages it must be found on`).toBeGreaterThan(0);
  });

  it('matches both test-id spellings wherever it uses one', () => {
    for (const [name, { selector }] of entries) {
      const zendesk = selector.match(/data-test-id/g)?.length ?? 0;
      const other = selector.match(/data-testid/g)?.length ?? 0;
      expect(other, `${name} must match data-testid too (zendesk-dom.md rule 2): use testid()`).toBe(zendesk);
    }
  });

  it('never anchors on class names or ids that are not data, except where the evidence names an element by its class alone', () => {
    const hasClass = /(^|[\s,>+~])[\w-]*\.[A-Za-z_-]/;
    for (const [name, { selector }] of entries) {
      const alternatives = selector.split(', ');
      if (CLASS_SELECTORS[name]) {
        // Every class alternative also asks for a data attribute, and one alternative needs no class at all.
        expect(
          alternatives.filter((a) => hasClass.test(a)).every((a) => /\[data-/.test(a)),
          name,
        ).toBe(true);
        expect(
          alternatives.some((a) => !hasClass.test(a)),
          `${name}: add a class-free alternative`,
        ).toBe(true);
      } else {
        expect(selector, `${name} uses a class name (zendesk-dom.md §6: those broke)`).not.toMatch(hasClass);
      }
      expect(selector, `${name} uses an element id`).not.toMatch(/#[A-Za-z_]/);
    }
  });

  it('covers every fixture page', () => {
    const used = new Set(entries.flatMap(([, entry]) => entry.pages));
    expect(FIXTURE_PAGES.filter((p) => !used.has(p))).toEqual([]);
  });
});
