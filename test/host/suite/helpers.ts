// Helpers shared by the host suites (bundled into each *.test.js; this file is not a suite itself), and the fixture
// discipline every host test follows: it starts from a pristine copy of the workspace, restored before it even when
// the test before it failed, and ends (when it writes) by asserting that the index equals a fresh load of the disk.
// Everything here goes through `vscode.workspace.fs`, so the same suite runs in the Node extension host and in the
// browser's web worker host (see nodeOnly.ts for the few things that need Node, and `itNeedsNode`).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RudderApi } from '../../../src/vscode/activateRudder';
import { BacklogIndex } from '../../../src/core/index/backlogIndex';
import { encodeUtf8 } from '../../../src/core/load/decodeText';
import type { FileSource, ReadLimits, ReadResult } from '../../../src/core/load/fileSource';
import { LoadPipeline } from '../../../src/core/load/loadPipeline';
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

/** Every file of every workspace folder as the suite found it: URI (string) → bytes. */
let pristine: Map<string, Uint8Array> | undefined;

/** Returns the children of a folder, or none when it is gone. */
async function entries(dir: vscode.Uri): Promise<[string, vscode.FileType][]> {
  try {
    return await vscode.workspace.fs.readDirectory(dir);
  } catch {
    return [];
  }
}

/** Returns every regular file under the workspace folders: URI (string) → bytes (folders are implied; links are skipped). */
async function readTree(): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  const walk = async (dir: vscode.Uri) => {
    for (const [name, type] of await entries(dir)) {
      const u = vscode.Uri.joinPath(dir, name);
      if (type & vscode.FileType.SymbolicLink) continue;
      if (type === vscode.FileType.Directory) await walk(u);
      else if (type === vscode.FileType.File) out.set(u.toString(), await vscode.workspace.fs.readFile(u));
    }
  };
  for (const f of vscode.workspace.workspaceFolders ?? []) await walk(f.uri);
  return out;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Records the workspace as it is now as the pristine fixture (called once, before the first test). */
export async function recordPristine(): Promise<void> {
  pristine = await readTree();
  console.log(`[host-suite] pristine fixture: ${pristine.size} files in ${(vscode.workspace.workspaceFolders ?? []).map((f) => f.name).join(', ')}`);
}

/** Returns what differs between the disk and the pristine fixture (workspace-relative paths), empty when nothing. */
async function diskDiff(): Promise<{ changed: string[]; extra: string[]; missing: string[] }> {
  const now = await readTree();
  const rel = (u: string) => vscode.workspace.asRelativePath(vscode.Uri.parse(u), true);
  const changed: string[] = [];
  const extra: string[] = [];
  const missing: string[] = [];
  for (const [u, bytes] of pristine!) {
    const cur = now.get(u);
    if (cur === undefined) missing.push(rel(u));
    else if (!sameBytes(cur, bytes)) changed.push(rel(u));
  }
  for (const u of now.keys()) if (!pristine!.has(u)) extra.push(rel(u));
  return { changed, extra, missing };
}

/** Reverts every dirty text document of the workspace and closes every text editor (webview panels stay open). */
async function closeTextEditors(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments) {
    if (doc.isDirty && !doc.isClosed && !doc.isUntitled && vscode.workspace.getWorkspaceFolder(doc.uri)) {
      await vscode.window.showTextDocument(doc, { preview: false });
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  }
  const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputText);
  if (tabs.length) await vscode.window.tabGroups.close(tabs, true);
}

/** Returns the parent folder of a URI. */
function parentOf(u: vscode.Uri): vscode.Uri {
  return u.with({ path: u.path.slice(0, u.path.lastIndexOf('/')) || '/' });
}

/** Writes the pristine bytes back: changed files rewritten, missing ones recreated, extra files and folders removed. */
async function writePristine(): Promise<void> {
  const now = await readTree();
  for (const [u, bytes] of pristine!) {
    const cur = now.get(u);
    if (cur === undefined || !sameBytes(cur, bytes)) {
      const uri = vscode.Uri.parse(u);
      await vscode.workspace.fs.createDirectory(parentOf(uri));
      await vscode.workspace.fs.writeFile(uri, bytes);
    }
  }
  for (const u of now.keys()) if (!pristine!.has(u)) await vscode.workspace.fs.delete(vscode.Uri.parse(u), { useTrash: false }).then(undefined, () => undefined);
  // Folders the tests created (an archive folder, a burst folder) go too.
  const pristineDirs = new Set([...pristine!.keys()].flatMap((u) => ancestors(vscode.Uri.parse(u))));
  for (const f of vscode.workspace.workspaceFolders ?? []) await removeExtraDirs(f.uri, pristineDirs);
}

