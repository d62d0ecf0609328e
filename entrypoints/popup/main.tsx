import { browser } from '#imports';
import { render } from 'preact';
import { AppHeader } from '../../components/AppHeader';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import './style.css';

function Popup() {
  return (
    <div class="popup">
      <div class="popup__header">
        <AppHeader title="SLA Lens" subtitle="Team SLA overview" />
      </div>
      <main class="popup__main">
        <EmptyState
          title="No SLA configuration yet"
          action={
            <Button onClick={() => void browser.runtime.openOptionsPage()}>Open settings</Button>
          }
        >
          <p>No SLA configuration has been imported, so no tickets are being timed.</p>
          <p>
            Once one is imported, the tickets you open in Jira or Zendesk appear here with the time
            left before each SLA breaches.
          </p>
        </EmptyState>
      </main>
    </div>
  );
}

const root = document.getElementById('app');
if (root) render(<Popup />, root);
