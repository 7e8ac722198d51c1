// Runs the UI tests (test/ui/*.test.mjs) with mocha after installing the host and building.
// Usage: node test/ui/runUiTests.mjs [--no-build] [mocha args...]
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { installHost } from '../host/installHost.mjs';
import { repoRoot } from '../host/fixtures.mjs';

try {
  installHost();
} catch (e) {
  console.error(`[ui-tests] FAILED to install the host: ${e.message}`);
  process.exit(1);
}
const args = process.argv.slice(2);
if (!args.includes('--no-build')) {
  const r = spawnSync(process.execPath, ['esbuild.js'], { cwd: repoRoot, stdio: 'inherit' });
  if (r.status !== 0) process.exit(1);
}
const files = readdirSync(join(repoRoot, 'test', 'ui')).filter((f) => f.endsWith('.test.mjs')).map((f) => join('test', 'ui', f));
console.log(`[ui-tests] running ${files.join(', ')}`);
const mocha = join(repoRoot, 'node_modules', 'mocha', 'bin', 'mocha.js');
const r = spawnSync(process.execPath, [mocha, '--reporter', 'spec', '--timeout', '120000', ...files, ...args.filter((a) => a !== '--no-build')], { cwd: repoRoot, stdio: 'inherit' });
process.exit(r.status ?? 1);
