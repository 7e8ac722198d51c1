// Helpers shared by the host suites (bundled into each *.test.js; this file is not a suite itself), and the fixture
// discipline every host test follows: it starts from a pristine copy of the workspace, restored before it even when
// the test before it failed, and ends (when it writes) by asserting that the index equals a fresh load of the disk.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { RudderApi } from '../../../src/vscode/activateRudder';
import { BacklogIndex } from '../../../src/core/index/backlogIndex';
import { encodeUtf8 } from '../../../src/core/load/decodeText';
import type { FileSource, ReadLimits, ReadResult } from '../../../src/core/load/fileSource';
import { LoadPipeline } from '../../../src/core/load/loadPipeline';
import { NodeFileSource } from '../../../src/node/nodeFileSource';
import type { BacklogSession } from '../../../src/vscode/backlogSessions';

/** Activates Rudder (rudder.rudder) and waits until every backlog has loaded; returns its API. */
export async function rudderApi(): Promise<RudderApi> {
  const ext = vscode.extensions.getExtension<RudderApi>('rudder.rudder');
  assert.ok(ext, 'extension rudder.rudder is not loaded');
  const api = await ext.activate();
  await api.ready();
  return api;
}

/**
 * Polls `probe` every `everyMs` until it returns something other than undefined or false; fails with `what` and
 * `detail()` (what was seen: the actual order, the actual text) after `timeoutMs`.
 */
export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 10_000, detail?: () => string | Promise<string>, everyMs = 50): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${detail ? `; saw: ${await detail()}` : ''}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Waits until `read()` equals `expected` (deep, as JSON); on a timeout fails showing the last value read next to the expected one. */
export async function waitForValue<T>(what: string, read: () => T | Promise<T>, expected: T, timeoutMs = 10_000): Promise<void> {
  let last: T | undefined;
  const want = JSON.stringify(expected);
  await waitFor(
    what,
    async () => {
      last = await read();
      return JSON.stringify(last) === want ? true : undefined;
    },
    timeoutMs,
    () => `${JSON.stringify(last)} (expected ${want})`,
  );
}

/** Returns the keys (paths) whose texts differ between two snapshots, added and removed ones included, sorted. */
export function changedPaths(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): string[] {
  return [...new Set([...a.keys(), ...b.keys()])].filter((k) => a.get(k) !== b.get(k)).sort();
}

// ---- the pristine fixture ------------------------------------------------------------------------------------------

/** Every file of every workspace folder as the suite found it: absolute path → bytes. */
let pristine: Map<string, Buffer> | undefined;

/** Returns every file under the workspace folders: absolute path → bytes (folders are implied). */
function readTree(): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.set(p, fs.readFileSync(p));
    }
  };
  for (const f of vscode.workspace.workspaceFolders ?? []) walk(f.uri.fsPath);
  return out;
}

/** Records the workspace as it is now as the pristine fixture (called once, before the first test). */
export function recordPristine(): void {
  pristine = readTree();
  console.log(`[host-suite] pristine fixture: ${pristine.size} files in ${(vscode.workspace.workspaceFolders ?? []).map((f) => f.name).join(', ')}`);
}

/** Returns what differs between the disk and the pristine fixture (workspace-relative paths), empty when nothing. */
function diskDiff(): { changed: string[]; extra: string[]; missing: string[] } {
  const now = readTree();
  const rel = (p: string) => vscode.workspace.asRelativePath(p, true);
  const changed: string[] = [];
  const extra: string[] = [];
  const missing: string[] = [];
  for (const [p, bytes] of pristine!) {
    const cur = now.get(p);
    if (cur === undefined) missing.push(rel(p));
    else if (!cur.equals(bytes)) changed.push(rel(p));
  }
  for (const p of now.keys()) if (!pristine!.has(p)) extra.push(rel(p));
  return { changed, extra, missing };
}

/** Reverts every dirty text document and closes every text editor (webview panels stay open). */
async function closeTextEditors(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments) {
    if (doc.isDirty && !doc.isClosed && doc.uri.scheme === 'file') {
      await vscode.window.showTextDocument(doc, { preview: false });
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  }
  const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputText);
  if (tabs.length) await vscode.window.tabGroups.close(tabs, true);
}

/** Writes the pristine bytes back: changed files rewritten, missing ones recreated, extra files and folders removed. */
function writePristine(): void {
  const now = readTree();
  for (const [p, bytes] of pristine!) {
    const cur = now.get(p);
    if (cur === undefined || !cur.equals(bytes)) {
      fs.mkdirSync(path.dirname(p), { recursive: true });
      fs.writeFileSync(p, bytes);
    }
  }
  for (const p of now.keys()) if (!pristine!.has(p)) fs.rmSync(p, { force: true });
  // Folders the tests created (an archive folder, a burst folder) go too.
  const pristineDirs = new Set([...pristine!.keys()].flatMap((p) => ancestors(p)));
  for (const f of vscode.workspace.workspaceFolders ?? []) removeExtraDirs(f.uri.fsPath, pristineDirs);
}

function ancestors(p: string): string[] {
  const out: string[] = [];
  for (let d = path.dirname(p); d !== path.dirname(d); d = path.dirname(d)) out.push(d);
  return out;
}

function removeExtraDirs(dir: string, keep: ReadonlySet<string>): void {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!e.isDirectory()) continue;
    const p = path.join(dir, e.name);
    if (!keep.has(p)) fs.rmSync(p, { recursive: true, force: true });
    else removeExtraDirs(p, keep);
  }
}

/**
 * Puts the workspace back to the pristine fixture before a test: reverts and closes text editors, resets the
 * Backlog view's grouping and filter, rewrites the files, then waits until every index equals a fresh load of the
 * disk (reloading as a last resort). Never throws: a failure to restore is logged, and the test then fails on its own
 * assertions, so one failure stays one failure.
 */
