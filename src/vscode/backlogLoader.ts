import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { BacklogIndex } from '../core/index/backlogIndex';
import { parseConfig } from '../core/config/parseConfig';
import { toCorePath, toUri } from './convert';

const RUDDER_YML = '.rudder.yml';
const BACKLOG_MD_CONFIG = 'backlog/config.yml';
const EXCLUDE = '**/{node_modules,.git}/**';
// Why a 50 ms window: git writes the files of a checkout over tens of milliseconds and the watcher
// reports them one by one; applying them as one batch redraws views and diagnostics once.
const COALESCE_MS = 50;
// Why a cap: a steady trickle of events (a build writing files) must not postpone the flush forever.
const MAX_WAIT_MS = 500;
// Why 256 reads at a time: each workspace.fs read is a round trip to the file service; 256 in
// flight hide its latency, while thousands at once would stall the extension host.
const READ_BATCH = 256;
// Why 32 for local files: they are read synchronously, so a batch is read and parsed in one go; 32 stories take
// about 5 ms, short enough that activation, the tree's first page and commands are never held up by the load.
const LOCAL_READ_BATCH = 32;
// Why reconcile after big bursts: the OS watcher may drop events when thousands of files change at
// once (a branch switch); a cheap listing then catches missed creates and deletes.
const RECONCILE_AFTER = 500;
const VERIFY_DELAY_MS = 2000;

/**
 * Keeps a BacklogIndex in step with the files of one workspace folder: reads the configuration and
 * every Markdown file (with Node in a local folder, through `vscode.workspace.fs` elsewhere), then
 * follows a FileSystemWatcher, coalescing its events into batches. An editor with unsaved changes
 * wins over the disk: its file is skipped (the diagnostics feature keeps the index on the editor's
 * text).
 */
