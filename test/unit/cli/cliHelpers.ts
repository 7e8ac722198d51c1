import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CliIo } from '../../../src/cli/cliIo';

/** The CLI bundled from the current sources for the end-to-end tests (same options as esbuild.js). */
export const TEST_CLI = path.resolve('out/cli-e2e/cli.js');

/** Bundles src/cli/main.ts to TEST_CLI; throws with esbuild's output when it fails. */
export function buildTestCli(): void {
  // Why our own bundle and not dist/cli.js: dist may be stale or missing when the unit tests run,
  // and a failing build of another bundle (extension, webview) must not hide the CLI's results.
  const options = {
    entryPoints: ['src/cli/main.ts'],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    mainFields: ['module', 'main'],
    outfile: TEST_CLI,
    logLevel: 'error',
    banner: { js: '#!/usr/bin/env node' },
  };
  // Why a child Node with esbuild's JS API: esbuild cannot be bundled into this test, and its bin is a native executable.
  const r = spawnSync(process.execPath, ['-e', `require('esbuild').buildSync(${JSON.stringify(options)})`], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`building the CLI failed: ${r.stderr}${r.stdout}`);
  fs.chmodSync(TEST_CLI, 0o755);
}

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the bundled CLI as a child process (NO_COLOR set, no TTY); `env` is merged over the process's. */
export function runBuiltCli(args: readonly string[], cwd = process.cwd(), env: Readonly<Record<string, string>> = {}): CliRun {
  const r = spawnSync(process.execPath, [TEST_CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Returns an in-memory CliIo and what was written to it. */
export function memoryIo(cwd = process.cwd(), env: Record<string, string | undefined> = {}): CliIo & { out: string; err: string } {
  const io = {
    cwd,
    env,
    stdoutIsTty: false,
    out: '',
    err: '',
    writeOut(text: string) {
      io.out += text;
    },
    writeErr(text: string) {
      io.err += text;
    },
  };
  return io;
}