export async function restorePristine(title: string): Promise<void> {
  if (!pristine) return;
  // Why a deadline well inside the hook's timeout: a hook that times out makes mocha skip the rest of the suite.
  const deadline = Date.now() + RESTORE_BUDGET_MS;
  try {
    await closeTextEditors();
    await vscode.commands.executeCommand('rudder.groupBy', 'none');
    await vscode.commands.executeCommand('rudder.clearFilter');
    for (let attempt = 1; attempt <= 3 && Date.now() < deadline; attempt++) {
      const before = diskDiff();
      if (before.changed.length + before.extra.length + before.missing.length > 0) {
        console.log(`[host-suite] restoring the fixture before "${title}": ${JSON.stringify(before)}`);
        writePristine();
      }
      const api = await rudderApi();
      let diff = await waitForIndex(api, Math.min(10_000, deadline - Date.now()));
      if (diff.length && Date.now() < deadline) {
        console.log(`[host-suite] the index did not follow the restored fixture before "${title}"; reloading. ${diff.join('; ')}`);
        await Promise.all(api.sessions.all().map((s) => s.loader.reload()));
        diff = await waitForIndex(api, Math.min(10_000, deadline - Date.now()));
      }
      const after = diskDiff();
      const diskClean = after.changed.length + after.extra.length + after.missing.length === 0;
      if (diff.length === 0 && diskClean) return;
      console.log(`[host-suite] attempt ${attempt}: still not pristine before "${title}": disk ${JSON.stringify(after)}; index ${diff.join('; ')}`);
      // Writing again helps only when something rewrote the files meanwhile; an index that differs from a fresh load of
      // a pristine disk is a defect the test itself will show.
      if (diskClean) return;
    }
  } catch (e) {
    console.error(`[host-suite] could not restore the fixture before "${title}": ${(e as Error).stack ?? e}`);
  }
}

/** The time restorePristine may take at most (the root hook's own timeout is larger). */
export const RESTORE_BUDGET_MS = 40_000;

// ---- the index invariant -------------------------------------------------------------------------------------------

/** A FileSource over the disk in which open editors' unsaved texts replace the files' bytes (what the index must hold). */
class EditorOverlaySource implements FileSource {
  private readonly disk: NodeFileSource;
  constructor(private readonly session: BacklogSession) {
    this.disk = new NodeFileSource(session.root.fsPath);
  }
  list = (folder: string) => this.disk.list(folder);
  kindOf = (p: string) => this.disk.kindOf(p);
  async read(paths: readonly string[], limits: ReadLimits): Promise<readonly ReadResult[]> {
    const results = await this.disk.read(paths, limits);
    return results.map((r, i) => {
      const doc = vscode.workspace.textDocuments.find((d) => d.isDirty && !d.isClosed && d.uri.toString() === this.session.toUri(paths[i]).toString());
      return doc && r.ok ? { ok: true, bytes: encodeUtf8(doc.getText()) } : r;
    });
  }
}

/** Returns how a session's index differs from a fresh load of its disk plus unsaved editor texts (empty = equal). */
export async function indexDiff(session: BacklogSession): Promise<string[]> {
  const fresh = new BacklogIndex();
  await new LoadPipeline(fresh, new EditorOverlaySource(session), session.loader.pipeline.location).loadAll();
  const live = session.index;
  const out: string[] = [];
  const name = session.folder.name;
  const paths = new Set([...live.paths(), ...fresh.paths()]);
  for (const p of [...paths].sort()) {
    const a = live.text(p);
    const b = fresh.text(p);
    if (a === b) continue;
    if (a === undefined) out.push(`${name}/${p}: on disk, not in the index`);
    else if (b === undefined) out.push(`${name}/${p}: in the index, not on disk (a ghost)`);
    else out.push(`${name}/${p}: the index holds other text (${JSON.stringify(firstDifference(a, b))})`);
  }
  if (JSON.stringify(live.config) !== JSON.stringify(fresh.config)) out.push(`${name}: the configuration differs`);
  const order = (i: BacklogIndex) => i.stories().map((s) => s.id ?? s.path).join(',');
  if (order(live) !== order(fresh)) out.push(`${name}: the order differs: ${order(live)} vs fresh ${order(fresh)}`);
  const issues = (i: BacklogIndex) => JSON.stringify(i.allIssues().map((x) => `${x.path}:${x.range.start.line}:${x.range.start.character} ${x.code} ${x.message}`));
  if (out.length === 0 && issues(live) !== issues(fresh)) out.push(`${name}: the issues differ: ${issues(live)} vs fresh ${issues(fresh)}`);
  return out;
}

function firstDifference(a: string, b: string): { at: number; index: string; disk: string } {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return { at: i, index: a.slice(Math.max(0, i - 20), i + 40), disk: b.slice(Math.max(0, i - 20), i + 40) };
}

/** Waits until every session's index equals a fresh load; returns what still differs when the time is up. */
async function waitForIndex(api: RudderApi, timeoutMs: number): Promise<string[]> {
  const end = Date.now() + timeoutMs;
  let diff: string[] = [];
  for (;;) {
    await api.ready();
    diff = (await Promise.all(api.sessions.all().map(indexDiff))).flat();
    if (diff.length === 0 || Date.now() > end) return diff;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Asserts the index invariant (ARCHITECTURE.md): once things settle, every index is identical to a fresh load of
 * the disk plus the unsaved text of open editors. Every host test that writes ends with it.
 */
export async function assertIndexMatchesDisk(what = 'the index'): Promise<void> {
  const diff = await waitForIndex(await rudderApi(), 10_000);
  assert.deepEqual(diff, [], `${what}: the index must equal a fresh load of the disk once settled`);
}
