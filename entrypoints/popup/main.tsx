import { POPUP_SNAPSHOT_KEY } from '../../lib/storage-keys';
import { browser } from '#imports';
import { render } from 'preact';
import { PopupView } from '../../components/popup/PopupView';
import { openTicket } from '../../lib/view/ticket-url';
import { advanceSnapshot, restoreSnapshot } from '../../lib/db/popup-query';
import { applyStateTokens } from '../../lib/view/colours';
import { coveredSites } from './covered-sites';
import { installLanguage } from '../../lib/i18n/browser';
import './style.css';

/**
 * Paints at once what the background last prepared (counts and the first page, states worked out
 * for now), then loads the database-backed popup, which takes over as soon as it answers.
 */
async function main() {
  const root = document.getElementById('app');
  if (!root) return;
  applyStateTokens(document);
  // The language first (the user's choice, else the browser's), read beside the snapshot.
  const [stored] = await Promise.all([browser.storage.session.get(POPUP_SNAPSHOT_KEY).catch(() => ({}) as Record<string, unknown>), installLanguage(document)]);
  const initial = restoreSnapshot(stored[POPUP_SNAPSHOT_KEY]);
  if (initial) {
    render(
      <PopupView
        config={initial.config}
        snapshot={advanceSnapshot(initial.snapshot, Date.now())}
        compliance={null}
        complianceDays={7}
        onComplianceDaysChange={() => undefined}
        sites={coveredSites([])}
        onOpen={(ticket) => openTicket(ticket, (url) => browser.tabs.create({ url }))}
        onOpenSettings={() => void browser.runtime.openOptionsPage()}
        onOpenAgreements={() => void browser.tabs.create({ url: browser.runtime.getURL('/agreements.html') })}
        onOpenReport={() => void browser.tabs.create({ url: browser.runtime.getURL('/report.html') })}
      />,
      root,
    );
    // After the frame is painted (as the live popup marks it: effects run after paint), and only
    // then the database-backed popup, whose scripts would otherwise hold the first paint back.
    await new Promise<void>((painted) => requestAnimationFrame(() => setTimeout(painted, 0)));
    performance.mark('sla-lens:first-render');
  }
  const { mountPopup } = await import('./live');
  mountPopup(root, initial);
}

void main();
