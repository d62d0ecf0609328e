import { render } from 'preact';
import { SlaLensDatabase } from '../../lib/db/database';
import { applyStateTokens } from '../../lib/view/colours';
import { installLanguage, onLanguageChanged } from '../../lib/i18n/browser';
import { t } from '../../lib/i18n/core';
import { Wallboard } from './Wallboard';
import './style.css';

async function main() {
  const root = document.getElementById('app');
  if (!root) return;
  applyStateTokens(document);
  // The language first (the user's choice, else the browser's): every word below is in it.
  await installLanguage(document);
  const db = new SlaLensDatabase();
  const draw = () => {
    document.title = t('wb_page_title');
    render(<Wallboard db={db} now={() => Date.now()} params={new URLSearchParams(location.search)} />, root);
  };
  draw();
  // Another language chosen (on the options page): the page says everything again in it.
  onLanguageChanged(() => {
    render(null, root);
    draw();
  }, document);
}

void main();
