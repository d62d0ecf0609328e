/**
 * Applies a configuration on the options page in Firefox, through the page's own DOM: Puppeteer's
 * ARIA queries need CDP, which Firefox lacks. Driven by the page's words, so a suite for another
 * language passes only when the page speaks it.
 */
import type { Page } from 'puppeteer-core';

export interface FirefoxImportWords {
  /** The paste box's label. */
  paste: string;
  check: string;
  apply: string;
  /** A regular expression (its source) the page's text matches once the configuration is active. */
  applied: string;
}

export const ENGLISH_IMPORT: FirefoxImportWords = { paste: 'Or paste a configuration', check: 'Check pasted configuration', apply: 'Apply', applied: 'Version \\d+ is now active' };

/** Pastes `text`, checks it and applies it, then waits until the page says it is active. */
export async function applyPastedConfig(options: Page, text: string, words: FirefoxImportWords = ENGLISH_IMPORT): Promise<void> {
  await options.waitForFunction((label) => [...document.querySelectorAll('label')].some((l) => l.textContent?.includes(label)), {}, words.paste);
  await options.evaluate(
    (label, value) => {
      const found = [...document.querySelectorAll('label')].find((l) => l.textContent?.includes(label))!;
      const area = (found.control ?? found.querySelector('textarea')) as HTMLTextAreaElement;
      area.value = value;
      area.dispatchEvent(new Event('input', { bubbles: true }));
    },
    words.paste,
    text,
  );
  const click = (name: string) =>
    options.waitForFunction(
      (n) => {
        const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === n && !b.disabled);
        button?.click();
        return Boolean(button);
      },
      {},
      name,
    );
  await click(words.check);
  await click(words.apply);
  await options.waitForFunction((source) => new RegExp(source).test(document.body.textContent ?? ''), {}, words.applied);
}
