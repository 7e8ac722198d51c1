// The host suite in a browser's web worker extension host (runHostTests.mjs, the "web worker" passes): the same test
// files as the Node run (test/host/suite), bundled into this one CommonJS file — the worker evaluates it with a
// `require` that knows only 'vscode' — with mocha's browser build, node:assert/strict mapped to ./assert.ts and
// ../suite/nodeOnly.ts to ./nodeOnly.ts (esbuild.js). `rudder:host-suites` is the list of suite files esbuild.js finds.
import 'mocha/mocha.js';
import { SUITES } from 'rudder:host-suites';
import { hostMochaOptions, prepareHostSuite, suiteFilesFor } from '../suite/suiteSetup';

/** Runs the suite files that fit the window; resolves when all pass, rejects with the failure count otherwise. */
export async function run(): Promise<void> {
  const options = await prepareHostSuite();
  const { rootHooks, timeout, reporter } = hostMochaOptions();
  // The browser build's setup() calls one method per option: ui, reporter, timeout, rootHooks, color.
  mocha.setup({ ui: 'bdd', reporter: reporter as string, timeout: timeout as number, rootHooks, color: false } as unknown as Mocha.MochaOptions);
  if (options.grep) mocha.grep(new RegExp(options.grep));
  const files = suiteFilesFor(Object.keys(SUITES));
  // Requiring a suite file runs its describe() calls, now that setup() has defined them.
  for (const f of files) SUITES[f]();
  console.log(`[host-suite] ${files.length} test file(s) in the web worker: ${files.join(', ')}`);
  // Why Mocha.prototype.run and not mocha.run: the browser build's run() reads `location.search` for a grep, and
  // VS Code's web worker extension host has no `location`.
  const MochaClass = (globalThis as unknown as { Mocha: { prototype: { run(this: BrowserMocha, fn: (failures: number) => void): unknown } } }).Mocha;
  return new Promise((resolve, reject) => {
    try {
      MochaClass.prototype.run.call(mocha, (failures) => (failures > 0 ? reject(new Error(`${failures} host test(s) failed`)) : resolve()));
    } catch (e) {
      reject(e);
    }
  });
}
