import { Button } from '../../components/Button';
import { Notice } from '../../components/Notice';
import { ProblemList } from '../../components/ProblemList';
import { Section } from '../../components/Section';
import { VersionHistory } from '../../components/VersionHistory';
import { useOptions } from '../../lib/options/context';
import { describeSource, formatLocalTime } from '../../lib/options/format';
import type { OptionsData } from '../../lib/options/options-data';
import { useValue } from '../../lib/options/value';
import { t } from '../../lib/i18n/core';

/** Every applied version, roll back, export. */
export function HistorySection({ data, locked = false }: { data: OptionsData; locked?: boolean }) {
  const { history } = useOptions();
  const message = useValue(history.message);
  const pending = useValue(history.pending);
  const activeId = data.active?.id ?? null;
  return (
    <Section
      id="history"
      title={t('opt_history_title')}
      description={locked ? t('opt_history_description_locked') : t('opt_history_description')}
      actions={
        activeId !== null && (
          <Button variant="secondary" onClick={() => void history.exportConfig()}>
            {t('opt_history_export')}
          </Button>
        )
      }
    >
      <div role="status">
        {message?.tone === 'success' && (
          <Notice tone="success" onDismiss={history.dismiss}>
            {message.text}
          </Notice>
        )}
      </div>
      {message?.tone === 'error' && (
        <Notice tone="error" onDismiss={history.dismiss}>
          {message.text}
          {message.problems && message.problems.length > 0 && <ProblemList errors={message.problems} warnings={[]} subject={message.subject ?? t('opt_history_this_version')} />}
        </Notice>
      )}
      {data.versions.length === 0 ? (
        <p class="muted">{t('opt_history_empty')}</p>
      ) : (
        <VersionHistory
          pending={pending}
          {...(locked ? {} : { onRollBack: (id: number) => void history.rollBack(id) })}
          versions={data.versions.map((v) => ({
            id: v.id,
            when: formatLocalTime(v.appliedAt),
            isoTime: new Date(v.appliedAt).toISOString(),
            source: describeSource(v.source),
            note: v.note,
            changes: v.changes,
            active: v.id === activeId,
          }))}
        />
      )}
    </Section>
  );
}
