// `npm run sizes`: what users download. Each bundle of the Chrome build, raw and gzipped, and the
// store packages (run `npm run zip` first for the zips).
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const build = '.output/chrome-mv3';
const files = ['content-scripts', 'chunks', 'assets', '.']
  .flatMap((dir) => (existsSync(path.join(build, dir)) ? readdirSync(path.join(build, dir)).map((f) => path.join(dir, f)) : []))
  .filter((f) => /\.(js|css)$/.test(f));
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log('| bundle (Chrome build) | size | gzipped |');
console.log('|---|---:|---:|');
for (const f of files.sort()) {
  const bytes = readFileSync(path.join(build, f));
  console.log(`| \`${f.replace(/-[\w-]{8}\.(js|css)$/, '.$1')}\` | ${kb(bytes.length)} | ${kb(gzipSync(bytes, { level: 9 }).length)} |`);
}
const zips = existsSync('.output') ? readdirSync('.output').filter((f) => f.endsWith('.zip')) : [];
if (zips.length > 0) {
  console.log('\n| package | size |');
  console.log('|---|---:|');
  for (const z of zips.sort()) console.log(`| \`${z}\` | ${kb(statSync(path.join('.output', z)).size)} |`);
}
