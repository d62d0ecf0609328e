import { useEffect, useRef } from 'preact/hooks';
import { Button } from '../../components/Button';
import { ImportPreview } from '../../components/ImportPreview';
import { ImportSources } from '../../components/ImportSources';
import { Notice } from '../../components/Notice';
import { ProblemList } from '../../components/ProblemList';
import { Section } from '../../components/Section';
import { useOptions } from '../../lib/options/context';
import { useValue, value } from '../../lib/options/value';
import { t } from '../../lib/i18n/core';

const NO_SUBSCRIPTION = value<null>(null);

/** Import: pick, drop or paste → progress → problems or preview → Apply. */
export function ImportSection({ hasActive }: { hasActive: boolean }) {
  const { importer, subscription } = useOptions();
  const subscribed = useValue(subscription?.state ?? NO_SUBSCRIPTION);
  const state = useValue(importer.state);
  const note = useValue(importer.note);
  const draft = useValue(importer.draft);
  const resultRef = useRef<HTMLDivElement>(null);

  // After a check, focus moves to its result so keyboard and screen-reader users land on it.
  const serial = state.phase === 'checked' ? state.serial : null;
  useEffect(() => {
    if (serial !== null) resultRef.current?.focus();
  }, [serial]);

  const busy = state.phase === 'busy';
  return (
    <Section id="import" title={t('opt_import_title')} description={t('opt_import_description')}>
      <ImportSources
        pasteText={draft}
        onPasteTextChange={(text) => importer.draft.set(text)}
        onFiles={(files) => void importer.checkFiles(files)}
        onCheckPaste={() => void importer.checkText(draft)}
      />
      {/* Always on the page, so that screen readers announce what is put into it. */}
      <div class={`import-status${busy ? ' import-status--busy' : ''}`} role="status" aria-live="polite">
        {busy && (
          <>
            <span class="spinner" aria-hidden="true" />
            {state.message}
          </>
        )}
        {state.phase === 'applied' && (
          <Notice tone="success" onDismiss={importer.dismiss}>
            {/* A version number is an id, written without grouping. */}
            <strong>{t('opt_import_applied', { version: String(state.version.id) })}</strong> {t('opt_import_applied_more')}
          </Notice>
        )}
      </div>
      <div class="import-result" ref={resultRef} tabIndex={-1} aria-busy={busy}>
        {state.phase === 'checked' && (
          <>
            {state.notice && <Notice tone="error">{state.notice}</Notice>}
            <ProblemList errors={state.preview.ok ? [] : state.preview.errors} warnings={state.preview.warnings} subject={state.subject} />
            {state.preview.ok && subscribed && <Notice tone="info">{t('opt_import_leaves_subscription', { url: subscribed.url })}</Notice>}
            {state.preview.ok ? (
              <ImportPreview
                name={state.preview.document.name}
                subject={state.subject}
                policyCount={state.preview.config.policies.length}
                calendarCount={Object.keys(state.preview.config.calendars).length}
                changes={state.preview.changes}
                unchanged={state.preview.unchanged}
                firstImport={!hasActive}
                note={note}
                onNoteChange={(text) => importer.note.set(text)}
                applying={state.applying}
                onApply={() =>
                  void importer.apply().then((version) => {
                    // A file applied by hand leaves the subscription: else the team's next amendment would replace it unannounced.
                    return version && subscribed ? subscription?.unsubscribe() : undefined;
                  })
                }
                onDiscard={importer.dismiss}
              />
            ) : (
              <div class="import-result__actions">
                <Button variant="secondary" onClick={importer.dismiss}>
                  {t('dismiss')}
                </Button>
              </div>
            )}
          </>
        )}
      </div>
    </Section>
  );
}
