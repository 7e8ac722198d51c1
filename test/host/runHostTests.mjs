// Runs the integration suite inside code-server's extension hosts: installs the host if needed, builds, starts
// code-server on a copy of the fixture workspace, opens the workbench with the extensionDevelopmentPath/
// extensionTestsPath payload in chromium, prints the extension host's console; then does the same on a multi-root
// workspace (multiRoot.test.ts). Four passes: both workspaces in the Node extension host (out/host/index.js, the
// repository as the extension), then both in the browser's web worker extension host (out/host-web/index.js, in a copy
// of the extension whose manifest asks for it: webExtension.mjs). Exits with the result of all passes.
// Usage: node test/host/runHostTests.mjs [--no-build] [--grep <text in test titles>] [--node-only | --web-only]
import { spawnSync } from 'node:child_process';
import { format } from 'node:util';
import { join } from 'node:path';
import { installHost } from './installHost.mjs';
import { startCodeServer, delay } from './codeServer.mjs';
import { launchChromium, workbenchUrl } from './browser.mjs';
import { copyMultiRootWorkspace, copyWorkspace, repoRoot } from './fixtures.mjs';
import { prepareWebExtension } from './webExtension.mjs';

// Why 5 minutes: a cold workbench plus the suite takes ~20 s here; anything near 5 minutes is a hang.
const OVERALL_TIMEOUT_MS = Number(process.env.RUDDER_HOST_TEST_TIMEOUT_MS ?? 300_000);

function log(msg) {
  console.log(`[host-tests] ${msg}`);
}

function build() {
  for (const args of [['esbuild.js'], ['esbuild.js', '--tests']]) {
    const r = spawnSync(process.execPath, args, { cwd: repoRoot, stdio: 'inherit' });
    if (r.status !== 0) throw new Error(`node ${args.join(' ')} failed`);
  }
}

/**
 * Runs the suite in one workbench window on `ws` (a single folder, or a multi-root .code-workspace file); returns the
 * suite's exit code (1 on a timeout). The suite's index.ts picks the tests that fit the window. With `web`, the suite
 * runs in the web worker extension host, and the pass fails unless the suite said it ran there.
 */
async function runPass(label, ws, grep, { web = false } = {}) {
  let server;
  let browser;
  let webExt;
  let output = '';
  const started = Date.now();
  try {
    const env = { RUDDER_TEST_HOST: 'code-server', RUDDER_TEST_GREP: grep };
    server = await startCodeServer({ workspace: ws.folder, env });
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    let settle;
    const exitCode = new Promise((resolve) => (settle = resolve));
    // The workbench forwards its own console and the extension host's (mocha's reporter) here.
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      let line = format(...(Array.isArray(args) ? args : [args]));
      if (line.includes('ENOTFOUND open-vsx.org')) line = 'open-vsx.org unreachable (offline; harmless)';
      output += `${line}\n`;
      (type === 'error' ? console.error : console.log)(line.replace(/^/gm, '  [vscode] '));
    });
    await page.exposeFunction('codeAutomationExit', (code) => settle(Number(code)));
    page.on('pageerror', (e) => log(`page error: ${e.message}`));
    if (web) webExt = prepareWebExtension({ testsBundle: join(repoRoot, 'out', 'host-web', 'index.js'), options: { host: 'code-server', extensionHost: 'web', grep } });
    const url = workbenchUrl(server, {
      workspaceFile: ws.workspaceFile,
      extensionDevelopmentPath: web ? webExt.folder : repoRoot,
      extensionTestsPath: web ? webExt.testsPath : join(repoRoot, 'out', 'host', 'index.js'),
    });
    log(`${label}: opening ${url}`);
    await page.goto(url);
    const code = await Promise.race([exitCode, delay(OVERALL_TIMEOUT_MS).then(() => 'timeout')]);
    if (code === 'timeout') {
      log(`${label}: FAILED: no result within ${OVERALL_TIMEOUT_MS / 1000} s`);
      return 1;
    }
    // The suite says where it runs before its first test; a pass that ran anywhere else (or never said) has failed.
    const where = /\[host-suite\] extension host: (web worker|Node|unknown) /.exec(output)?.[1];
    const wanted = web ? 'web worker' : 'Node';
    if (code === 0 && where !== wanted) {
      log(`${label}: FAILED: the suite passed but did not report running in the ${wanted} extension host (it said: ${where ?? 'nothing'})`);
      return 1;
    }
    log(`${label}: ${code === 0 ? 'PASSED' : 'FAILED'}: the suite finished with exit code ${code} in ${((Date.now() - started) / 1000).toFixed(1)} s${where ? ` (ran in the ${where} extension host)` : ''}`);
    return code === 0 ? 0 : 1;
  } finally {
    await browser?.close().catch(() => {});
    await server?.stop();
    ws.dispose();
    webExt?.dispose();
  }
}

async function main() {
  installHost();
  if (!process.argv.includes('--no-build')) build();
  const grepAt = process.argv.indexOf('--grep');
  const grep = grepAt > 0 ? process.argv[grepAt + 1] : '';
  const passes = [];
  if (!process.argv.includes('--web-only')) {
    passes.push(['single folder (Node host)', await runPass('single folder (Node host)', copyWorkspace(), grep)]);
    passes.push(['multi-root workspace (Node host)', await runPass('multi-root workspace (Node host)', copyMultiRootWorkspace(), grep)]);
  }
  if (!process.argv.includes('--node-only')) {
    passes.push(['single folder (web worker)', await runPass('single folder (web worker)', copyWorkspace(), grep, { web: true })]);
    passes.push(['multi-root workspace (web worker)', await runPass('multi-root workspace (web worker)', copyMultiRootWorkspace(), grep, { web: true })]);
  }
  const failed = passes.some(([, code]) => code !== 0);
  log(`${failed ? 'FAILED' : 'PASSED'}: ${passes.map(([name, code]) => `${name} ${code === 0 ? 'passed' : 'failed'}`).join(', ')}`);
  process.exitCode = failed ? 1 : 0;
}

main().catch((e) => {
  console.error(`[host-tests] FAILED: ${e?.stack ?? e}`);
  process.exitCode = 1;
});
