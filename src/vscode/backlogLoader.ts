import * as vscode from 'vscode';
import type { BacklogIndex } from '../core/index/backlogIndex';
import type { BacklogLocation } from '../core/load/discoverBacklog';
import type { FileSource } from '../core/load/fileSource';
import { LoadPipeline } from '../core/load/loadPipeline';
import { toCorePath, toUri } from './convert';
import { nextMacrotask } from './nextMacrotask';

// Why a 50 ms window: git writes the files of a checkout over tens of milliseconds and the watcher
// reports them one by one; applying them as one batch redraws views and diagnostics once.
const COALESCE_MS = 50;
// Why a cap: a steady trickle of events (a build writing files) must not postpone the flush forever.
const MAX_WAIT_MS = 500;
// Why 32 files per batch: a local batch is read and parsed in one go; 32 stories take about 5 ms, short enough that
// activation, the tree's first page and commands are never held up by a load.
const LOCAL_BATCH = 32;
const REMOTE_BATCH = 256;
// Why reconcile after big bursts: the OS watcher may drop events when thousands of files change at
// once (a branch switch); a cheap listing then catches missed creates and deletes.
const RECONCILE_AFTER = 500;
const VERIFY_DELAY_MS = 2000;
// Why a bound: the paths Rudder's own actions created, deleted or renamed are checked against the disk again after
// undo, redo and every batch; the last few hundred are all an undo stack can reach in practice.
const MAX_TRACKED = 256;

/** A raw file event, as the watcher or a file operation reports it. */
type RawEvent = 'created' | 'changed' | 'deleted';

/**
 * Keeps one workspace folder's BacklogIndex equal to its files: runs the core loading pipeline (through the folder's
 * FileSource) for the full load, and feeds it what changed: the FileSystemWatcher's events (coalesced into batches,
 * so a branch switch is one refresh), VS Code's own file operations (`onDidCreateFiles`/`onDidDeleteFiles`/
 * `onDidRenameFiles`), and undo/redo. No single event source is trusted to arrive: the watcher merges "created, then
 * deleted" within one batch and reports neither, so the paths Rudder's actions touched are checked against the disk
 * again after every batch, undo and redo. An editor's unsaved text wins over the disk's, for files that exist.
 */
export class BacklogLoader implements vscode.Disposable {
  readonly pipeline: LoadPipeline;
  private readonly disposables: vscode.Disposable[] = [];
  // Why a generation counter: a reload that starts while an older one is still reading must win;
  // results of the older one are dropped instead of overwriting newer texts.
  private generation = 0;
  private readyPromise: Promise<void> = Promise.resolve();
  private loading = false;
  /** Events waiting for the next flush: path -> read it again (true) or it was deleted (false). */
  private readonly pending = new Map<string, boolean>();
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private firstPendingAt = 0;
  /** Paths deleted while a flush was reading: its (older) texts for them must not be applied. */
  private readonly deletedDuringFlush = new Set<string>();
  /** Folder creates/deletes waiting for the next flush (they trigger a listing). */
  private folderEvents = 0;
  private flushing: Promise<void> = Promise.resolve();
  private readonly stateEmitter = new vscode.EventEmitter<void>();
  /** Paths whose existence Rudder's actions (or VS Code file operations) changed, most recent last. */
  private readonly tracked = new Set<string>();
  private verifyTrackedTimer: ReturnType<typeof setTimeout> | undefined;
  /** While set (a test holds the watcher), raw watcher events are buffered here instead of being applied. */
  private held: [vscode.Uri, RawEvent][] | undefined;
  private readonly flushStats = { flushes: 0, flushedFiles: 0, flushMs: 0, reconciles: 0, reconcileMs: 0, verifies: 0, verifyMs: 0, trackedChecks: 0 };
  /** Fires when a full load starts or ends. */
  readonly onDidChangeLoading = this.stateEmitter.event;

