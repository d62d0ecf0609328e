/**
 * Drives the options page the way an admin does: choose files (or paste), check, optionally type
 * a note, Apply. Later suites use it to put a configuration in place.
 */
import type { Page } from 'playwright-core';

export interface ConfigFile {
  name: string;
  text: string;
}

/** The page's words the import is driven by: English unless the browser speaks another language (`wordsOf`). */
export interface ImportWords {
  apply: string;
  identical: string;
  paste: string;
  checkPaste: string;
  note: string;
  /** "Version {version} is now active." */
  applied: string;
}

const ENGLISH: ImportWords = {
  apply: 'Apply',
  identical: 'identical to the active configuration',
  paste: 'Or paste a configuration',
  checkPaste: 'Check pasted configuration',
  note: 'What changed and why',
  applied: 'Version {version} is now active.',
};

/** The import's words in a language, from its messages.json. */
export function wordsOf(m: Record<string, { message: string }>): ImportWords {
  const w = (key: string) => m[key]!.message;
  return {
    apply: w('adm_apply'),
    identical: w('adm_preview_identical').split('.')[0]!,
    paste: w('adm_import_paste_label'),
    checkPaste: w('adm_import_check_paste'),
    note: w('adm_preview_note_label').replace(/\s*\{optional\}\s*/, ''),
    applied: w('opt_import_applied'),
  };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Checks the files (or pasted text) and waits for the validation result or preview. */
export async function checkConfig(page: Page, input: ConfigFile[] | string, words: ImportWords = ENGLISH): Promise<void> {
  if (typeof input === 'string') {
    await page.getByLabel(words.paste).fill(input);
    await page.getByRole('button', { name: words.checkPaste }).click();
  } else {
    await page
      .locator('input[type="file"]')
      .setInputFiles(input.map((f) => ({ name: f.name, mimeType: f.name.endsWith('.json') ? 'application/json' : 'application/yaml', buffer: Buffer.from(f.text) })));
  }
  await page.locator(`[role="alert"], button:has-text("${words.apply}"), :text("${words.identical}")`).first().waitFor();
}

/** Imports and applies a configuration through the options page; returns the new version number. */
export async function importConfig(page: Page, input: ConfigFile[] | string, note = '', words: ImportWords = ENGLISH): Promise<number> {
  await checkConfig(page, input, words);
  const apply = page.getByRole('button', { name: words.apply, exact: true });
  if ((await apply.count()) === 0) {
    const problems = await page.locator('[role="alert"]').allInnerTexts();
    throw new Error(`The configuration was not accepted:\n${problems.join('\n')}`);
  }
  if (note) await page.getByLabel(new RegExp(escape(words.note))).fill(note);
  await apply.click();
  const status = page.getByText(new RegExp(`^${escape(words.applied).replace(escape('{version}'), '\\d+')}$`));
  await status.waitFor();
  return Number(/\d+/.exec((await status.textContent()) ?? '')![0]);
}
