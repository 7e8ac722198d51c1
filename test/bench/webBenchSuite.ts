import * as vscode from 'vscode';
import type { RudderApi } from '../../src/vscode/activateRudder';

// Runs inside an extension host started by webBench.mjs (the web worker, or the Node host for the baseline) on one
// backlog; prints its figures as one `[web-bench] {json}` line. Only the `vscode` API here: no Node, no DOM.

async function poll(what: string, probe: () => boolean, timeoutMs: number, everyMs = 10): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

function rudderDiagnosticFiles(): number {
  let n = 0;
  for (const [, ds] of vscode.languages.getDiagnostics()) if (ds.some((d) => d.source === 'rudder')) n++;
  return n;
}

/** Measures activation, the whole backlog listed in the tree and its diagnostics published (both from activation). */
export async function run(): Promise<void> {
  const figures: Record<string, unknown> = {};
  try {
    const api = await vscode.extensions.getExtension<RudderApi>('rudder.rudder')!.activate();
    const t0 = api.activatedAt;
    figures.hostKind = api.hostKind;
    figures.noProcess = typeof (globalThis as { process?: unknown }).process === 'undefined';
    figures.activationMs = Math.round(api.activationMs * 10) / 10;
    await api.ready();
    const index = api.index;
    const stories = index.stories().length;
    figures.stories = stories;
    // Listed: the tree's rows (ungrouped) are every story of the index, drafts and done ones in their sections at the end.
    const listed = (): number => api.tree.getChildren().reduce((n, row) => n + (row.kind === 'section' ? api.tree.getChildren(row).length : 1), 0);
    await poll('every story listed in the tree', () => listed() === stories, 60_000);
    figures.listedMs = Date.now() - t0;
    const withIssues = new Set(index.allIssues().map((i) => i.path)).size;
    figures.filesWithIssues = withIssues;
    await poll('every diagnostic published', () => rudderDiagnosticFiles() >= withIssues, 120_000, 20);
    figures.diagnosticsMs = Date.now() - t0;
  } catch (e) {
    figures.error = String((e as Error)?.stack ?? e);
  }
  console.log(`[web-bench] ${JSON.stringify(figures)}`);
  if (figures.error) throw new Error(String(figures.error));
}
