import { SlaLensDatabase } from '../../lib/db/database';
import { mountInLanguage } from '../../lib/i18n/page';
import { Wallboard } from './Wallboard';
import './style.css';

async function main() {
  const root = document.getElementById('app');
  if (!root) return;
  const db = new SlaLensDatabase();
  await mountInLanguage(root, 'wb_page_title', () => <Wallboard db={db} now={() => Date.now()} params={new URLSearchParams(location.search)} />);
}

void main();
