import * as vscode from 'vscode';
import { BacklogIndex } from '../core/index/backlogIndex';
import { findBacklog, type BacklogLocation } from '../core/load/discoverBacklog';
import type { FileSource } from '../core/load/fileSource';
import type { Story } from '../core/model/story';
import { noHistory } from '../core/flow/backlogHistory';
import { BacklogLoader } from './backlogLoader';
import { toCorePath, toUri } from './convert';
import { SessionHistory, type HistorySourceFactory } from './sessionHistory';

/** Returns the FileSource of a workspace folder (the extension's entry point decides: Node for local folders, else workspace.fs). */
export type FileSourceFactory = (root: vscode.Uri) => FileSource;

/** One workspace folder's backlog: its index and the loader that keeps the index in step with the files. */
export class BacklogSession implements vscode.Disposable {
  readonly index = new BacklogIndex();
  readonly loader: BacklogLoader;
  /** The git history of its backlog folder, read in the background after the first load. */
  readonly history: SessionHistory;

  constructor(
    readonly folder: vscode.WorkspaceFolder,
    readonly source: FileSource,
    location: BacklogLocation,
    historyFor: HistorySourceFactory = () => noHistory('this folder has no local git history'),
  ) {
    this.loader = new BacklogLoader(this.index, folder.uri, source, location);
    this.history = new SessionHistory(historyFor(folder.uri), this.index);
  }

  get root(): vscode.Uri {
    return this.folder.uri;
  }

  /** Returns the file URI of a core path. */
  toUri(path: string): vscode.Uri {
    return toUri(this.root, path);
  }

  /** Returns the core path of a URI inside this folder, else undefined. */
  toPath(uri: vscode.Uri): string | undefined {
    return toCorePath(this.root, uri);
  }

  /** Returns the story of a URI in this backlog, else undefined. */
  storyAt(uri: vscode.Uri): Story | undefined {
    const path = this.toPath(uri);
    return path === undefined ? undefined : this.index.story(path);
  }

  dispose(): void {
    this.history.dispose();
    this.loader.dispose();
  }
}

/**
 * The backlogs of a (multi-root) workspace: one session per folder where the core finds a backlog (`.rudder.yml`,
 * `backlog/`, or a backlog folder itself, as `rudder` does). Follows folders being added and removed.
 */
export class BacklogSessions implements vscode.Disposable {
  private readonly sessions = new Map<string, BacklogSession>();
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  /** Fires when a session is added or removed (not on index changes: use each index's onDidChange). */
  readonly onDidChangeSessions = this.changeEmitter.event;
  private readonly subscription: vscode.Disposable;

  constructor(
    readonly sourceFor: FileSourceFactory,
    private readonly historyFor?: HistorySourceFactory,
  ) {
    this.subscription = vscode.workspace.onDidChangeWorkspaceFolders((e) => void this.update(e.added, e.removed));
  }

  /** Opens a session for every folder that has a backlog; resolves when they are created (not loaded). */
  async start(): Promise<void> {
    await this.update(vscode.workspace.workspaceFolders ?? [], []);
  }

  /** Returns every session, in workspace-folder order. */
  all(): readonly BacklogSession[] {
    return [...this.sessions.values()].sort((a, b) => a.folder.index - b.folder.index);
  }

  /** Returns the session whose folder contains `uri`. */
  forUri(uri: vscode.Uri): BacklogSession | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return folder ? this.sessions.get(folder.uri.toString()) : undefined;
  }

  /** Resolves when every session's current load has finished. */
  async ready(): Promise<void> {
    await Promise.all(this.all().map((s) => s.loader.ready));
  }

  /** Returns where the backlog of a folder is, or undefined when it has none (the core's rule, shared with the CLI). */
  async locate(root: vscode.Uri): Promise<BacklogLocation | undefined> {
    return findBacklog(this.sourceFor(root));
  }

  /** Creates a session for a folder that has just been given a backlog (e.g. by "Create Backlog"). */
  async add(folder: vscode.WorkspaceFolder): Promise<BacklogSession> {
    const existing = this.sessions.get(folder.uri.toString());
    if (existing) {
      await existing.loader.reload();
      return existing;
    }
    const source = this.sourceFor(folder.uri);
    const session = new BacklogSession(folder, source, (await findBacklog(source)) ?? { backlogFolder: 'backlog' }, this.historyFor);
    this.sessions.set(folder.uri.toString(), session);
    this.changeEmitter.fire();
    const loaded = session.loader.start();
    session.history.start(loaded);
    await loaded;
    return session;
  }

  private async update(added: readonly vscode.WorkspaceFolder[], removed: readonly vscode.WorkspaceFolder[]): Promise<void> {
    let changed = false;
    for (const folder of removed) {
      const session = this.sessions.get(folder.uri.toString());
      if (session) {
        session.dispose();
        this.sessions.delete(folder.uri.toString());
        changed = true;
      }
    }
    for (const folder of added) {
      if (this.sessions.has(folder.uri.toString())) continue;
      const source = this.sourceFor(folder.uri);
      const location = await findBacklog(source);
      if (!location || this.sessions.has(folder.uri.toString())) continue;
      const session = new BacklogSession(folder, source, location, this.historyFor);
      this.sessions.set(folder.uri.toString(), session);
      session.history.start(session.loader.start());
      changed = true;
    }
    if (changed) this.changeEmitter.fire();
  }

  dispose(): void {
    for (const s of this.sessions.values()) s.dispose();
    this.sessions.clear();
    this.subscription.dispose();
    this.changeEmitter.dispose();
  }
}
