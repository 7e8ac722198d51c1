// Web benchmark (issue 16): Rudder's browser entry in code-server's web worker extension host, what vscode.dev and
// github.dev run. Prints the minified web bundle's size, activation on the demo backlog, and a generated backlog
// (1,000 stories by default) listed in the tree with its diagnostics published, against the budgets; the same
// generated backlog in the Node extension host is the baseline measured in the same run. Figures, never a pass/fail
// on time: the exit code is 1 only when a run failed to produce figures.
//
//   node test/bench/webBench.mjs [--stories 1000]
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { format } from 'node:util';
import { arg, repo, repoRequire } from './benchArgs.mjs';
import { installHost } from '../host/installHost.mjs';
import { startCodeServer, delay, TEST_SETTINGS } from '../host/codeServer.mjs';
import { launchChromium, workbenchUrl } from '../host/browser.mjs';
import { copyWorkspace } from '../host/fixtures.mjs';
import { prepareWebExtension } from '../host/webExtension.mjs';

const require = repoRequire;
const esbuild = require('esbuild');
const { webExtension } = require(path.join(repo, 'esbuild.js'));
const STORIES = Number(arg('stories', 1000));
const TIMEOUT_MS = 5 * 60_000;
const log = (m) => console.log(`[web-bench] ${m}`);
const BUDGET = { bundleBytes: 1_000_000, activationMs: 200, listedWithDiagnosticsMs: 5000 };

/** Runs the bench suite once in a workbench on `folder`; returns its figures. */
async function measure(label, folder, { web }) {
  let server;
  let browser;
  const ext = web ? prepareWebExtension({ testsBundle: path.join(repo, 'out', 'webbench', 'index.js') }) : undefined;
  try {
    server = await startCodeServer({ workspace: folder });
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    let settle;
    let figures;
    const done = new Promise((r) => (settle = r));
    await page.exposeFunction('codeAutomationLog', (_type, args) => {
      const line = format(...(Array.isArray(args) ? args : [args]));
      const m = /\[web-bench\] (\{.*\})/.exec(line);
      if (m) figures = JSON.parse(m[1]);
    });
    await page.exposeFunction('codeAutomationExit', (code) => settle(Number(code)));
    const url = workbenchUrl(server, {
      extensionDevelopmentPath: web ? ext.folder : repo,
      extensionTestsPath: web ? path.join(ext.folder, 'out', 'host-web', 'index.js') : path.join(repo, 'out', 'webbench', 'index.js'),
    });
    await page.goto(url);
    const code = await Promise.race([done, delay(TIMEOUT_MS).then(() => 'timeout')]);
    if (!figures) throw new Error(`${label}: no figures (exit ${code})`);
    if (figures.error) throw new Error(`${label}: ${figures.error}`);
    return figures;
  } finally {
    await browser?.close().catch(() => {});
    await server?.stop();
    ext?.dispose();
  }
}

installHost();
if (spawnSync(process.execPath, ['esbuild.js'], { cwd: repo, stdio: 'inherit' }).status !== 0) process.exit(1);
// One CommonJS file that needs only 'vscode': the web worker's `require` knows nothing else (the Node host runs it too).
await esbuild.build({ ...webExtension, entryPoints: [path.join(repo, 'test/bench/webBenchSuite.ts')], outfile: path.join(repo, 'out', 'webbench', 'index.js'), sourcemap: false, minify: false, logLevel: 'warning' });
const bundle = await esbuild.build({ ...webExtension, absWorkingDir: repo, write: false, minify: true, sourcemap: false, logLevel: 'warning' });
const bundleBytes = bundle.outputFiles[0].contents.length;

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rudder-web-bench-'));
let exitCode = 1;
try {
  await esbuild.build({ stdin: { contents: "export { generateRudderBacklog } from './test/bench/generateBacklog';", resolveDir: repo, loader: 'ts' }, bundle: true, platform: 'node', format: 'cjs', outfile: path.join(tmp, 'generate.cjs'), logLevel: 'warning' });
  const { generateRudderBacklog } = require(path.join(tmp, 'generate.cjs'));
  const generated = path.join(tmp, 'generated');
  fs.mkdirSync(path.join(generated, '.vscode'), { recursive: true });
  fs.writeFileSync(path.join(generated, '.vscode', 'settings.json'), JSON.stringify(TEST_SETTINGS, null, 2));
  const g = generateRudderBacklog(generated, STORIES);
  log(`generated ${g.stories} stories, ${g.epics} epics, ${g.files} files (${(g.bytes / 1e6).toFixed(2)} MB)`);

  const demo = copyWorkspace('examples/demo');
  let onDemo;
  try {
    onDemo = await measure('demo (web worker)', demo.folder, { web: true });
  } finally {
    demo.dispose();
  }
  const big = await measure(`${STORIES} stories (web worker)`, generated, { web: true });
  const baseline = await measure(`${STORIES} stories (Node host, baseline)`, generated, { web: false });

  const row = (name, value, unit, budget, base) => {
    const ok = budget === undefined ? '' : value <= budget ? `  ✓ budget ≤ ${budget} ${unit}` : `  ✗ budget ≤ ${budget} ${unit}`;
    const ratio = base ? `  (Node host ${base} ${unit}, ×${(value / base).toFixed(2)})` : '';
    log(`${name.padEnd(58)} ${String(value).padStart(9)} ${unit}${ok}${ratio}`);
  };
  log(`hosts: demo in ${onDemo.hostKind} (no process: ${onDemo.noProcess}); generated in ${big.hostKind} (no process: ${big.noProcess}); baseline in ${baseline.hostKind}`);
  row('web bundle, minified (dist/web/extension.js)', bundleBytes, 'bytes', BUDGET.bundleBytes);
  row(`activation on the demo (${onDemo.stories} stories), web worker`, onDemo.activationMs, 'ms', BUDGET.activationMs);
  row(`demo listed with its diagnostics (from activation)`, onDemo.diagnosticsMs, 'ms');
  row(`activation on ${big.stories} stories, web worker`, big.activationMs, 'ms', BUDGET.activationMs, baseline.activationMs);
  row(`${big.stories} stories listed in the tree (from activation)`, big.listedMs, 'ms', undefined, baseline.listedMs);
  row(`${big.stories} stories listed with diagnostics (${big.filesWithIssues} files)`, big.diagnosticsMs, 'ms', BUDGET.listedWithDiagnosticsMs, baseline.diagnosticsMs);
  exitCode = onDemo.hostKind === 'web' && big.hostKind === 'web' && baseline.hostKind === 'node' ? 0 : 1;
} catch (e) {
  log(`FAILED: ${e?.stack ?? e}`);
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
process.exit(exitCode);
