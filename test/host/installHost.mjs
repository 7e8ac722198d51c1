// Installs what the VS Code host tests need, idempotently: the Debian packages, code-server 4.100.3
// (VS Code 1.100.3) with its native modules in .vscode-test/code-server/, and checks chromium.
// Every pitfall handled here is described in TESTING.md. Usage: node test/host/installHost.mjs
import { existsSync, mkdirSync, writeFileSync, readFileSync, copyFileSync, chmodSync, rmSync, mkdtempSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir, arch } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3';
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const hostDir = join(repoRoot, '.vscode-test', 'code-server');
const csModule = join(hostDir, 'node_modules', 'code-server');
export const codeServerBin = join(csModule, 'out', 'node', 'entry.js');
const ptyNode = join(csModule, 'lib', 'vscode', 'node_modules', 'node-pty', 'build', 'Release', 'pty.node');
const bundledRg = join(csModule, 'lib', 'vscode', 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg');
// Written last, so a half-finished install (killed, failed) is redone on the next run.
const doneMarker = join(hostDir, `.installed-${CODE_SERVER_VERSION}`);

const DEBIAN_PACKAGES = [
  { pkg: 'libkrb5-dev', why: 'code-server\'s kerberos module compiles against gssapi' },
  { pkg: 'build-essential', why: 'node-gyp builds native modules' },
  { pkg: 'python3', why: 'node-gyp' },
  { pkg: 'ripgrep', why: 'replaces the rg that @vscode/ripgrep would download from GitHub' },
  { pkg: 'chromium', why: 'the browser that drives the workbench' },
  { pkg: 'git', why: 'the history reader (flow metrics, Monte Carlo forecasts, burn-ups), its tests and the demo\'s history' },
];

function log(msg) {
  console.log(`[install-host] ${msg}`);
}

class InstallError extends Error {}

function run(cmd, args, opts = {}) {
  log(`$ ${cmd} ${args.join(' ')}${opts.cwd ? `   (in ${opts.cwd})` : ''}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.error) throw new InstallError(`${cmd} could not start: ${r.error.message}`);
  if (r.status !== 0) throw new InstallError(`${cmd} ${args.join(' ')} exited with ${r.status}`);
}

function isDebianPackageInstalled(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

function which(cmd) {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

function ensureDebianPackages() {
  if (!which('dpkg-query')) {
    log('not a Debian/Ubuntu system (no dpkg-query): make sure these are installed yourself: ' + DEBIAN_PACKAGES.map((p) => p.pkg).join(', '));
    return;
  }
  const missing = DEBIAN_PACKAGES.filter((p) => !isDebianPackageInstalled(p.pkg));
  if (missing.length === 0) {
    log(`Debian packages present: ${DEBIAN_PACKAGES.map((p) => p.pkg).join(', ')}`);
    return;
  }
  for (const p of missing) log(`missing Debian package ${p.pkg} (${p.why})`);
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const prefix = root ? [] : which('sudo') ? ['sudo', '-n'] : undefined;
  if (!prefix) throw new InstallError(`not root and no sudo: run as root: apt-get install -y ${missing.map((p) => p.pkg).join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const [cmd, ...pre] = [...prefix, 'apt-get'];
  run(cmd, [...pre, 'update'], { env });
  run(cmd, [...pre, 'install', '-y', '--no-install-recommends', ...missing.map((p) => p.pkg)], { env });
  const still = missing.filter((p) => !isDebianPackageInstalled(p.pkg));
  if (still.length) throw new InstallError(`apt-get did not install: ${still.map((p) => p.pkg).join(', ')}`);
}

// @vscode/ripgrep's postinstall downloads rg from GitHub (unreachable here) unless its cache holds the archive.
function seedRipgrepCache() {
  const rg = which('rg');
  if (!rg) throw new InstallError('rg not found although ripgrep is installed');
  const target = arch() === 'arm64' ? 'aarch64-unknown-linux-gnu' : 'x86_64-unknown-linux-musl';
  const cacheDir = join(process.env.TMPDIR || tmpdir(), 'vscode-ripgrep-cache-1.15.11');
  const archive = join(cacheDir, `ripgrep-v13.0.0-10-${target}.tar.gz`);
  if (existsSync(archive)) {
    log(`ripgrep cache already seeded: ${archive}`);
    return;
  }
  mkdirSync(cacheDir, { recursive: true });
  const stage = mkdtempSync(join(tmpdir(), 'rudder-rg-'));
  copyFileSync(rg, join(stage, 'rg'));
  chmodSync(join(stage, 'rg'), 0o755);
  run('tar', ['-czf', archive, '-C', stage, 'rg']);
  rmSync(stage, { recursive: true, force: true });
  log(`seeded the ripgrep cache with Debian's rg: ${archive}`);
}

function installedVersion() {
  try {
    return JSON.parse(readFileSync(join(csModule, 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

function ensureCodeServer() {
  if (existsSync(doneMarker) && installedVersion() === CODE_SERVER_VERSION && existsSync(ptyNode) && existsSync(codeServerBin)) {
    log(`code-server ${CODE_SERVER_VERSION} already installed in ${hostDir}`);
    return;
  }
  const started = Date.now();
  if (installedVersion() === CODE_SERVER_VERSION && existsSync(ptyNode)) {
    log(`code-server ${CODE_SERVER_VERSION} files present but not verified yet: verifying`);
  } else {
    npmInstallCodeServer();
  }
  verifyCodeServer(started);
}

function npmInstallCodeServer() {
  log(`installing code-server@${CODE_SERVER_VERSION} into ${hostDir} (about a minute) ...`);
  mkdirSync(hostDir, { recursive: true });
  writeFileSync(join(hostDir, 'package.json'), JSON.stringify({ name: 'rudder-vscode-host', private: true }, null, 2) + '\n');
  seedRipgrepCache();
  const env = {
    ...process.env,
    // code-server's own postinstall must run although we are root.
    npm_config_unsafe_perm: 'true',
    // node-pty's postinstall calls `npx node-gyp`, which would otherwise prompt.
    npm_config_yes: 'true',
  };
  run('npm', ['install', `code-server@${CODE_SERVER_VERSION}`, '--no-audit', '--no-fund', '--no-package-lock'], { cwd: hostDir, env });
  if (!existsSync(ptyNode)) {
    log(`node-pty was not built (${ptyNode} missing): running code-server's postinstall.sh by hand`);
    run('sh', ['postinstall.sh'], { cwd: csModule, env: { ...env, npm_config_user_agent: `npm/11 node/${process.version} linux x64` } });
  }
  if (!existsSync(ptyNode)) throw new InstallError(`node-pty native module still missing: ${ptyNode}`);
  if (!existsSync(bundledRg)) {
    log(`bundled rg missing: copying Debian's rg to ${bundledRg}`);
    mkdirSync(dirname(bundledRg), { recursive: true });
    copyFileSync(which('rg'), bundledRg);
    chmodSync(bundledRg, 0o755);
  }
}

function verifyCodeServer(started) {
  if (!existsSync(ptyNode)) throw new InstallError(`node-pty native module missing: ${ptyNode}`);
  // XDG_CONFIG_HOME: code-server writes a default config file on any start; keep it out of ~/.config.
  const env = { ...process.env, XDG_CONFIG_HOME: join(hostDir, '..', 'xdg-config') };
  const v = spawnSync(process.execPath, [codeServerBin, '--version'], { encoding: 'utf8', env });
  const line = v.stdout.split('\n').find((l) => l.startsWith(CODE_SERVER_VERSION));
  if (v.status !== 0 || !line) {
    throw new InstallError(`code-server --version failed: ${v.stdout}${v.stderr}`);
  }
  writeFileSync(doneMarker, new Date().toISOString() + '\n');
  log(`code-server ready: ${line} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
}

/** Returns the path of a working chromium, or throws. */
export function findChromium() {
  return checkChromium().exe;
}

/** Returns the chromium that drives the tests and its version (what `--version` prints, and Debian's package version). */
function checkChromium() {
  const exe = process.env.RUDDER_CHROMIUM || which('chromium') || which('chromium-browser');
  if (!exe) throw new InstallError('chromium not found (apt-get install chromium)');
  const r = spawnSync(exe, ['--version'], { encoding: 'utf8' });
  if (r.status !== 0) throw new InstallError(`${exe} --version failed: ${r.stderr}`);
  const pkg = spawnSync('dpkg-query', ['-W', '-f=${Version}', 'chromium'], { encoding: 'utf8' });
  const version = (r.stdout.split('\n').find((l) => /chromium/i.test(l)) ?? r.stdout).trim();
  return { exe, version: pkg.status === 0 && pkg.stdout ? `${version}; Debian package chromium ${pkg.stdout.trim()}` : version };
}

/** Installs whatever is missing; returns { codeServerBin, chromium }. Throws InstallError with what failed. */
export function installHost() {
  ensureDebianPackages();
  ensureCodeServer();
  const { exe: chromium, version } = checkChromium();
  // Why in every test run's output: UI behaviour has differed between chromium builds; a failure must say which one ran.
  log(`chromium ok: ${chromium} (${version})`);
  return { codeServerBin, chromium };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    installHost();
    log('host ready');
  } catch (e) {
    console.error(`[install-host] FAILED: ${e instanceof InstallError ? e.message : e?.stack ?? e}`);
    process.exit(1);
  }
}
