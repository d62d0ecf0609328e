import { execFileSync } from 'node:child_process';

// The suites test what users install: fresh production builds for both browsers.
export default function setup(): void {
  for (const args of [['build'], ['build', '-b', 'firefox']]) {
    execFileSync('npx', ['wxt', ...args], { stdio: ['ignore', 'ignore', 'inherit'] });
  }
}
