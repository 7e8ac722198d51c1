import Mocha from 'mocha';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { RESTORE_BUDGET_MS, recordPristine, restorePristine } from './helpers';

/**
 * Runs every `*.test.js` beside this file with mocha (BDD) inside the extension host; resolves when
 * all pass, rejects with the failure count otherwise. Same shape as @vscode/test-electron expects.
 */
export function run(): Promise<void> {
  // Why 30 s per test: the first test waits for activation and the initial load in a cold host.
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    reporter: 'spec',
    timeout: 30_000,
    // Every test starts from the pristine fixture, restored even when the test before it failed (see helpers.ts).
    rootHooks: {
      beforeEach: async function (this: Mocha.Context) {
        this.timeout(RESTORE_BUDGET_MS + 30_000);
        await restorePristine(this.currentTest?.fullTitle() ?? '?');
      },
    },
  });
  recordPristine();
  // RUDDER_TEST_GREP (set by `node test/host/runHostTests.mjs --grep <text>`) runs only matching tests.
  const grep = process.env.RUDDER_TEST_GREP;
  if (grep) mocha.grep(new RegExp(grep));
  // A window on a .code-workspace file runs the multi-root suite, a single-folder window everything else; the parity
  // suite (CLI vs editor) runs in both.
  const multiRoot = vscode.workspace.workspaceFile !== undefined;
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js') && (f.startsWith('parity.') || f.startsWith('multiRoot.') === multiRoot))
    .sort();
  for (const f of files) mocha.addFile(path.join(__dirname, f));
  console.log(`[host-suite] ${files.length} test file(s): ${files.join(', ')}`);
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} host test(s) failed`)) : resolve()));
    } catch (e) {
      reject(e);
    }
  });
}