function ancestors(u: vscode.Uri): string[] {
  const out: string[] = [];
  for (let d = parentOf(u); d.path !== '/' && d.path !== ''; d = parentOf(d)) out.push(d.toString());
  return out;
}

async function removeExtraDirs(dir: vscode.Uri, keep: ReadonlySet<string>): Promise<void> {
  for (const [name, type] of await entries(dir)) {
    if (type !== vscode.FileType.Directory) continue;
    const u = vscode.Uri.joinPath(dir, name);
    if (!keep.has(u.toString())) await vscode.workspace.fs.delete(u, { recursive: true, useTrash: false }).then(undefined, () => undefined);
    else await removeExtraDirs(u, keep);
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
      const before = await diskDiff();
      if (before.changed.length + before.extra.length + before.missing.length > 0) {
        console.log(`[host-suite] restoring the fixture before "${title}": ${JSON.stringify(before)}`);
        await writePristine();
      }
      const api = await rudderApi();
      let diff = await waitForIndex(api, Math.min(10_000, deadline - Date.now()));
      if (diff.length && Date.now() < deadline) {
        console.log(`[host-suite] the index did not follow the restored fixture before "${title}"; reloading. ${diff.join('; ')}`);
        await Promise.all(api.sessions.all().map((s) => s.loader.reload()));
        diff = await waitForIndex(api, Math.min(10_000, deadline - Date.now()));
      }
      const after = await diskDiff();
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

/**
 * A FileSource over the disk in which open editors' unsaved texts replace the files' bytes (what the index must hold).
 * The disk is read through the session's own kind of source (Node's in the Node host, workspace.fs in the browser).
 */
class EditorOverlaySource implements FileSource {
  private readonly disk: FileSource;
  constructor(private readonly session: BacklogSession) {
    this.disk = session.source;
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

/** Returns an index freshly loaded from a session's folder (its own kind of source), as a reload or the CLI would. */
export async function freshIndex(session: BacklogSession): Promise<BacklogIndex> {
  const index = new BacklogIndex();
  await new LoadPipeline(index, session.source, session.loader.pipeline.location).loadAll();
  return index;
}

// ---- the file system and the two hosts -----------------------------------------------------------------------------

const decoder = new TextDecoder('utf-8');

/** Returns a URI's path relative to a folder URI (`backlog/stories/s-1.md`), or undefined outside it. */
export function relativePath(root: vscode.Uri, uri: vscode.Uri): string | undefined {
  const prefix = root.path.endsWith('/') ? root.path : `${root.path}/`;
  return uri.scheme === root.scheme && uri.authority === root.authority && uri.path.startsWith(prefix) ? uri.path.slice(prefix.length) : undefined;
}

/** Returns a file's text, or undefined when it does not exist. */
export async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return decoder.decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

/**
 * Writes a file through `vscode.workspace.fs`: the extension hears of it only through the file watcher, as of any
 * change made outside VS Code (the Node host writes straight to the disk, the web worker through the remote server).
 */
export async function writeText(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, encodeUtf8(text));
}

/** True in a browser's web worker extension host (no Node: no `process`). */
export const inWebWorker = typeof (globalThis as { process?: unknown }).process === 'undefined';

/**
 * Declares a test that needs Node (a child process, a symbolic link, the built CLI); in the web worker host it is left
 * out, and the reason shows in the report as a pending test.
 */
export function itNeedsNode(title: string, reason: string, fn: Mocha.AsyncFunc): void {
  if (inWebWorker) it.skip(`${title} — left out in the web worker: ${reason}`);
  else it(title, fn);
}

/** Declares a suite that needs Node; in the web worker host it is left out with its reason (see itNeedsNode). */
export function describeNeedsNode(title: string, reason: string, fn: (this: Mocha.Suite) => void): void {
  if (inWebWorker) describe.skip(`${title} — left out in the web worker: ${reason}`, fn);
  else describe(title, fn);
}
