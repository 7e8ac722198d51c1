// Runs the UI tests (test/ui/*.test.mjs) with mocha after installing the host and building.
// Usage: node test/ui/runUiTests.mjs [--no-build] [test/ui/x.test.mjs ...] [mocha args...]
// With test files named, only those run; otherwise every test/ui/*.test.mjs.
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
const named = args.filter((a) => a.endsWith('.test.mjs'));
const files = named.length ? named : readdirSync(join(repoRoot, 'test', 'ui')).filter((f) => f.endsWith('.test.mjs')).map((f) => join('test', 'ui', f));
console.log(`[ui-tests] running ${files.join(', ')}`);
const mocha = join(repoRoot, 'node_modules', 'mocha', 'bin', 'mocha.js');
const r = spawnSync(process.execPath, [mocha, '--reporter', 'spec', '--timeout', '120000', ...files, ...args.filter((a) => a !== '--no-build' && !a.endsWith('.test.mjs'))], { cwd: repoRoot, stdio: 'inherit' });
process.exit(r.status ?? 1);
