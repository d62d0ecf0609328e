import { browser } from '#imports';
import { useEffect, useState } from 'preact/hooks';
import { SlaLensDatabase } from '../../lib/db/database';
import { readAgreements, type Agreements } from '../../lib/db/agreements';
import { onActiveVersion } from '../../lib/messaging/config-version';
import { mountInLanguage } from '../../lib/i18n/page';
import { t } from '../../lib/i18n/core';
import { AgreementsPage } from './AgreementsPage';
import './style.css';

/** The page with its database; read again whenever another configuration becomes active. */
function LiveAgreements({ db }: { db: SlaLensDatabase }) {
  const [agreements, setAgreements] = useState<Agreements | null | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  useEffect(() => {
    const read = () =>
      void readAgreements(db).then(
        (value) => {
          setAgreements(value);
          setError(undefined);
        },
        (e: unknown) => setError(t('agr_read_failed', { error: e instanceof Error ? e.message : String(e) })),
      );
    read();
    return onActiveVersion(read);
  }, [db]);
  return <AgreementsPage agreements={agreements} error={error} now={Date.now()} onOpenSettings={() => void browser.runtime.openOptionsPage()} />;
}

async function main() {
  const root = document.getElementById('app');
  if (!root) return;
  const db = new SlaLensDatabase();
  await mountInLanguage(root, 'agr_page_title', () => <LiveAgreements db={db} />);
}

void main();
