import { execFileSync } from 'node:child_process';

// The suites test what users install: fresh production builds for both browsers, in the e2e mode
// whose one difference is a marker on the pages the content script runs on (content/index.ts).
// WXT writes them beside the release builds (.output/<browser>-mv3-e2e), which the packaging
// suites build and check themselves.
export default function setup(): void {
  for (const args of [
    ['build', '--mode', 'e2e'],
    ['build', '-b', 'firefox', '--mode', 'e2e'],
  ]) {
    execFileSync('npx', ['wxt', ...args], { stdio: ['ignore', 'ignore', 'inherit'] });
  }
}
