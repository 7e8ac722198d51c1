import * as fs from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import * as vscode from 'vscode';
import type { RudderApi } from '../../src/vscode/activateRudder';
import type { BacklogIndex } from '../../src/core/index/backlogIndex';
import { loadBacklog } from '../../src/cli/loadBacklog';

// Runs inside the extension host (code-server) on a generated backlog, started by hostBench.mjs;
// writes its figures as JSON to RUDDER_BENCH_OUT. Each figure is what issue 4 names.

const FIRST_PAGE_ROWS = 30;
const BURST_FILES = Number(process.env.RUDDER_BENCH_BURST ?? 2000);

async function poll<T>(what: string, probe: () => T | undefined | false, timeoutMs: number, everyMs = 10): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = probe();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Builds an index from the files on disk, as a fresh load would (the core pipeline, as the CLI loads). */
async function freshIndex(root: string): Promise<BacklogIndex> {
  return (await loadBacklog(root)).index;
}

const snapshot = (index: BacklogIndex) => index.stories().map((s) => `${s.path}|${s.id}|${s.title}|${s.rank}`).join('\n');

function rudderDiagnosticFiles(): number {
  let n = 0;
  for (const [, ds] of vscode.languages.getDiagnostics()) if (ds.some((d) => d.source === 'rudder')) n++;
  return n;
}

/** The benchmark; resolves with the figures. */
export async function run(): Promise<void> {
  const out = process.env.RUDDER_BENCH_OUT!;
  const figures: Record<string, unknown> = {};
  try {
    const ext = vscode.extensions.getExtension<RudderApi>('rudder.rudder')!;
    const api = await ext.activate();
    const t0 = api.activatedAt;
    figures.activationMs = Math.round(api.activationMs * 10) / 10;

    await poll('first tree page', () => api.tree.getChildren().length >= FIRST_PAGE_ROWS, 60_000);
    figures.firstPageMs = Date.now() - t0;
    await api.ready();
    figures.loadedMs = Date.now() - t0;
    const index = api.index;
    figures.stories = index.stories().length;
    figures.files = index.fileCount;
    // The first page of the final, ranked tree: rows built from the index.
    const c0 = performance.now();
    const rows = api.tree.getChildren().slice(0, FIRST_PAGE_ROWS);
    for (const r of rows) api.tree.getTreeItem(r);
    figures.rankedFirstPageBuildMs = Math.round((performance.now() - c0) * 10) / 10;

    const withIssues = new Set(index.allIssues().map((i) => i.path)).size;
    figures.filesWithIssues = withIssues;
    await poll('all diagnostics', () => rudderDiagnosticFiles() >= withIssues, 120_000, 20);
    figures.diagnosticsMs = Date.now() - t0;

    // One story edit: index upsert + the tree's first page + publishing that file's diagnostics (debounces excluded).
    const session = api.sessions.all()[0];
    const diagnostics = api.editor.diagnosticsOf(session)!;
    const target = index.stories()[Math.floor(index.stories().length / 2)];
    const original = index.text(target.path)!;
    const edits: number[] = [];
    for (let i = 0; i < 15; i++) {
      const text = original.replace(/^title: .*$/m, `title: Edited ${i} ${target.title}`);
      const e0 = performance.now();
      index.upsert(target.path, i === 14 ? original : text);
      api.tree.refresh();
      for (const r of api.tree.getChildren().slice(0, FIRST_PAGE_ROWS)) api.tree.getTreeItem(r);
      diagnostics.publish();
      edits.push(performance.now() - e0);
    }
    figures.editMs = Math.round(median(edits.slice(2)) * 10) / 10;
    figures.editMaxMs = Math.round(Math.max(...edits.slice(2)) * 10) / 10;

    // A branch switch: BURST_FILES story files rewritten on disk at once (titles changed).
    const root = session.root.fsPath;
    const victims = index.stories().filter((s) => s.type !== 'epic').slice(0, BURST_FILES);
    const b0 = Date.now();
    for (const s of victims) {
      const abs = path.join(root, s.path);
      fs.writeFileSync(abs, fs.readFileSync(abs, 'utf8').replace(/^title: (.*)$/m, 'title: $1 (switched)'));
    }
    figures.burstWriteMs = Date.now() - b0;
    await poll('burst applied', () => victims.every((v) => index.story(v.path)?.title.endsWith('(switched)')), 60_000, 50).catch((e) => {
      throw new Error(`${e.message}: ${victims.filter((v) => !index.story(v.path)?.title.endsWith('(switched)')).length} of ${victims.length} not applied`);
    });
    await api.ready();
    figures.burstFiles = victims.length;
    figures.burstSettleMs = Date.now() - b0;
    // The re-read that follows a big burst (catches events the watcher dropped) runs 2 s after it: count from here.
    const v0 = session.loader.stats.verifies;
    // Measured before that re-read: did the burst alone leave the index right?
    figures.burstIndexEqualsFreshScan = snapshot(index) === snapshot(await freshIndex(root));
    await poll('verify after the burst', () => session.loader.stats.verifies > v0, 120_000, 50);
    figures.verifyMs = Math.round(session.loader.stats.verifyMs);
    figures.indexEqualsFreshScanAfterVerify = snapshot(index) === snapshot(await freshIndex(root));
    figures.loaderStats = Object.fromEntries(Object.entries(session.loader.stats).map(([k, v]) => [k, Math.round(v)]));

    // Why a full collection first: the extension host runs without --expose-gc, and the fresh-scan indexes built
    // above for the comparisons are garbage by now; the figure is what the extension keeps, not what awaits a GC.
    v8.setFlagsFromString('--expose-gc');
    (vm.runInNewContext('gc') as () => void)();
    const mem = process.memoryUsage();
    figures.hostRssMb = Math.round(mem.rss / 1e6);
    figures.hostHeapUsedMb = Math.round(mem.heapUsed / 1e6);
  } catch (e) {
    figures.error = String((e as Error)?.stack ?? e);
    const session = vscode.extensions.getExtension<RudderApi>('rudder.rudder')?.exports?.sessions.all()[0];
    if (session) figures.error += `\nloader: ${JSON.stringify(session.loader.stats)}; indexed ${session.index.stories().length}`;
  }
  fs.writeFileSync(out, JSON.stringify(figures, null, 2));
  if (figures.error) throw new Error(String(figures.error));
}
