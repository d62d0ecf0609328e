import { browser } from '#imports';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { SlaLensDatabase } from '../../lib/db/database';
import { readAgreements, type Agreements } from '../../lib/db/agreements';
import { onActiveVersion } from '../../lib/messaging/config-version';
import { applyStateTokens } from '../../lib/view/colours';
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
        (e: unknown) => setError(`SLA Lens could not read its configuration: ${e instanceof Error ? e.message : String(e)}`),
      );
    read();
    return onActiveVersion(read);
  }, [db]);
  return <AgreementsPage agreements={agreements} error={error} now={Date.now()} onOpenSettings={() => void browser.runtime.openOptionsPage()} />;
}

function main() {
  const root = document.getElementById('app');
  if (!root) return;
  applyStateTokens(document);
  render(<LiveAgreements db={new SlaLensDatabase()} />, root);
}

main();