  constructor(
    readonly index: BacklogIndex,
    readonly root: vscode.Uri,
    source: FileSource,
    location: BacklogLocation,
  ) {
    this.pipeline = new LoadPipeline(index, source, location, {
      overlay: (path) => unsavedText(toUri(root, path)),
      // Why yield: local reads resolve without a round trip, so without a macrotask break the whole load would run
      // in one go and the tree could not show its first page (nor the host answer anything) until it ends.
      pause: nextMacrotask,
      batchSize: root.scheme === 'file' ? LOCAL_BATCH : REMOTE_BATCH,
      now: () => performance.now(),
    });
  }

  /** Where the time went (milliseconds, cumulative), for the host benchmark. */
  get stats(): Record<string, number> {
    return { ...this.pipeline.stats, ...this.flushStats };
  }

  /** Resolves when the latest full load has finished. */
  get ready(): Promise<void> {
    return this.readyPromise;
  }

  /** True while a full load runs. */
  get isLoading(): boolean {
    return this.loading;
  }

  /** Resolves when the full load, pending events and their batch have all been applied. */
  async settled(): Promise<void> {
    for (;;) {
      await this.readyPromise;
      await this.flushing;
      if (this.pending.size === 0 && this.folderEvents === 0 && this.flushTimer === undefined && this.verifyTrackedTimer === undefined && !this.loading) return;
      await new Promise((r) => setTimeout(r, COALESCE_MS));
    }
  }