export class BacklogLoader implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly decoder = new TextDecoder('utf-8');
  // Why a generation counter: a reload that starts while an older one is still reading must win;
  // results of the older one are dropped instead of overwriting newer texts.
  private generation = 0;
  private readyPromise: Promise<void> = Promise.resolve();
  private loading = false;
  /** Watcher events waiting for the next flush: path -> URI to read, or null when deleted. */
  private readonly pending = new Map<string, vscode.Uri | null>();
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private firstPendingAt = 0;
  /** Paths deleted while a flush was reading: its (older) texts for them must not be applied. */
  private readonly deletedDuringFlush = new Set<string>();
  /** Folder creates/deletes waiting for the next flush (they trigger a listing). */
  private folderEvents = 0;
  private flushing: Promise<void> = Promise.resolve();
  private readonly stateEmitter = new vscode.EventEmitter<void>();
  /** Where the time went (milliseconds, cumulative), for the host benchmark. */
  readonly stats = { listMs: 0, readMs: 0, applyMs: 0, flushes: 0, flushedFiles: 0, flushReadMs: 0, flushApplyMs: 0, reconciles: 0, reconcileMs: 0, verifies: 0, verifyMs: 0 };
  /** Fires when a full load starts or ends. */
  readonly onDidChangeLoading = this.stateEmitter.event;

  constructor(
    readonly index: BacklogIndex,
    readonly root: vscode.Uri,
  ) {}

  /** Resolves when the latest full load has finished. */
  get ready(): Promise<void> {
    return this.readyPromise;
  }

  /** True while a full load runs. */
  get isLoading(): boolean {
    return this.loading;
  }

  /** Resolves when the full load, pending watcher events and their batch have all been applied. */
  async settled(): Promise<void> {
    for (;;) {
      await this.readyPromise;
      await this.flushing;
      if (this.pending.size === 0 && this.folderEvents === 0 && this.flushTimer === undefined && !this.loading) return;
      await new Promise((r) => setTimeout(r, COALESCE_MS));
    }
  }

  /** Starts watching and loads everything; returns the load's promise. */
  start(): Promise<void> {
    // Why every path and not `**/*.md`: deleting or moving a folder is reported for the folder only.
    const md = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(this.root, '**'));
    md.onDidCreate((uri) => this.queue(uri, false), undefined, this.disposables);
    md.onDidChange((uri) => this.queue(uri, false), undefined, this.disposables);
    md.onDidDelete((uri) => this.queue(uri, true), undefined, this.disposables);
    const config = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(this.root, `{${RUDDER_YML},${BACKLOG_MD_CONFIG}}`));
    // A configuration change can change which files are stories: reload everything.
    const reload = () => void this.reload();
    config.onDidCreate(reload, undefined, this.disposables);
    config.onDidChange(reload, undefined, this.disposables);
    config.onDidDelete(reload, undefined, this.disposables);
    this.disposables.push(md, config);
    return this.reload();
  }

  /** Re-reads the configuration and every Markdown file; returns when the index holds them. */
  reload(): Promise<void> {
    const generation = ++this.generation;
    this.loading = true;
    this.stateEmitter.fire();
    this.readyPromise = this.loadAll(generation)
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
    this.queue(uri, false);
    await this.settled();
  }

  private async loadAll(generation: number): Promise<void> {
    const [rudderYml, backlogMdConfigYml] = await Promise.all([this.readText(toUri(this.root, RUDDER_YML)), this.readText(toUri(this.root, BACKLOG_MD_CONFIG))]);
    if (generation !== this.generation) return;
    const { config, issues } = parseConfig({ rudderYml, backlogMdConfigYml });
    this.index.setConfig(config, issues);

    let t = performance.now();
    const wanted = await this.listBacklogFiles();
    this.stats.listMs += performance.now() - t;
    if (generation !== this.generation) return;
    const entries = [...wanted];
    const size = this.root.scheme === 'file' ? LOCAL_READ_BATCH : READ_BATCH;
    for (let i = 0; i < entries.length; i += size) {
      const batch = entries.slice(i, i + size);
      t = performance.now();
      const texts = await Promise.all(batch.map(([, uri]) => this.readText(uri)));
      this.stats.readMs += performance.now() - t;
      if (generation !== this.generation) return;
      t = performance.now();
      batch.forEach(([path, uri], k) => this.apply(path, uri, texts[k]));
      this.stats.applyMs += performance.now() - t;
      // Why yield: local reads resolve without a round trip, so without a macrotask break the whole load would run
      // in one go and the tree could not show its first page (nor the host answer anything) until it ends.
      await new Promise((r) => setImmediate(r));
      if (generation !== this.generation) return;
    }
    // Files the index knows that are gone or no longer match the configured globs.
    for (const path of this.knownPaths()) if (!wanted.has(path)) this.index.remove(path);
  }

  /** Returns the backlog files (stories, vision, milestones) under the root by path. */
  private async listBacklogFiles(): Promise<Map<string, vscode.Uri>> {
    const config = this.index.config;
    const prefixes = staticPrefixes([...config.stories, config.milestones, config.vision]);
    let uris: vscode.Uri[];
    if (prefixes.includes('')) {
      // A glob that may match anywhere in the folder: let the search service list the files.
      uris = await vscode.workspace.findFiles(new vscode.RelativePattern(this.root, '**/*.md'), EXCLUDE);
      // A virtual file system without a search provider finds nothing: walk it through workspace.fs.
      if (uris.length === 0 && this.root.scheme !== 'file') uris = await this.walk(this.root);
    } else {
      // Why a walk: the backlog lives under known folders (`backlog/`); a few readDirectory calls are
      // much cheaper than a search over the whole repository.
      uris = (await Promise.all(prefixes.map((p) => this.walk(toUri(this.root, p))))).flat();
      for (const p of prefixes) if (p.endsWith('.md')) uris.push(toUri(this.root, p));
    }
    this.prefixes = prefixes;
    const wanted = new Map<string, vscode.Uri>();
    for (const uri of uris) {
      const path = toCorePath(this.root, uri);
      if (path !== undefined && this.inScope(path)) wanted.set(path, uri);
    }
    return wanted;
  }

  /** Returns the Markdown files under a folder (subfolders read in parallel); [] when it is missing or a file. */
  private async walk(dir: vscode.Uri): Promise<vscode.Uri[]> {
    let entries: [string, vscode.FileType][] = [];
    try {
      entries = await vscode.workspace.fs.readDirectory(dir);
    } catch {
      return [];
    }
    const out: vscode.Uri[] = [];
    const subdirs: vscode.Uri[] = [];
    for (const [name, type] of entries) {
      if (name === 'node_modules' || name === '.git') continue;
      const uri = vscode.Uri.joinPath(dir, name);
      if (type & vscode.FileType.Directory) subdirs.push(uri);
      else if (name.endsWith('.md')) out.push(uri);
    }
    for (const list of await Promise.all(subdirs.map((d) => this.walk(d)))) out.push(...list);
    return out;
  }

  private knownPaths(): string[] {
    return this.index.paths();
  }

  /**
   * Returns true for the files the index reads: stories, vision and milestones, and (as the CLI does) the other
   * Markdown files under the backlog's folders (archive, docs, drafts): the index keeps only their id and title, so
   * references to archived stories resolve and their ids are never handed out again. When a story glob may match
   * anywhere in the folder, other files are left out: that would read every Markdown file of the repository.
   */
  private inScope(path: string): boolean {
    if (this.index.classify(path) !== 'other') return true;
    if (!/\.md$/i.test(path) || this.prefixes.includes('')) return false;
    return this.prefixes.some((p) => path === p || path.startsWith(`${p}/`));
  }
  /** The folders (relative paths) the last listing walked; '' when a glob may match anywhere. */
  private prefixes: string[] = [''];

  /** Puts a disk text into the index (undefined = file gone), unless an editor holds unsaved text for it. */
  private apply(path: string, uri: vscode.Uri, text: string | undefined): void {
    if (isDirtyInEditor(uri)) return;
    if (text === undefined) {
      if (this.index.text(path) !== undefined) this.index.remove(path);
    } else if (text !== this.index.text(path)) this.index.upsert(path, text);
  }

  private queue(uri: vscode.Uri, deleted: boolean): void {
    const path = toCorePath(this.root, uri);
    if (path === undefined || /(^|\/)(node_modules|\.git)(\/|$)/.test(path)) return;
    if (!path.endsWith('.md')) {
      // A folder created, deleted or moved (a last segment without a dot): list the files again.
      if (!/\.[^/]*$/.test(path)) this.folderEvents++;
      else return;
    } else if (!this.inScope(path) && this.index.text(path) === undefined) return;
    else if (deleted) {
      // Why at once: a delete needs no read, and applying it before the reads of the same burst
      // means that once a burst's new texts show, its deletions show too.
      // A deleted file leaves the backlog even when an editor still shows its text (as the Explorer
      // drops it); typing in that editor puts it back through the diagnostics feature.
      this.pending.delete(path);
      this.deletedDuringFlush.add(path);
      if (this.index.text(path) !== undefined) this.index.remove(path);
      return;
    } else this.pending.set(path, uri);
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
    const batch = [...this.pending];
    const folderEvents = this.folderEvents;
    this.pending.clear();
    this.folderEvents = 0;
    this.firstPendingAt = 0;
    this.deletedDuringFlush.clear();
    if (batch.length === 0 && folderEvents === 0) return;
    // A burst is counted across flushes: with fast reads one branch switch arrives as several smaller batches.
    const now = Date.now();
    if (now - this.lastFlushAt > VERIFY_DELAY_MS) this.burstFiles = 0;
    this.lastFlushAt = now;
    this.burstFiles += batch.length;
    const reads = batch.filter(([, uri]) => uri !== null) as [string, vscode.Uri][];
    const texts = new Map<string, string | undefined>();
    this.stats.flushes++;
    this.stats.flushedFiles += batch.length;
    let t = performance.now();
    for (let i = 0; i < reads.length; i += READ_BATCH) {
      const slice = reads.slice(i, i + READ_BATCH);
      const got = await Promise.all(slice.map(([, uri]) => this.readText(uri)));
      slice.forEach(([path], k) => texts.set(path, got[k]));
    }
    this.stats.flushReadMs += performance.now() - t;
    t = performance.now();
    // Events that came during the reads are newer: leave those paths to the next batch.
    for (const [path, uri] of batch) {
      if (this.pending.has(path) || this.deletedDuringFlush.has(path)) continue;
      this.apply(path, uri ?? toUri(this.root, path), uri === null ? undefined : texts.get(path));
    }
    this.stats.flushApplyMs += performance.now() - t;
    if (batch.length >= RECONCILE_AFTER || folderEvents > 0) {
      t = performance.now();
      await this.reconcile(false);
      this.stats.reconciles++;
      this.stats.reconcileMs += performance.now() - t;
    }
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
        .then(() => this.reconcile(true))
        .then(() => {
          this.stats.verifies++;
          this.stats.verifyMs += performance.now() - t;
        })
        .catch((e) => console.error('[rudder] re-reading the backlog failed', e));
    }, VERIFY_DELAY_MS);
  }

  /**
   * Lists the files again and applies missed creates and deletes; after a big burst (`all`) also
   * re-reads every file, so missed modifications are caught too (only changed texts are re-parsed).
   */
  private async reconcile(all: boolean): Promise<void> {
    const generation = this.generation;
    const wanted = await this.listBacklogFiles();
    if (generation !== this.generation) return;
    const missing = [...wanted].filter(([path]) => all || this.index.text(path) === undefined);
    for (let i = 0; i < missing.length; i += READ_BATCH) {
      const slice = missing.slice(i, i + READ_BATCH);
      const got = await Promise.all(slice.map(([, uri]) => this.readText(uri)));
      slice.forEach(([path, uri], k) => {
        if (!this.deletedDuringFlush.has(path)) this.apply(path, uri, got[k]);
      });
    }
    for (const path of this.knownPaths()) if (!wanted.has(path) && !this.pending.has(path)) this.apply(path, toUri(this.root, path), undefined);
  }

  private async readText(uri: vscode.Uri): Promise<string | undefined> {
    try {
      // Why Node for file: URIs: each workspace.fs read is a round trip through the file service; on 10,000 stories
      // those reads were 2.8 s of a 4.5 s load, where Node reads the same files (on the extension host's own disk)
      // in a few hundred ms. Only reads: every write still goes through a WorkspaceEdit.
      if (uri.scheme === 'file') return stripBom(readFileSync(uri.fsPath, 'utf8'));
      return this.decoder.decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      return undefined; // missing or unreadable: treated as absent
    }
  }

  dispose(): void {
    this.generation++;
    if (this.flushTimer !== undefined) clearTimeout(this.flushTimer);
    if (this.verifyTimer !== undefined) clearTimeout(this.verifyTimer);
    this.pending.clear();
    this.folderEvents = 0;
    this.stateEmitter.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

/**
 * Returns the folders (or files) the globs can match under, without overlaps: the part of each glob
 * before its first wildcard segment ('' when a glob starts with one, meaning "anywhere").
 */
export function staticPrefixes(globs: readonly string[]): string[] {
  const prefixes = globs.map((g) => {
    const segments = g.replace(/^\.\//, '').split('/');
    const i = segments.findIndex((s) => /[*?[\]{}!]/.test(s));
    return (i < 0 ? segments : segments.slice(0, i)).join('/');
  });
  const unique = [...new Set(prefixes)].sort();
  // Drop a prefix inside another one ('backlog/milestones' inside 'backlog').
  return unique.filter((p) => !unique.some((q) => q !== p && (q === '' || p.startsWith(q + '/'))));
}

/** Returns true when an open editor holds unsaved text for this file (that text wins over the disk). */
export function isDirtyInEditor(uri: vscode.Uri): boolean {
  const key = uri.toString();
  return vscode.workspace.textDocuments.some((d) => d.isDirty && d.uri.toString() === key);
}

/** Drops a UTF-8 byte order mark, as TextDecoder does. */
function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
