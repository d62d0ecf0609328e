import { useEffect } from 'preact/hooks';
import { Notice } from '../../components/Notice';
import { describeManaged } from '../../lib/managed/read';
import type { ManagedStore } from '../../lib/options/managed-store';
import { useValue } from '../../lib/options/value';
import { t } from '../../lib/i18n/core';

/** "Managed by your organisation": what its policy set, what it ignored and why, what it refused. */
export function ManagedNotice({ store }: { store: ManagedStore }) {
  const status = useValue(store.status);
  useEffect(() => store.start(), [store]);
  if (!status) return null;
  const lines = describeManaged(status.reading);
  const problems = status.config?.problems ?? [];
  if (lines.length === 0 && problems.length === 0) return null;
  return (
    <div class="managed" role="region" aria-label={t('opt_managed_label')}>
      <Notice tone={problems.length > 0 ? 'error' : 'info'}>
        {lines.map((line, i) => (i === 0 ? <strong key={i}>{line}</strong> : <p key={i}>{line}</p>))}
        {problems.length > 0 && (
          <>
            <p>{t('opt_managed_invalid')}</p>
            <ul>
              {problems.map((p, i) => (
                <li key={i}>
                  {p.path ? <code>{p.path}</code> : null}
                  {p.path ? ': ' : ''}
                  {p.message}
                </li>
              ))}
            </ul>
          </>
        )}
      </Notice>
    </div>
  );
}
