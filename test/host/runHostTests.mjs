// Runs the integration suite (out/host/index.js) inside code-server's Node extension host:
// installs the host if needed, builds, starts code-server on a copy of the fixture workspace, opens
// the workbench with the extensionDevelopmentPath/extensionTestsPath payload in chromium, prints the
// extension host's console; then does the same on a multi-root workspace (multiRoot.test.ts), and
// exits with the result of both passes.
// Usage: node test/host/runHostTests.mjs [--no-build] [--grep <text in test titles>]
import { spawnSync } from 'node:child_process';
import { format } from 'node:util';
import { join } from 'node:path';
import { installHost } from './installHost.mjs';
import { startCodeServer, delay } from './codeServer.mjs';
import { launchChromium, workbenchUrl } from './browser.mjs';
import { copyMultiRootWorkspace, copyWorkspace, repoRoot } from './fixtures.mjs';

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
 * suite's exit code (1 on a timeout). The suite's index.ts picks the tests that fit the window.
 */
async function runPass(label, ws, grep) {
  let server;
  let browser;
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
      (type === 'error' ? console.error : console.log)(line.replace(/^/gm, '  [vscode] '));
    });
    await page.exposeFunction('codeAutomationExit', (code) => settle(Number(code)));
    page.on('pageerror', (e) => log(`page error: ${e.message}`));
    const url = workbenchUrl(server, {
      workspaceFile: ws.workspaceFile,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: join(repoRoot, 'out', 'host', 'index.js'),
    });
    log(`${label}: opening ${url}`);
    await page.goto(url);
    const code = await Promise.race([exitCode, delay(OVERALL_TIMEOUT_MS).then(() => 'timeout')]);
    if (code === 'timeout') {
      log(`${label}: FAILED: no result within ${OVERALL_TIMEOUT_MS / 1000} s`);
      return 1;
    }
    log(`${label}: ${code === 0 ? 'PASSED' : 'FAILED'}: the suite finished with exit code ${code} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return code === 0 ? 0 : 1;
  } finally {
    await browser?.close().catch(() => {});
    await server?.stop();
    ws.dispose();
  }
}

async function main() {
  installHost();
  if (!process.argv.includes('--no-build')) build();
  const grepAt = process.argv.indexOf('--grep');
  const grep = grepAt > 0 ? process.argv[grepAt + 1] : '';
  const single = await runPass('single folder', copyWorkspace(), grep);
  const multi = await runPass('multi-root workspace', copyMultiRootWorkspace(), grep);
  const failed = single !== 0 || multi !== 0;
  log(`${failed ? 'FAILED' : 'PASSED'}: single folder ${single === 0 ? 'passed' : 'failed'}, multi-root workspace ${multi === 0 ? 'passed' : 'failed'}`);
  process.exitCode = failed ? 1 : 0;
}

main().catch((e) => {
  console.error(`[host-tests] FAILED: ${e?.stack ?? e}`);
  process.exitCode = 1;
});
