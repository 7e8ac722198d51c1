// `npm start`: installs the VS Code host if missing, packages Rudder (production build), installs
// the .vsix into a throwaway extensions folder, serves code-server on 127.0.0.1 with the demo
// backlog open and prints the URL. Ctrl+C stops the server (by its process group) and cleans up.
// The demo is a throwaway copy of examples/demo made a git repository with the demo's history
// (examples/buildDemoHistory.mjs), so the roadmap shows forecasts, burn-ups and the Flow view;
// with --folder, that folder is served as it is.
// Usage: npm start [-- --port N] [-- --folder path]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { installHost } from './installHost.mjs';
import { startCodeServer, installExtension } from './codeServer.mjs';
import { repoRoot } from './fixtures.mjs';
import { copyDemoWithHistory } from '../../examples/buildDemoHistory.mjs';

function log(msg) {
  console.log(`[demo] ${msg}`);
}

function arg(name) {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  installHost();
  const given = arg('--folder');
  let folder;
  if (given) folder = resolve(repoRoot, given);
  else {
    const tmp = mkdtempSync(join(tmpdir(), 'rudder-demo-'));
    process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));
    folder = join(tmp, 'demo');
    log(`the demo with its git history (${copyDemoWithHistory(folder)} commits) in ${folder}; edits there are thrown away on exit`);
  }
  if (!existsSync(folder)) throw new Error(`no backlog folder at ${folder}`);
  log('packaging Rudder (npm run package) ...');
  const r = spawnSync('npm', ['run', 'package'], { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) throw new Error('npm run package failed');
  const { version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  const vsix = join(repoRoot, `rudder-${version}.vsix`);
  const extDir = mkdtempSync(join(tmpdir(), 'rudder-demo-ext-'));
  process.on('exit', () => rmSync(extDir, { recursive: true, force: true }));
  installExtension(vsix, extDir);
  log(`installed ${vsix}`);
  const server = await startCodeServer({ workspace: folder, extensionsDir: extDir, port: arg('--port') });
  const url = `${server.url}?folder=${encodeURIComponent(folder)}`;
  console.log('');
  console.log(`  Rudder on ${folder}`);
  console.log(`  Open ${url}`);
  console.log('  and click the Rudder icon (the ship\'s wheel) in the activity bar. Ctrl+C stops the server.');
  console.log('');
  // Stay up until Ctrl+C (codeServer.mjs stops the server on SIGINT/SIGTERM) or until it dies.
  await new Promise((resolveExit) => {
    const timer = setInterval(() => {
      try {
        process.kill(server.pid, 0);
      } catch {
        clearInterval(timer);
        resolveExit();
      }
    }, 1000);
  });
  log('code-server exited');
  process.exitCode = 1;
}

main().catch((e) => {
  console.error(`[demo] FAILED: ${e?.message ?? e}`);
  process.exitCode = 1;
});
