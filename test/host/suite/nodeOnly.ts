// What only the Node extension host can do for a test: run the built CLI, make a symbolic link. The web worker build
// of the suite replaces this module with test/host/web/nodeOnly.ts (same exports, each one throws), so a test using it
// is declared with `itNeedsNode` / `describeNeedsNode` (helpers.ts) and left out there with its reason.
import { execFileSync, spawnSync } from 'node:child_process';
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

/** Removes a file, a link or a folder with its contents, if it is there. */
export function removePath(uri: vscode.Uri): void {
  fs.rmSync(uri.fsPath, { force: true, recursive: true });
}

/** Whether a `git` CLI is on the PATH. */
export function hasGit(): boolean {
  return spawnSync('git', ['--version']).status === 0;
}

/** Runs git in `root` (a file: URI) with fixed identities and, given `date` (YYYY-MM-DD), fixed author and committer dates. */
export function git(root: vscode.Uri, args: readonly string[], date?: string): void {
  const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.com' };
  const r = spawnSync('git', args, { cwd: root.fsPath, encoding: 'utf8', env: date ? { ...env, GIT_AUTHOR_DATE: `${date}T12:00:00+00:00`, GIT_COMMITTER_DATE: `${date}T12:00:00+00:00` } : env });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
}
