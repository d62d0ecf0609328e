import { browser } from '#imports';
import { render } from 'preact';
import { AppHeader } from '../../components/AppHeader';
import { Button } from '../../components/Button';
import { ConfigStatus } from '../../components/ConfigStatus';
import { EmptyState } from '../../components/EmptyState';
import { activeVersion } from '../../lib/db/config-store';
import { SlaLensDatabase } from '../../lib/db/database';
import { useLiveQuery } from '../../lib/options/use-live-query';
import './style.css';

const db = new SlaLensDatabase();

async function status() {
  const [version, ticketsSeen] = await Promise.all([activeVersion(db), db.tickets.count()]);
  return { version, ticketsSeen };
}

function Popup() {
  const result = useLiveQuery(status, []);
  const openSettings = <Button onClick={() => void browser.runtime.openOptionsPage()}>Open settings</Button>;
  let body;
  if (result.status === 'loading') body = null;
  else if (result.status === 'ready' && result.value.version) {
    const v = result.value.version;
    body = (
      <ConfigStatus
        name={v.document.name ?? 'Unnamed configuration'}
        version={v.id}
        appliedAt={new Date(v.appliedAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}
        ticketsSeen={result.value.ticketsSeen}
        action={openSettings}
      />
    );
  } else {
    body = (
      <EmptyState title="No SLA configuration yet" action={openSettings}>
        <p>No SLA configuration has been imported, so no tickets are being timed.</p>
        <p>Import one in the settings: tickets on your Jira and Zendesk pages then show the time left before each SLA breaches.</p>
      </EmptyState>
    );
  }
  return (
    <div class="popup">
      <div class="popup__header">
        <AppHeader title="SLA Lens" subtitle="Team SLA overview" />
      </div>
      <main class="popup__main" aria-busy={result.status === 'loading'}>
        {body}
      </main>
    </div>
  );
}

const root = document.getElementById('app');
if (root) render(<Popup />, root);
