import { render } from 'preact';
import { SlaLensDatabase } from '../../lib/db/database';
import { applyStateTokens } from '../../lib/view/colours';
import { Wallboard } from './Wallboard';
import './style.css';

function main() {
  const root = document.getElementById('app');
  if (!root) return;
  applyStateTokens(document);
  render(<Wallboard db={new SlaLensDatabase()} now={() => Date.now()} params={new URLSearchParams(location.search)} />, root);
}

main();
