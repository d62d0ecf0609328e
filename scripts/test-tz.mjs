// Runs the engine's tests again under several machine time zones: results must depend only on
// each calendar's own zone (date-fns does the same in scripts/test/tz.sh).
import { spawnSync } from 'node:child_process';

const zones = ['UTC', 'Pacific/Apia', 'America/Sao_Paulo', 'Asia/Kolkata', 'America/Los_Angeles'];
const failed = [];
for (const zone of zones) {
  console.log(`\n── lib/sla under TZ=${zone} ──`);
  const run = spawnSync('npx', ['vitest', 'run', 'lib/sla', '--reporter=default'], {
    stdio: 'inherit',
    env: { ...process.env, TZ: zone, SLA_EXPECT_TZ: zone },
  });
  if (run.status !== 0) failed.push(zone);
}
if (failed.length > 0) {
  console.error(`\nEngine tests failed under TZ=${failed.join(', ')}`);
  process.exit(1);
}
console.log(`\nEngine tests passed under every machine zone: ${zones.join(', ')}`);
