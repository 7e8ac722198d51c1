// What only the Node extension host can do for a test: run the built CLI, make a symbolic link. The web worker build
// of the suite replaces this module with test/host/web/nodeOnly.ts (same exports, each one throws), so a test using it
// is declared with `itNeedsNode` / `describeNeedsNode` (helpers.ts) and left out there with its reason.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

/** Runs the built CLI (dist/cli.js of the extension under test) on its arguments; returns its stdout (also on exit 1). */
export function runCli(args: readonly string[]): string {
  const cli = path.join(vscode.extensions.getExtension('rudder.rudder')!.extensionPath, 'dist', 'cli.js');
  try {
    return execFileSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
  } catch (e) {
    const stdout = (e as { stdout?: string }).stdout;
    if (stdout) return stdout; // exit 1 when there are errors: the report is on stdout all the same
    throw e;
  }
}

/** Creates a symbolic link at `link` (a file: URI) pointing at `target`. */
export function symlink(target: string, link: vscode.Uri): void {
  fs.symlinkSync(target, link.fsPath);
}

/** Removes a file or link, if it is there. */
export function removePath(uri: vscode.Uri): void {
  fs.rmSync(uri.fsPath, { force: true });
}
