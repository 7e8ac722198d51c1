// Starts and stops code-server (VS Code 1.100 in the browser) for tests and the demo: loopback only,
// a free port, throwaway user-data/extensions/config folders, and always stopped by its process group.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { codeServerBin } from './installHost.mjs';

/** Settings that keep the workbench quiet and the screenshots clean. */
export const TEST_SETTINGS = {
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.enableExperiments': false,
  // Light: a window opened with extensionDevelopmentPath shows a light theme whatever the settings say; match it.
  'workbench.colorTheme': 'Default Light Modern',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'extensions.ignoreRecommendations': true,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'update.showReleaseNotes': false,
  'git.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  'chat.commandCenter.enabled': false,
  'window.commandCenter': false,
  'editor.minimap.enabled': false,
};

const running = new Set();
const interruptHooks = new Set();
let handlersInstalled = false;

/** Registers async cleanup (closing a browser) to run on Ctrl+C/SIGTERM before the servers are killed; returns an unregister function. */
export function onInterrupt(fn) {
  installSignalHandlers();
  interruptHooks.add(fn);
  return () => interruptHooks.delete(fn);
}

function log(msg) {
  console.log(`[code-server] ${msg}`);
}

// Kills every server still running; synchronous so it also works from 'exit' and signal handlers.
function killAllNow() {
  for (const server of running) server.killNow();
}

function installSignalHandlers() {
  if (handlersInstalled) return;
  handlersInstalled = true;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, async () => {
      log(`${signal}: stopping ${running.size} server(s) and ${interruptHooks.size} browser(s)`);
      // Why 3 s: closing a browser takes well under a second; never let cleanup keep Ctrl+C waiting.
      await Promise.race([Promise.allSettled([...interruptHooks].map((f) => f())), delay(3000)]);
      killAllNow();
      process.exit(signal === 'SIGINT' ? 130 : 143);
    });
  }
  process.on('exit', killAllNow);
}

/** Returns a TCP port that was free on 127.0.0.1 a moment ago. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts code-server on `workspace`; returns { url, port, pid, folder, userDataDir, extensionsDir, output(), stop() }.
 * Options: extensionsDir (default: a fresh temp folder), port (default: a free one), settings (merged over TEST_SETTINGS),
 * env (extra environment, also seen by the extension host), quiet (do not echo the server's output), startTimeoutMs.
 */
export async function startCodeServer({ workspace, extensionsDir, port: fixedPort, settings = {}, env = {}, quiet = true, startTimeoutMs = 60_000, keepTemp = false } = {}) {
  if (!existsSync(codeServerBin)) throw new Error(`code-server is not installed (${codeServerBin}); run: npm run install-host`);
  installSignalHandlers();
  const tmp = mkdtempSync(join(tmpdir(), 'rudder-code-server-'));
  const userDataDir = join(tmp, 'user-data');
  const extDir = extensionsDir ?? join(tmp, 'extensions');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extDir, { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...TEST_SETTINGS, ...settings }, null, 2));
  const port = fixedPort ? Number(fixedPort) : await freePort();
  const configFile = join(tmp, 'config.yaml');
  writeFileSync(configFile, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const args = [
    codeServerBin,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extDir,
    '--config', configFile,
    '--ignore-last-opened',
    workspace,
  ];
  // detached: the server gets its own process group, so stop() can kill it with every child it spawned
  // (extension host, file watcher, pty host) in one signal.
  const child = spawn(process.execPath, args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env, XDG_CONFIG_HOME: join(tmp, 'xdg-config'), XDG_DATA_HOME: join(tmp, 'xdg-data'), XDG_CACHE_HOME: join(tmp, 'xdg-cache') },
  });
  let output = '';
  let exited = false;
  const server = {
    port,
    pid: child.pid,
    url: `http://127.0.0.1:${port}/`,
    folder: workspace,
    userDataDir,
    extensionsDir: extDir,
    output: () => output,
    killNow() {
      if (!exited) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          /* already gone */
        }
      }
      running.delete(server);
      if (!keepTemp) rmSync(tmp, { recursive: true, force: true });
    },
    async stop() {
      if (!running.has(server)) return;
      if (!exited) {
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          /* already gone */
        }
        // Why 5 s: code-server exits within a second on SIGTERM; anything slower is stuck and gets SIGKILL.
        const gone = await Promise.race([exitPromise.then(() => true), delay(5000).then(() => false)]);
        if (!gone) log(`pid ${child.pid} ignored SIGTERM: SIGKILL`);
      }
      server.killNow(); // also SIGKILLs any straggler in the group and removes the temp folders
      log(`stopped (pid ${child.pid})`);
    },
  };
  const exitPromise = new Promise((resolve) => child.once('exit', (code, signal) => {
    exited = true;
    resolve({ code, signal });
  }));
  running.add(server);
  const listening = new Promise((resolve, reject) => {
    const onData = (chunk) => {
      const text = chunk.toString();
      output += text;
      if (!quiet) process.stdout.write(text.replace(/^/gm, '  [cs] '));
      if (output.includes('HTTP server listening')) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    exitPromise.then(({ code, signal }) => reject(new Error(`code-server exited before listening (code ${code}, signal ${signal}):\n${output}`)));
  });
  try {
    await Promise.race([
      listening,
      delay(startTimeoutMs).then(() => {
        throw new Error(`code-server did not print "HTTP server listening" within ${startTimeoutMs / 1000} s:\n${output}`);
      }),
    ]);
  } catch (e) {
    await server.stop();
    throw e;
  }
  log(`listening on ${server.url} (pid ${child.pid}, workspace ${workspace})`);
  return server;
}

/** Installs a .vsix (or extension id) into an extensions folder with code-server's CLI; returns its output. */
export function installExtension(vsix, extensionsDir) {
  const tmp = mkdtempSync(join(tmpdir(), 'rudder-cs-install-'));
  try {
    const r = spawnSync(process.execPath, [codeServerBin, '--install-extension', vsix, '--force', '--extensions-dir', extensionsDir, '--user-data-dir', join(tmp, 'ud')], {
      encoding: 'utf8',
      env: { ...process.env, XDG_CONFIG_HOME: join(tmp, 'xdg-config'), XDG_DATA_HOME: join(tmp, 'xdg-data') },
      timeout: 120_000,
    });
    const out = `${r.stdout}${r.stderr}`;
    if (r.status !== 0) throw new Error(`code-server --install-extension ${vsix} failed (${r.status}):\n${out}`);
    return out;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

export function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
