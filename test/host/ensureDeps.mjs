// Installs the npm dependencies when they are missing or older than package-lock.json, so that
// `npm test` and `npm start` work as the first command on a fresh clone.
import { existsSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const marker = 'node_modules/.package-lock.json';
const stale = !existsSync(marker) || statSync(marker).mtimeMs < statSync('package-lock.json').mtimeMs;
if (stale) {
  console.log('[rudder] installing npm dependencies (npm ci) ...');
  const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error('[rudder] npm ci failed; see the output above.');
    process.exit(r.status ?? 1);
  }
}
