import * as vscode from 'vscode';
import type { BacklogIndex, IndexChange } from '../core/index/backlogIndex';
import type { Issue } from '../core/model/issue';
import { toCorePath, toUri, toVsDiagnostic } from './convert';

// Why 200 ms: the index re-parses one story in well under 50 ms, but re-running it on every keystroke
// makes squiggles flicker while a word is half typed; 200 ms is about one typing pause, fast enough to feel live.
const TYPING_DEBOUNCE_MS = 200;
// Why batch publishing: a load or a branch switch fires one index change per file (thousands); one
// DiagnosticCollection.set per batch sends one message to the workbench instead of one per file.
const PUBLISH_DELAY_MS = 30;

/** Keeps the index and the Problems panel in step with open story editors and the index; see `registerDiagnostics`. */
export class BacklogDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('rudder');
  private readonly disposables: vscode.Disposable[] = [this.collection];
  private readonly dirty = new Set<string>();
  private published = new Set<string>();
  private publishTimer: ReturnType<typeof setTimeout> | undefined;
  private fullRefresh = false;
  // Per path: the pending debounce timer and a generation counter, so a stale timer (or one racing a
  // close) never writes an older text over a newer one.
  private readonly typing = new Map<string, { timer: ReturnType<typeof setTimeout>; generation: number }>();
  private generation = 0;

  constructor(
    private readonly index: BacklogIndex,
    private readonly root: vscode.Uri,
    /** Re-reads one file from disk into the index (the loader's job); used when an editor closes. */
    private readonly rereadFromDisk: (uri: vscode.Uri) => Promise<void>,
  ) {
    this.disposables.push(
      index.onDidChange((c) => this.onIndexChange(c)),
      vscode.workspace.onDidChangeTextDocument((e) => this.onDocumentChange(e.document)),
      vscode.workspace.onDidCloseTextDocument((d) => void this.onDocumentClose(d)),
    );
    this.schedule([], true);
  }

  /**
   * Upserts an open document's text now (cancelling its pending debounce); returns its path, or undefined when it is
   * no backlog file. Only a file the index holds takes the editor's text: a file deleted on disk stays out of the
   * backlog while an editor still shows it (saving it brings it back, through the loader).
   */
  syncNow(document: vscode.TextDocument): string | undefined {
    const path = this.backlogPath(document.uri);
    if (path === undefined) return undefined;
    const pending = this.typing.get(path);
    if (pending) clearTimeout(pending.timer);
    this.typing.delete(path);
    const text = document.getText();
    if (this.index.text(path) !== undefined && this.index.text(path) !== text) this.index.upsert(path, text);
    return path;
  }

  private backlogPath(uri: vscode.Uri): string | undefined {
    const path = toCorePath(this.root, uri);
    return path !== undefined && this.index.isBacklogFile(path) ? path : undefined;
  }

  private onDocumentChange(document: vscode.TextDocument): void {
    const path = this.backlogPath(document.uri);
    if (path === undefined) return;
    const previous = this.typing.get(path);
    if (previous) clearTimeout(previous.timer);
    const generation = ++this.generation;
    const timer = setTimeout(() => {
      if (this.typing.get(path)?.generation !== generation) return; // superseded by a newer keystroke or a close
      this.typing.delete(path);
      if (document.isClosed) return;
      // A document the index does not hold is a file deleted on disk (or not loaded yet: the loader then takes this
      // text as the file's unsaved text): do not bring it back.
      if (this.index.text(path) === undefined) return;
      const text = document.getText();
      if (this.index.text(path) !== text) this.index.upsert(path, text);
    }, TYPING_DEBOUNCE_MS);
    this.typing.set(path, { timer, generation });
  }

  private async onDocumentClose(document: vscode.TextDocument): Promise<void> {
    const path = this.backlogPath(document.uri);
    if (path === undefined) return;
    const pending = this.typing.get(path);
    if (pending) clearTimeout(pending.timer);
    this.typing.delete(path);
    // The editor may have held unsaved text: the index must go back to what is on disk.
    if (document.isDirty || this.index.text(path) !== undefined) await this.rereadFromDisk(document.uri);
  }

  private onIndexChange(change: IndexChange): void {
    this.schedule(change.paths, change.all);
  }

  private schedule(paths: readonly string[], all: boolean): void {
    for (const p of paths) this.dirty.add(p);
    if (all) this.fullRefresh = true;
    if (this.publishTimer === undefined) this.publishTimer = setTimeout(() => this.publish(), PUBLISH_DELAY_MS);
  }

  /** Publishes the diagnostics of the changed files now (the tests call it to skip the batching delay). */
  publish(): void {
    if (this.publishTimer !== undefined) clearTimeout(this.publishTimer);
    this.publishTimer = undefined;
    const backlog = new Map<string, Issue[]>();
    for (const issue of this.index.backlogIssues()) {
      const list = backlog.get(issue.path) ?? [];
      list.push(issue);
      backlog.set(issue.path, list);
    }
    let paths: Set<string>;
    if (this.fullRefresh) {
      paths = new Set([...this.published, ...this.index.reportedPaths()]);
    } else {
      paths = new Set(this.dirty);
      // Backlog-level issues (config, missing vision) may appear or vanish with any change.
      for (const p of this.published) if (!this.index.story(p) && !this.index.milestones().some((m) => m.path === p) && this.index.vision()?.path !== p) paths.add(p);
    }
    for (const p of backlog.keys()) paths.add(p);
    this.fullRefresh = false;
    this.dirty.clear();
    const entries: [vscode.Uri, vscode.Diagnostic[] | undefined][] = [];
    for (const path of paths) {
      const issues = dedupe([...(this.index.knows(path) ? this.index.issues(path) : []), ...(backlog.get(path) ?? [])]);
      const uri = toUri(this.root, path);
      if (issues.length === 0) {
        if (this.published.delete(path)) entries.push([uri, undefined]);
      } else {
        this.published.add(path);
        entries.push([uri, issues.map((i) => toVsDiagnostic(this.root, i))]);
      }
    }
    if (entries.length) this.collection.set(entries);
  }

  dispose(): void {
    if (this.publishTimer !== undefined) clearTimeout(this.publishTimer);
    for (const t of this.typing.values()) clearTimeout(t.timer);
    this.typing.clear();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

/** Returns the issues without repeats (an issue can be both a file's and the backlog's). */
function dedupe(issues: Issue[]): Issue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const k = `${i.code}|${i.range.start.line}:${i.range.start.character}|${i.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Registers the Problems-panel diagnostics for every backlog file (open or not) and live updates while typing; returns the feature (a Disposable). */
// File reading belongs to the loader (views and features never read files): the caller passes its `reread`.
export function registerDiagnostics(index: BacklogIndex, root: vscode.Uri, rereadFromDisk: (uri: vscode.Uri) => Promise<void>): BacklogDiagnostics {
  return new BacklogDiagnostics(index, root, rereadFromDisk);
}
