import type { ConfigChange } from '../lib/config/diff';
import { formatNumber, t, type MessageKey } from '../lib/i18n/core';

interface ChangeListProps {
  changes: readonly ConfigChange[];
  /** Heading level of the group titles, to fit the outline where the list is placed. */
  headingLevel?: 3 | 4;
}

const GROUPS: Array<{ subject: ConfigChange['subject']; title: MessageKey }> = [
  { subject: 'policy', title: 'adm_changes_policies' },
  { subject: 'calendar', title: 'adm_changes_calendars' },
  { subject: 'config', title: 'adm_changes_config' },
];

const KIND: Record<ConfigChange['kind'], { word: MessageKey; mark: string }> = {
  added: { word: 'adm_change_added', mark: '+' },
  removed: { word: 'adm_change_removed', mark: '−' },
  changed: { word: 'adm_change_changed', mark: '~' },
  moved: { word: 'adm_change_moved', mark: '↕' },
};

/** What a configuration changes, grouped by policies, calendars and the configuration itself. */
export function ChangeList({ changes, headingLevel = 4 }: ChangeListProps) {
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <div class="changes">
      {GROUPS.map(({ subject, title }) => {
        const group = changes.filter((c) => c.subject === subject);
        if (group.length === 0) return null;
        return (
          <section key={subject} class="changes__group" aria-label={t(title)}>
            <Heading class="changes__title">
              {t(title)} <span class="changes__count">{formatNumber(group.length)}</span>
            </Heading>
            <ul class="change-list">
              {group.map((change, i) => (
                <li key={i} class={`change change--${change.kind}`}>
                  <span class="change__kind">
                    <span class="change__mark" aria-hidden="true">
                      {KIND[change.kind].mark}
                    </span>
                    {t(KIND[change.kind].word)}
                  </span>
                  <span class="change__text">{change.text}</span>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
