import { useEffect, useState } from 'preact/hooks';
import { Notice } from '../../components/Notice';
import { Section } from '../../components/Section';
import { t, uiLocale } from '../../lib/i18n/core';
import { LOCALES } from '../../lib/i18n/locales';
import { useOptions } from '../../lib/options/context';

/** The language SLA Lens speaks here: the browser's, or one the user picks (issue 19). */
export function LanguageSection() {
  const { env } = useOptions();
  const language = env.language;
  const [chosen, setChosen] = useState<string | null | undefined>(undefined);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    language?.chosen().then(
      (folder) => current && setChosen(folder),
      () => current && setChosen(null),
    );
    return () => void (current = false);
  }, [language]);
  if (!language || chosen === undefined) return null;

  function choose(value: string) {
    const folder = value === '' ? null : value;
    setProblem(null);
    setChosen(folder);
    language!.choose(folder).catch((error: unknown) => setProblem(t('language_failed', { error: String(error) })));
  }

  return (
    <Section id="language" title={t('language_title')} description={t('language_description')}>
      <label class="field">
        <span class="field__label">{t('language_label')}</span>
        <select value={chosen ?? ''} onChange={(e) => choose(e.currentTarget.value)}>
          <option value="">{t('language_browser')}</option>
          {LOCALES.map((l) => (
            // Each language is named in itself, so whoever reads it can find their own.
            <option key={l.folder} value={l.folder} lang={l.tag} dir={l.dir}>
              {l.name}
            </option>
          ))}
        </select>
      </label>
      <p class="muted">{t('language_note', { language: uiLocale().name })}</p>
      {problem && <Notice tone="error">{problem}</Notice>}
    </Section>
  );
}
