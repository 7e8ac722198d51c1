import type { BacklogIndex } from '../index/backlogIndex';
import type { Issue } from '../model/issue';
import { decodeBytes } from './decodeText';
import { readBacklogConfig, type BacklogLocation } from './discoverBacklog';
import type { FileSource } from './fileSource';
import { listBacklogFiles } from './listBacklogFiles';

// Why 64 MB: the largest real story seen is well under 1 MB and a 50 MB one still reads in about a second; past
// this a file is not a story someone writes by hand, and reading it whole would only risk the process's memory.
export const MAX_STORY_BYTES = 64 * 1024 * 1024;

/** One file as read: its text (undefined when it is gone or cannot be read) and its problems as a file. */
interface Read {
  readonly text: string | undefined;
  readonly issues: readonly Issue[];
}

/** Returns an issue about a file as a file, at its start. */
function fileIssue(path: string, code: 'unreadable-file' | 'unsupported-encoding' | 'utf16-encoding', severity: Issue['severity'], message: string): Issue {
  return { code, severity, message, path, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
}

const IRREGULAR =
  'Rudder does not read this file: it is not a regular file (a device, a pipe, or a link that leads outside the folder), so nothing in it is part of the backlog. Replace it with a regular Markdown file, or remove it.';

/** How a shell runs the pipeline. */
export interface LoadOptions {
  /**
   * Returns the unsaved text an open editor holds for a path, if any: the index keeps that text instead of the disk's
   * (as long as the file exists on disk; a file that is gone leaves the index whatever an editor still shows).
   */
  readonly overlay?: (path: string) => string | undefined;
  /** Awaited between read batches: the editor yields to its event loop there, so views can draw during a load. */
  readonly pause?: () => Promise<void>;
  /** Files read per batch (default 64). */
  readonly batchSize?: number;
  /** A clock in milliseconds, for the timing figures in `stats` (default: none, figures stay 0). */
  readonly now?: () => number;
}

/** Where a load spent its time (milliseconds, cumulative), for the benchmarks. */
export interface LoadStats {
  listMs: number;
  readMs: number;
  applyMs: number;
  loads: number;
  rereads: number;
  rereadFiles: number;
}

/**
 * The one loading pipeline of a backlog: reads the configuration and every backlog file of a root through a
 * FileSource into a BacklogIndex, re-reads a set of paths, and reconciles the index with a fresh listing. The CLI
 * runs `loadAll` once; the editor also re-reads what its file events name. No other code decides which backlog
 * files exist or reads them.
 */
export class LoadPipeline {
  private configFiles: readonly string[] = [];
  /** Files that exist but could not be read, with the reason (path → message). */
  readonly failures = new Map<string, string>();
  readonly stats: LoadStats = { listMs: 0, readMs: 0, applyMs: 0, loads: 0, rereads: 0, rereadFiles: 0 };
  private readonly overlay: (path: string) => string | undefined;
  private readonly batchSize: number;
  private readonly now: () => number;

  constructor(
    readonly index: BacklogIndex,
    readonly source: FileSource,
    readonly location: BacklogLocation,
    private readonly options: LoadOptions = {},
  ) {
    this.configFiles = location.backlogFolder === '.' ? ['.rudder.yml', 'config.yml'] : ['.rudder.yml', `${location.backlogFolder}/config.yml`];
    this.overlay = options.overlay ?? (() => undefined);
    this.batchSize = options.batchSize ?? 64;
    this.now = options.now ?? (() => 0);
  }

  /** Returns true when a change to this root-relative path means the configuration must be read again. */
  isConfigFile(path: string): boolean {
    return this.configFiles.includes(path);
  }

  /**
   * Reads the configuration and every backlog file into the index, then drops what the index holds that is no
   * longer there. `current()` is asked between steps: once it says false (a newer load started), nothing more is
   * applied. Returns the number of files listed, or undefined when it stopped early.
   */
  async loadAll(current: () => boolean = () => true): Promise<number | undefined> {
    const loaded = await readBacklogConfig(this.source, this.location);
    if (!current()) return undefined;
    this.configFiles = loaded.files;
    this.index.setConfig(loaded.config, loaded.issues);
    let t = this.now();
    const listing = await listBacklogFiles(this.source, this.index.config);
    this.stats.listMs += this.now() - t;
    if (!current()) return undefined;
    this.failures.clear();
    const paths = listing.paths;
    // A folder that exists but cannot be listed is reported on the folder: its files are not silently missing.
    for (const u of listing.unlistable) this.index.setFileIssues(u.path, [fileIssue(u.path, 'unreadable-file', 'error', `Rudder cannot read the folder ${u.path || '.'} (${u.message}), so its stories are missing from the backlog. Give it read permission.`)]);
    for (const p of listing.irregular) this.index.setFileIssues(p, [fileIssue(p, 'unreadable-file', 'error', IRREGULAR)]);
    for (let i = 0; i < paths.length; i += this.batchSize) {
      const batch = paths.slice(i, i + this.batchSize);
      t = this.now();
      const texts = await this.readBatch(batch);
      this.stats.readMs += this.now() - t;
      if (!current()) return undefined;
      t = this.now();
      batch.forEach((p, k) => this.apply(p, texts[k]));
      this.stats.applyMs += this.now() - t;
      if (this.options.pause) {
        await this.options.pause();
        if (!current()) return undefined;
      }
    }
    const wanted = new Set(paths);
    const folders = new Set([...listing.unlistable.map((u) => u.path), ...listing.irregular]);
    for (const p of [...this.index.paths(), ...this.index.pathsWithFileIssues()]) if (!wanted.has(p) && !folders.has(p)) this.index.remove(p);
    this.stats.loads++;
    return paths.length;
  }

  /**
   * Re-reads these paths: a file that is there is upserted (when in scope; an editor's unsaved text wins over its
   * bytes), one that is gone leaves the index. `skip(path)` (asked after the reads) drops results a newer event made stale.
   */
  async reread(paths: Iterable<string>, skip: (path: string) => boolean = () => false): Promise<void> {
    const wanted = [...new Set(paths)].filter((p) => this.index.classify(p) !== 'outside' || this.index.text(p) !== undefined);
    this.stats.rereads++;
    this.stats.rereadFiles += wanted.length;
    for (let i = 0; i < wanted.length; i += this.batchSize) {
      const batch = wanted.slice(i, i + this.batchSize);
      const texts = await this.readBatch(batch);
      batch.forEach((p, k) => {
        if (!skip(p)) this.apply(p, texts[k]);
      });
    }
  }

  /**
   * Lists the files again: reads the ones the index lacks (every one when `all`, which catches missed changes too:
   * only changed texts are re-parsed) and removes the ones that are gone. `skip(path)` leaves a path alone.
   */
  async reconcile(all: boolean, skip: (path: string) => boolean = () => false): Promise<void> {
    const listing = await listBacklogFiles(this.source, this.index.config);
    const wanted = new Set([...listing.paths, ...listing.irregular, ...listing.unlistable.map((u) => u.path)]);
    const missing = listing.paths.filter((p) => !skip(p) && (all || this.index.text(p) === undefined));
    await this.reread(missing, skip);
    for (const p of listing.irregular) if (!skip(p)) this.index.setFileIssues(p, [fileIssue(p, 'unreadable-file', 'error', IRREGULAR)]);
    for (const p of [...this.index.paths(), ...this.index.pathsWithFileIssues()]) if (!wanted.has(p) && !skip(p)) this.apply(p, { text: undefined, issues: [] });
  }

  /** Returns the current text of one file from the source (undefined when it is not there or cannot be read). */
  async readText(path: string): Promise<string | undefined> {
    return (await this.readBatch([path]))[0].text;
  }

  /** Returns true when something exists at this path in the source. */
  async exists(path: string): Promise<boolean> {
    return (await this.source.kindOf(path)) !== undefined;
  }

  /**
   * Returns the decoded texts of a batch (undefined = not there, or unreadable: recorded in `failures`), each with
   * the problems of the file as a file: could not be read, or not UTF-8.
   */
  private async readBatch(paths: readonly string[]): Promise<Read[]> {
    const results = await this.source.read(paths, { maxBytes: MAX_STORY_BYTES });
    return results.map((r, k): Read => {
      const path = paths[k];
      if (r.ok) {
        this.failures.delete(path);
        const d = decodeBytes(r.bytes);
        const issues: Issue[] = [];
        if (d.encoding !== 'utf-8') {
          issues.push(fileIssue(path, 'utf16-encoding', 'info', `This file is ${d.encoding.toUpperCase()} (it starts with that byte-order mark). Rudder reads it, but Backlog.md, git diff and most tools expect UTF-8: save it as UTF-8 (in VS Code: Save with Encoding → UTF-8).`));
        } else if (d.binary) {
          issues.push(fileIssue(path, 'unsupported-encoding', 'warning', 'This file looks like binary data, not Markdown (it holds NUL characters), so Rudder reads no story from it. Restore it from version control, or move it out of the backlog folder.'));
        } else if (d.invalid > 0) {
          issues.push(fileIssue(path, 'unsupported-encoding', 'warning', `This file is not valid UTF-8: ${d.invalid} byte${d.invalid === 1 ? ' is' : 's are'} shown as �, so its text may be wrong (Latin-1 or Windows-1252?). Save it as UTF-8.`));
        }
        return { text: d.text, issues };
      }
      if (r.reason === 'missing') {
        this.failures.delete(path);
        return { text: undefined, issues: [] };
      }
      this.failures.set(path, r.message);
      const why =
        r.reason === 'too-large' ? `it is larger than ${MAX_STORY_BYTES / 1024 / 1024} MB (${r.message})`
        : r.reason === 'not-a-file' ? `it is not a regular file (${r.message})`
        : r.message;
      return { text: undefined, issues: [fileIssue(path, 'unreadable-file', 'error', `Rudder cannot read this file: ${why}. Its story is missing from the backlog until it can be read.`)] };
    });
  }

  /** Puts a file's text into the index (undefined = the file is gone), an editor's unsaved text in place of the disk's. */
  private apply(path: string, disk: Read): void {
    if (disk.text === undefined) {
      if (this.index.knows(path)) this.index.remove(path);
      if (disk.issues.length) this.index.setFileIssues(path, disk.issues);
      return;
    }
    const text = this.overlay(path) ?? disk.text;
    if (text !== this.index.text(path)) this.index.upsert(path, text);
    this.index.setFileIssues(path, disk.issues);
  }
}
