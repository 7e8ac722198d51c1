// Host benchmark (issue 4): Rudder in the real extension host (code-server) on a generated backlog.
// Prints activation time, first tree page, all diagnostics, one story edit, a change burst and the
// extension host's memory, against the targets.
//
//   node test/bench/hostBench.mjs [--stories 10000] [--burst 2000]
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { arg, repo, repoRequire } from './benchArgs.mjs';
import { installHost } from '../host/installHost.mjs';
import { startCodeServer, delay, TEST_SETTINGS } from '../host/codeServer.mjs';
import { launchChromium, workbenchUrl } from '../host/browser.mjs';

const require = repoRequire;
const esbuild = require('esbuild');
const STORIES = Number(arg('stories', 10000));
const BURST = Number(arg('burst', 2000));
const TIMEOUT_MS = 15 * 60_000;
const log = (m) => console.log(`[host-bench] ${m}`);

installHost();
if (spawnSync(process.execPath, ['esbuild.js'], { cwd: repo, stdio: 'inherit' }).status !== 0) process.exit(1);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rudder-host-bench-'));
const outDir = path.join(repo, 'out', 'hostbench');
await esbuild.build({ entryPoints: [path.join(repo, 'test/bench/hostBenchSuite.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'], outfile: path.join(outDir, 'index.js'), logLevel: 'warning' });
await esbuild.build({ stdin: { contents: "export { generateRudderBacklog } from './test/bench/generateBacklog';", resolveDir: repo, loader: 'ts' }, bundle: true, platform: 'node', format: 'cjs', outfile: path.join(tmp, 'generate.cjs'), logLevel: 'warning' });
const { generateRudderBacklog } = require(path.join(tmp, 'generate.cjs'));

const folder = path.join(tmp, 'workspace');
fs.mkdirSync(path.join(folder, '.vscode'), { recursive: true });
fs.writeFileSync(path.join(folder, '.vscode', 'settings.json'), JSON.stringify(TEST_SETTINGS, null, 2));
const g0 = Date.now();
const generated = generateRudderBacklog(folder, STORIES);
log(`generated ${generated.stories} stories, ${generated.epics} epics, ${generated.files} files (${(generated.bytes / 1e6).toFixed(1)} MB) in ${Date.now() - g0} ms`);

const resultFile = path.join(tmp, 'figures.json');
let server;
let browser;
let exitCode = 1;
try {
  server = await startCodeServer({ workspace: folder, env: { RUDDER_BENCH_OUT: resultFile, RUDDER_BENCH_BURST: String(BURST) } });
  browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  let settle;
  const done = new Promise((r) => (settle = r));
  await page.exposeFunction('codeAutomationLog', () => {});
  await page.exposeFunction('codeAutomationExit', (code) => settle(Number(code)));
  await page.goto(workbenchUrl(server, { extensionDevelopmentPath: repo, extensionTestsPath: path.join(outDir, 'index.js') }));
  const code = await Promise.race([done, delay(TIMEOUT_MS).then(() => 'timeout')]);
  if (!fs.existsSync(resultFile)) throw new Error(`no figures (${code})`);
  const f = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
  if (f.error) throw new Error(f.error);
  const row = (name, value, unit, target) => {
    const ok = target === undefined ? '' : value <= target ? `  ✓ target < ${target} ${unit}` : `  ✗ target < ${target} ${unit}`;
    log(`${name.padEnd(44)} ${String(value).padStart(8)} ${unit}${ok}`);
  };
  log(`backlog: ${f.stories} stories in ${f.files} files; ${f.filesWithIssues} files with issues`);
  row('activation (activate() itself)', f.activationMs, 'ms', 100);
  row(`first tree page (${30} rows, from activation)`, f.firstPageMs, 'ms', 3000);
  row('whole backlog loaded (from activation)', f.loadedMs, 'ms');
  row('ranked first page built from the index', f.rankedFirstPageBuildMs, 'ms');
  row('all diagnostics published (from activation)', f.diagnosticsMs, 'ms', 6000);
  row('one story edit: index + tree + diagnostics (median)', f.editMs, 'ms', 50);
  row('one story edit (max of 12)', f.editMaxMs, 'ms');
  row(`burst: ${f.burstFiles} files written by node fs`, f.burstWriteMs, 'ms');
  row(`burst settled (from first write)`, f.burstSettleMs, 'ms', 5000);
  log(`burst leaves the index equal to a fresh scan: ${f.burstIndexEqualsFreshScan ? 'yes ✓' : 'NO ✗'}`);
  row('background re-read after the burst', f.verifyMs, 'ms');
  log(`index equals a fresh scan after the re-read: ${f.indexEqualsFreshScanAfterVerify ? 'yes ✓' : 'NO ✗'}`);
  log(`loader (cumulative ms): ${JSON.stringify(f.loaderStats)}`);
  row('extension host RSS', f.hostRssMb, 'MB');
  row('extension host heap used', f.hostHeapUsedMb, 'MB');
  exitCode = f.indexEqualsFreshScanAfterVerify ? 0 : 1;
} catch (e) {
  log(`FAILED: ${e?.stack ?? e}`);
} finally {
  await browser?.close().catch(() => {});
  await server?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
}
process.exit(exitCode);
