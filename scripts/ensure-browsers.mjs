// The browser suites must run, never be skipped: make sure Debian's Chromium and Firefox ESR are
// here, installing them when we can (CI runs as root), else stop with the way to get them.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const browsers = [
  { name: 'Chromium', bin: process.env.CHROMIUM_BIN ?? '/usr/bin/chromium', pkg: 'chromium', version: ['--version'] },
  { name: 'Firefox ESR', bin: process.env.FIREFOX_BIN ?? '/usr/bin/firefox-esr', pkg: 'firefox-esr', version: ['--version'] },
  // The browser in German and Hebrew (issue 19): Debian ships Chromium's other languages apart.
  { name: 'Chromium’s languages', bin: '/usr/lib/chromium/locales/de.pak', pkg: 'chromium-l10n', version: null },
  // …and Firefox's Hebrew, for the Firefox language suite.
  { name: 'Firefox ESR’s Hebrew', bin: '/usr/lib/firefox-esr/browser/extensions/langpack-he@firefox-esr.mozilla.org.xpi', pkg: 'firefox-esr-l10n-he', version: null },
  // The package tests open the store zips.
  { name: 'unzip', bin: '/usr/bin/unzip', pkg: 'unzip', version: ['-v'] },
];
const missing = browsers.filter((b) => !existsSync(b.bin));
if (missing.length > 0) {
  const pkgs = missing.map((b) => b.pkg);
  if (process.getuid?.() === 0) {
    console.log(`Installing ${missing.map((b) => b.name).join(' and ')} for the browser tests (apt-get install ${pkgs.join(' ')})…`);
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', ...pkgs], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  }
  const still = browsers.filter((b) => !existsSync(b.bin));
  if (still.length > 0) {
    console.error(
      `\nThe browser tests need ${still.map((b) => `${b.name} at ${b.bin}`).join(' and ')}.\n` +
        `Install them with: sudo apt-get install -y ${still.map((b) => b.pkg).join(' ')}\n` +
        'or point CHROMIUM_BIN / FIREFOX_BIN at your own binaries. The browser suites are never skipped.\n',
    );
    process.exit(1);
  }
}
for (const b of browsers.filter((b) => b.version))
  console.log(
    `${b.name}: ${execFileSync(b.bin, b.version, { stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .split('\n')[0]
      .trim()}`,
  );
