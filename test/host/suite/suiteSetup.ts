import type Mocha from 'mocha';
import * as vscode from 'vscode';
import { RESTORE_BUDGET_MS, recordPristine, restorePristine } from './helpers';
import { loadTestOptions, type HostTestOptions } from './testOptions';

// What the Node runner (index.ts) and the web worker runner (test/host/web/index.ts) share: the mocha options, the
// root hook that restores the fixture, and which suite files a window runs.

/** The mocha options of the host suite; every test starts from the pristine fixture (see helpers.ts). */
export function hostMochaOptions(): Mocha.MochaOptions {
  return {
    ui: 'bdd',
    color: false,
    reporter: 'spec',
    // Why 30 s per test: the first test waits for activation and the initial load in a cold host.
    timeout: 30_000,
    // Every test starts from the pristine fixture, restored even when the test before it failed (see helpers.ts).
    rootHooks: {
      beforeEach: async function (this: Mocha.Context) {
        this.timeout(RESTORE_BUDGET_MS + 30_000);
        await restorePristine(this.currentTest?.fullTitle() ?? '?');
      },
    },
  };
}

/**
 * Returns the suite files (`x.test.js` names) this window runs, sorted: a window on a .code-workspace file runs the
 * multi-root suite, a single-folder window everything else; the parity suite (CLI vs editor) runs in both.
 */
export function suiteFilesFor(files: readonly string[]): string[] {
  const multiRoot = vscode.workspace.workspaceFile !== undefined;
  return files.filter((f) => f.endsWith('.test.js') && (f.startsWith('parity.') || f.startsWith('multiRoot.') === multiRoot)).sort();
}

/**
 * Reads the runner's options, says which extension host this is (the runner checks the line: a web worker pass that
 * ran in Node has failed) and records the pristine fixture; returns the options.
 */
export async function prepareHostSuite(): Promise<HostTestOptions> {
  const options = await loadTestOptions();
  const g = globalThis as { process?: { versions?: { node?: string } }; importScripts?: unknown };
  const seen = g.process === undefined && typeof g.importScripts === 'function' ? 'web worker' : g.process?.versions?.node ? 'Node' : 'unknown';
  console.log(`[host-suite] extension host: ${seen} (asked for ${options.extensionHost}; typeof process: ${typeof g.process}, typeof importScripts: ${typeof g.importScripts})`);
  await recordPristine();
  return options;
}
