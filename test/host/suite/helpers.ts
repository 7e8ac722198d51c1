// Helpers shared by the host suites (bundled into each *.test.js; this file is not a suite itself).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RudderApi } from '../../../src/extension';

/** Activates Rudder (rudder.rudder) and waits until every backlog has loaded; returns its API. */
export async function rudderApi(): Promise<RudderApi> {
  const ext = vscode.extensions.getExtension<RudderApi>('rudder.rudder');
  assert.ok(ext, 'extension rudder.rudder is not loaded');
  const api = await ext.activate();
  await api.ready();
  return api;
}

/**
 * Polls `probe` every `everyMs` until it returns something other than undefined or false; fails with `what` (and
 * `detail()`, when given) after `timeoutMs`.
 */
export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 10_000, detail?: () => string, everyMs = 50): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}${detail ? `: ${detail()}` : ''}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Returns the keys (paths) whose texts differ between two snapshots, added and removed ones included, sorted. */
export function changedPaths(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): string[] {
  return [...new Set([...a.keys(), ...b.keys()])].filter((k) => a.get(k) !== b.get(k)).sort();
}
