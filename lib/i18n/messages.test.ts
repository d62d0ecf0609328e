/**
 * The messages of every language, checked against English and the code: the same keys (counted
 * messages in exactly the plural forms each language has), the same `{variables}`, nothing the
 * browsers' own i18n would misread, every key used somewhere and the glossary's words kept.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import glossary from './glossary.json';
import { LOCALES } from './locales';

type Messages = Record<string, { message: string; description?: string }>;
const ROOT = path.resolve(__dirname, '../..');
const LOCALES_DIR = path.join(ROOT, 'public/_locales');
const read = (folder: string): Messages => JSON.parse(readFileSync(path.join(LOCALES_DIR, folder, 'messages.json'), 'utf8')) as Messages;
const en = read('en');
const PLURAL = /_(zero|one|two|few|many|other)$/;
const pluralBases = new Set(Object.keys(en).flatMap((k) => (k.endsWith('_other') ? [k.slice(0, -'_other'.length)] : [])));
const baseOf = (key: string) => (PLURAL.test(key) && pluralBases.has(key.replace(PLURAL, '')) ? key.replace(PLURAL, '') : key);
const variables = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort();

describe('the languages SLA Lens ships', () => {
  it('are exactly the folders under public/_locales (adding one is its folder and its line in locales.ts)', () => {
    const folders = readdirSync(LOCALES_DIR, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    expect(LOCALES.map((l) => l.folder).sort()).toEqual(folders);
  });
});

describe.each(LOCALES.map((l) => [l.folder, l] as const))('%s', (folder, locale) => {
  const messages = read(folder);
  const categories = new Intl.PluralRules(locale.tag).resolvedOptions().pluralCategories;

  it('has every key English has, and no other', () => {
    const plain = Object.keys(en).filter((k) => baseOf(k) === k);
    const counted = [...pluralBases].flatMap((b) => categories.map((c) => `${b}_${c}`));
    expect(Object.keys(messages).sort()).toEqual([...plain, ...counted].sort());
  });

  it('keeps every message’s {variables}, and says nothing the browsers would read as a placeholder ($)', () => {
    const wrong: string[] = [];
    for (const [key, { message }] of Object.entries(messages)) {
      const english = en[key] ?? en[`${baseOf(key)}_other`];
      if (!english) continue;
      if (variables(message).join() !== variables(english.message).join()) wrong.push(`${key}: ${message}`);
      if (message.includes('$')) wrong.push(`${key} has a $: ${message}`);
      if (message.trim() === '') wrong.push(`${key} is empty`);
    }
    expect(wrong).toEqual([]);
  });

  it('names its own folder, and fits the stores’ limits', () => {
    expect(messages.lang_folder?.message).toBe(folder);
    expect(messages.extName!.message.length).toBeLessThanOrEqual(75);
    expect(messages.extDescription!.message.length).toBeLessThanOrEqual(132);
  });

  it('uses the glossary’s word for each state, metric and kind of time', () => {
    const terms = glossary.terms as Record<string, Record<string, string>>;
    const pairs: Array<[string, string]> = [
      ['state_ok', 'on track'],
      ['state_at_risk', 'at risk'],
      ['state_breached', 'breached'],
      ['state_paused', 'paused'],
      ['state_met', 'met'],
      ['state_missed', 'missed'],
      ['metric_resolution', 'resolution'],
      ['metric_first_response', 'first response'],
      ['metric_next_reply', 'next reply'],
      ['metric_periodic_update', 'periodic update'],
      ['metric_pausable_update', 'pausable update'],
      ['metric_requester_wait', 'requester wait'],
      ['metric_agent_work', 'agent work'],
      ['kind_business', 'business time'],
      ['kind_calendar', 'calendar time'],
    ];
    const lower = (s: string) => s.toLocaleLowerCase(locale.tag);
    for (const [key, term] of pairs) expect(lower(messages[key]!.message), key).toBe(lower(terms[term]![folder]!));
  });
});

describe('English counts', () => {
  it('say one thing in the singular: a count of one never keeps the other form’s plural noun', () => {
    const plural = [...pluralBases].flatMap((base) => {
      const one = en[`${base}_one`]?.message ?? '';
      // `{n} tickets`, `{n} more settings`: the noun the other form counts.
      const nouns = [...(en[`${base}_other`]?.message ?? '').matchAll(/\{n\} ((?:more )?[a-z]+s)\b/g)].map((m) => `{n} ${m[1]}`);
      return nouns.filter((noun) => one.includes(noun)).map((noun) => `${base}_one: ${noun}`);
    });
    expect(plural).toEqual([]);
  });
});

describe('every message', () => {
  // Keys are written whole in the code (`t('pill_left')`, a map of keys), so each can be found.
  const sources: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (/\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) sources.push(readFileSync(file, 'utf8'));
    }
  };
  for (const dir of ['lib', 'components', 'entrypoints']) walk(path.join(ROOT, dir));
  sources.push(readFileSync(path.join(ROOT, 'wxt.config.ts'), 'utf8'));
  const code = sources.join('\n');

  it('is used somewhere', () => {
    const unused = [...new Set(Object.keys(en).map(baseOf))].filter((key) => !code.includes(`'${key}'`) && !code.includes(`__MSG_${key}__`));
    expect(unused).toEqual([]);
  });
});
