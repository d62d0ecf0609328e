import type { ConfigChange } from '../lib/config/diff';

interface ChangeListProps {
  changes: readonly ConfigChange[];
  /** Heading level of the group titles, to fit the outline where the list is placed. */
  headingLevel?: 3 | 4;
}

const GROUPS: Array<{ subject: ConfigChange['subject']; title: string }> = [
  { subject: 'policy', title: 'Policies' },
  { subject: 'calendar', title: 'Calendars' },
  { subject: 'config', title: 'Configuration' },
];

const KIND: Record<ConfigChange['kind'], { word: string; mark: string }> = {
  added: { word: 'Added', mark: '+' },
  removed: { word: 'Removed', mark: '−' },
  changed: { word: 'Changed', mark: '~' },
  moved: { word: 'Moved', mark: '↕' },
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
          <section key={subject} class="changes__group" aria-label={title}>
            <Heading class="changes__title">
              {title} <span class="changes__count">{group.length}</span>
            </Heading>
            <ul class="change-list">
              {group.map((change, i) => (
                <li key={i} class={`change change--${change.kind}`}>
                  <span class="change__kind">
                    <span class="change__mark" aria-hidden="true">
                      {KIND[change.kind].mark}
                    </span>
                    {KIND[change.kind].word}
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