  /** Starts following the folder's file events and loads everything; returns the load's promise. */
  start(): Promise<void> {
    // Why every path and not `**/*.md`: deleting or moving a folder is reported for the folder only, and the
    // configuration files (`.rudder.yml`, Backlog.md's `config.yml`) are not Markdown.
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(this.root, '**'));
    watcher.onDidCreate((uri) => this.raw(uri, 'created'), undefined, this.disposables);
    watcher.onDidChange((uri) => this.raw(uri, 'changed'), undefined, this.disposables);
    watcher.onDidDelete((uri) => this.raw(uri, 'deleted'), undefined, this.disposables);
    this.disposables.push(
      watcher,
      // VS Code's own file operations (the Explorer, WorkspaceEdits, and their undo): reported even when the watcher
      // merges them away; the paths are checked against the disk, whatever the event says.
      vscode.workspace.onDidCreateFiles((e) => this.checkAgain(e.files)),
      vscode.workspace.onDidDeleteFiles((e) => this.checkAgain(e.files)),
      vscode.workspace.onDidRenameFiles((e) => this.checkAgain(e.files.flatMap((f) => [f.oldUri, f.newUri]))),
      vscode.workspace.onDidChangeTextDocument((e) => {
        // An undo or redo of a Rudder action may also undo a file it created, deleted or renamed.
        if (e.reason === vscode.TextDocumentChangeReason.Undo || e.reason === vscode.TextDocumentChangeReason.Redo) this.scheduleTrackedCheck();
      }),
      vscode.window.onDidChangeWindowState((s) => {
        if (s.focused) this.scheduleTrackedCheck();
      }),
    );
    return this.reload();
  }

  /** Re-reads the configuration and every backlog file; returns when the index holds them. */
  reload(): Promise<void> {
    const generation = ++this.generation;
    this.loading = true;
    this.stateEmitter.fire();
    this.readyPromise = this.pipeline
      .loadAll(() => generation === this.generation)
      .then(() => undefined)
      .catch((e) => {
        console.error('[rudder] loading the backlog failed', e);
      })
      .finally(() => {
        if (generation === this.generation) {
          this.loading = false;
          this.stateEmitter.fire();
        }
      });
    return this.readyPromise;
  }

  /** Re-reads one file from disk into the index (or removes it when it is gone), unless an editor holds unsaved text for it. */
  async reread(uri: vscode.Uri): Promise<void> {
    this.raw(uri, 'changed', true);
    await this.settled();
  }

  /**
   * Re-reads these paths now (after a Rudder action created, changed, renamed or deleted them) and keeps checking
   * them after later batches, undos and redos; resolves when the index follows.
   */
  async verify(paths: readonly string[]): Promise<void> {
    for (const p of paths) this.track(p);
    await this.readyPromise;
    await this.pipeline.reread(paths);
  }

  /** Re-reads these paths from disk into the index now (a grooming action found them changed since they were indexed). */
  async refresh(paths: readonly string[]): Promise<void> {
    await this.readyPromise;
    await this.pipeline.reread(paths);
  }

  /** Returns the current text of a backlog file as the loading pipeline reads it (undefined when it is not there). */
  readText(path: string): Promise<string | undefined> {
    return this.pipeline.readText(path);
  }

  /** Returns true when something exists at this path on disk. */
  exists(path: string): Promise<boolean> {
    return this.pipeline.exists(path);
  }

  /**
   * For tests: buffers the watcher's events until `release()`, then delivers them as VS Code's watcher would have
   * within one batch: per path, "created then deleted" is dropped, "deleted then created" is a change. Reproduces a
   * busy machine, where both events of an action and its undo arrive in one batch. `held()` lists what is buffered
   * (`created backlog/x.md`), so a test can wait for both events before it releases them.
   */
  holdWatcher(): { held: () => string[]; release: () => void } {
    const held: [vscode.Uri, RawEvent][] = (this.held = []);
    const list = () => held.map(([uri, kind]) => `${kind} ${toCorePath(this.root, uri) ?? uri.toString()}`);
    const release = () => {
      if (this.held === held) this.held = undefined;
      const merged = new Map<string, [vscode.Uri, RawEvent | undefined]>();
      for (const [uri, kind] of held) {
        const key = uri.toString();
        const before = merged.get(key)?.[1];
        let next: RawEvent | undefined = kind;
        if (before === 'created' && kind === 'deleted') next = undefined;
        else if (before === 'deleted' && kind === 'created') next = 'changed';
        else if (before === 'created' && kind === 'changed') next = 'created';
        merged.set(key, [uri, next]);
      }
      for (const [uri, kind] of merged.values()) if (kind) this.raw(uri, kind);
    };
    return { held: list, release };
  }

  private track(path: string): void {
    this.tracked.delete(path);
    this.tracked.add(path);
    if (this.tracked.size > MAX_TRACKED) this.tracked.delete(this.tracked.values().next().value!);
  }

  private checkAgain(uris: readonly vscode.Uri[]): void {
    for (const uri of uris) {
      const path = toCorePath(this.root, uri);
      if (path === undefined) continue;
      if (/\.md$/i.test(path)) this.track(path);
      this.raw(uri, 'changed', true);
    }
  }

  // Why a short timer: one undo changes several documents in a row; check the tracked paths once it has landed.
  private scheduleTrackedCheck(): void {
    if (this.verifyTrackedTimer !== undefined || this.tracked.size === 0) return;
    this.verifyTrackedTimer = setTimeout(() => {
      this.verifyTrackedTimer = undefined;
      for (const p of this.tracked) this.pending.set(p, true);
      this.scheduleFlush();
    }, COALESCE_MS);
  }

  /** Takes one raw event. `direct` events (file operations, re-read requests) bypass a held watcher. */
  private raw(uri: vscode.Uri, kind: RawEvent, direct = false): void {
    if (this.held && !direct) {
      this.held.push([uri, kind]);
      return;
    }
    const path = toCorePath(this.root, uri);
    if (path === undefined || /(^|\/)(node_modules|\.git)(\/|$)/.test(path)) return;
    if (this.pipeline.isConfigFile(path)) {
      // A configuration change can change which files are stories: reload everything.
      void this.reload();
      return;
    }
    if (!/\.md$/i.test(path)) {
      // A folder created, deleted or moved (a last segment without a dot): list the files again.
      if (!/\.[^/]*$/.test(path)) this.folderEvents++;
      else return;
    } else if (this.index.classify(path) === 'outside' && !this.index.knows(path)) return;
    else if (kind === 'deleted') {
      // Why at once: a delete needs no read, and applying it before the reads of the same burst
      // means that once a burst's new texts show, its deletions show too.
      // A deleted file leaves the backlog even when an editor still shows its text (as the Explorer
      // drops it); typing in that editor puts it back through the diagnostics feature.
      this.pending.delete(path);
      this.deletedDuringFlush.add(path);
      // knows(), not text(): a file that could not be read has no text, only its problem, which must go with it.
      if (this.index.knows(path)) this.index.remove(path);
      this.scheduleTrackedCheck();
      return;
    } else this.pending.set(path, true);
    this.scheduleFlush();
  }

  private scheduleFlush(): void {
    if (this.firstPendingAt === 0) this.firstPendingAt = Date.now();
    if (this.flushTimer !== undefined) clearTimeout(this.flushTimer);
    const wait = Math.max(0, Math.min(COALESCE_MS, this.firstPendingAt + MAX_WAIT_MS - Date.now()));
    this.flushTimer = setTimeout(() => {
      this.flushTimer = undefined;
      // Why a chain: batches apply in the order their events came.
      this.flushing = this.flushing.then(() => this.flush()).catch((e) => console.error('[rudder] applying file changes failed', e));
    }, wait);
  }

  private async flush(): Promise<void> {
    const batch = [...this.pending.keys()];
    const folderEvents = this.folderEvents;
    this.pending.clear();
    this.folderEvents = 0;
    this.firstPendingAt = 0;
    this.deletedDuringFlush.clear();
    if (batch.length === 0 && folderEvents === 0) return;
    await this.readyPromise;
    // A burst is counted across flushes: with fast reads one branch switch arrives as several smaller batches.
    const now = Date.now();
    if (now - this.lastFlushAt > VERIFY_DELAY_MS) this.burstFiles = 0;
    this.lastFlushAt = now;
    this.burstFiles += batch.length;
    this.flushStats.flushes++;
    this.flushStats.flushedFiles += batch.length;
    let t = performance.now();
    // Events that came during the reads are newer: leave those paths to the next batch.
    await this.pipeline.reread(batch, (p) => this.pending.has(p) || this.deletedDuringFlush.has(p));
    this.flushStats.flushMs += performance.now() - t;
    if (batch.length >= RECONCILE_AFTER || folderEvents > 0) {
      t = performance.now();
      await this.pipeline.reconcile(false, (p) => this.pending.has(p) || this.deletedDuringFlush.has(p));
      this.flushStats.reconciles++;
      this.flushStats.reconcileMs += performance.now() - t;
    }
    if (batch.some((p) => !this.tracked.has(p))) this.scheduleTrackedCheck();
    if (this.burstFiles >= RECONCILE_AFTER) this.scheduleVerify();
  }

  private verifyTimer: ReturnType<typeof setTimeout> | undefined;
  /** Files flushed since the burst began (flushes less than VERIFY_DELAY_MS apart), and when the last flush ran. */
  private burstFiles = 0;
  private lastFlushAt = 0;

  // Why a delayed, unawaited re-read after a big burst: the watcher can drop a few events when
  // thousands of files change; re-reading everything catches missed modifications, but costs seconds
  // on a large backlog, so it runs once the burst has calmed down and does not hold up the views.
  private scheduleVerify(): void {
    if (this.verifyTimer !== undefined) clearTimeout(this.verifyTimer);
    this.verifyTimer = setTimeout(() => {
      this.verifyTimer = undefined;
      this.burstFiles = 0;
      const t = performance.now();
      this.flushing = this.flushing
        .then(() => this.pipeline.reconcile(true, (p) => this.pending.has(p) || this.deletedDuringFlush.has(p)))
        .then(() => {
          this.flushStats.verifies++;
          this.flushStats.verifyMs += performance.now() - t;
        })
        .catch((e) => console.error('[rudder] re-reading the backlog failed', e));
    }, VERIFY_DELAY_MS);
  }

  dispose(): void {
    this.generation++;
    for (const t of [this.flushTimer, this.verifyTimer, this.verifyTrackedTimer]) if (t !== undefined) clearTimeout(t);
    this.pending.clear();
    this.folderEvents = 0;
    this.stateEmitter.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

/** Returns the unsaved text an open editor holds for this file (that text wins over the disk), if any. */
export function unsavedText(uri: vscode.Uri): string | undefined {
  const key = uri.toString();
  return vscode.workspace.textDocuments.find((d) => d.isDirty && !d.isClosed && d.uri.toString() === key)?.getText();
}
