// The packaged extension: builds rudder-<version>.vsix (npm run package), checks its file list has
// no source, tests, source maps or node_modules and holds both entries, installs it into a fresh code-server
// extensions folder with `code-server --install-extension`, then opens the fixture workspace WITHOUT
// extensionDevelopmentPath twice and checks through the UI that the Rudder view shows the backlog: once as installed
// (its `main` entry in the Node extension host), once with the user setting `remote.extensionKind` asking for the web
// worker (its `browser` entry, as vscode.dev and github.dev run it). Rudder's Output names the host each time.
// Usage: node test/host/runVsixTest.mjs [--no-package]
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installHost } from './installHost.mjs';
import { installExtension } from './codeServer.mjs';
import { repoRoot } from './fixtures.mjs';
import { openWorkbench, openRudderView, readTreeRows, rudderActivationLine } from '../ui/workbench.mjs';
import { FIXTURE_ROWS } from '../ui/fixtureBacklog.mjs';

function log(msg) {
  console.log(`[vsix-test] ${msg}`);
}

function npx(args) {
  const r = spawnSync('npx', args, { cwd: repoRoot, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`npx ${args.join(' ')} failed (${r.status}):\n${r.stdout}${r.stderr}`);
  return r.stdout;
}

/** Returns the problems in a `vsce ls` file list (empty when the package is lean and complete). */
function checkFileList(files) {
  const problems = [];
  for (const f of files) {
    if (f.endsWith('.map')) problems.push(`source map: ${f}`);
    if (/^(test|src|out|node_modules|examples|\.vscode-test|\.vscode)\//.test(f)) problems.push(`not for the package: ${f}`);
    if (/\.ts$/.test(f) && !f.endsWith('.d.ts')) problems.push(`TypeScript source: ${f}`);
  }
  for (const required of ['package.json', 'dist/extension.js', 'dist/web/extension.js', 'README.md', 'CHANGELOG.md', 'LICENSE', 'media/icon.png', 'media/rudder.svg']) {
    if (!files.includes(required)) problems.push(`missing: ${required}`);
  }
  return problems;
}

async function main() {
  installHost();
  const { version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  const vsix = join(repoRoot, `rudder-${version}.vsix`);
  if (!process.argv.includes('--no-package') || !existsSync(vsix)) {
    log('npm run package (production build + vsce package)');
    const r = spawnSync('npm', ['run', 'package'], { cwd: repoRoot, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('npm run package failed');
  }
  assert.ok(existsSync(vsix), `${vsix} was not produced`);
  log(`package: ${vsix}`);

  const files = npx(['vsce', 'ls', '--no-dependencies']).split('\n').map((l) => l.trim()).filter(Boolean);
  log(`vsce ls: ${files.length} files: ${files.join(', ')}`);
  const problems = checkFileList(files);
  assert.deepEqual(problems, [], `package content problems:\n${problems.join('\n')}`);
  log('vsce ls: no source, tests, source maps or node_modules; required files present');

  const extDir = mkdtempSync(join(tmpdir(), 'rudder-vsix-ext-'));
  try {
    const out = installExtension(vsix, extDir);
    log(`installed: ${out.trim().split('\n').pop()}`);
    const installed = readdirSync(extDir).filter((d) => d.startsWith('rudder.rudder-'));
    assert.equal(installed.length, 1, `extensions folder holds: ${readdirSync(extDir).join(', ')}`);
    const manifest = JSON.parse(readFileSync(join(extDir, installed[0], 'package.json'), 'utf8'));
    assert.deepEqual([manifest.main, manifest.browser], ['./dist/extension.js', './dist/web/extension.js'], 'the installed manifest names both entries');
    // As installed: code-server's workbench runs an extension with a `main` entry in its Node extension host.
    await checkEntry(extDir, { host: 'Node', shot: '05-vsix-installed' });
    // The setting a workbench honours to move an extension to the browser's web worker host (where only `browser` runs).
    await checkEntry(extDir, { host: 'web worker', shot: '06-vsix-installed-web-worker', settings: { 'remote.extensionKind': { 'rudder.rudder': ['web'] } } });
  } finally {
    rmSync(extDir, { recursive: true, force: true });
  }
}

/** Opens the fixture workspace with the installed package; checks the Rudder view and the host its Output names. */
async function checkEntry(extDir, { host, shot, settings }) {
  let wb;
  try {
    wb = await openWorkbench({ extensionDevelopmentPath: null, extensionsDir: extDir, settings });
    await openRudderView(wb.page);
    const rows = await readTreeRows(wb.page);
    assert.deepEqual(rows, FIXTURE_ROWS);
    const line = await rudderActivationLine(wb.page);
    log(`${host} extension host: ${line}`);
    assert.match(line, new RegExp(`activated in the ${host} extension host`), `the ${host === 'Node' ? 'main' : 'browser'} entry ran`);
    await wb.shot(shot);
    log(`the installed .vsix activates in the ${host} extension host and its Rudder view lists the ${rows.length} fixture stories in order`);
  } finally {
    await wb?.close();
  }
}

main().then(
  () => log('PASSED'),
  (e) => {
    console.error(`[vsix-test] FAILED: ${e?.stack ?? e}`);
    process.exitCode = 1;
  },
);
