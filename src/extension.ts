import * as vscode from 'vscode';
import type { BacklogIndex } from './core/index/backlogIndex';
import type { FileSource } from './core/load/fileSource';
import { noHistory, type HistorySource } from './core/flow/backlogHistory';
import { GitHistorySource } from './node/gitHistorySource';
import { NodeFileSource } from './node/nodeFileSource';
import type { BacklogLoader } from './vscode/backlogLoader';
import { BacklogSessions } from './vscode/backlogSessions';
import { registerBacklogTree, type BacklogTreeProvider } from './vscode/backlogTree';
import type { BacklogNode } from './vscode/backlogNodes';
import { registerCreateCommands } from './vscode/createBacklog';
import { registerEditorFeatures, type EditorFeatures } from './vscode/editorFeatures';
import { createBacklogDragAndDrop } from './vscode/grooming/backlogDragAndDrop';
import { registerGrooming } from './vscode/grooming/commands';
import { registerGroomingView, type GroomingTreeProvider } from './vscode/groomingView';
import { registerIssueDecorations } from './vscode/issueDecorations';
import { registerNextUpView, type NextUpNode, type NextUpTreeProvider } from './vscode/nextUpView';
import type { LastAction } from './vscode/grooming/lastAction';
import { registerLoadingState } from './vscode/loadingState';
import { registerRefreshCommand } from './vscode/refreshCommand';
import { registerRoadmap, type RoadmapController } from './vscode/roadmap/roadmapPanel';
import { registerStatusBar, type BacklogStatusBar } from './vscode/statusBar';
import { registerVisionView, type VisionTreeProvider } from './vscode/visionView';
import { WorkspaceFileSource } from './vscode/workspaceFileSource';

/**
 * Returns how a workspace folder is read: local folders with Node (each workspace.fs read is a round trip through the
 * file service: on 10,000 stories those reads were 2.8 s of a 4.5 s load, where Node reads the same files in a few
 * hundred ms), every other file system through `vscode.workspace.fs`. Only reads: every write is a WorkspaceEdit.
 */
function sourceFor(root: vscode.Uri): FileSource {
  return root.scheme === 'file' ? new NodeFileSource(root.fsPath) : new WorkspaceFileSource(root);
}

/** Returns how a workspace folder's history is read: git for local folders; other file systems have no local history. */
function historyFor(root: vscode.Uri): HistorySource {
  return root.scheme === 'file' ? new GitHistorySource(root.fsPath) : noHistory(`a ${root.scheme} folder has no local git history`);
}

/** What `activate` returns: used by the integration tests and the host benchmark (and by other extensions, read-only). */
export interface RudderApi {
  readonly sessions: BacklogSessions;
  readonly tree: BacklogTreeProvider;
  readonly treeView: vscode.TreeView<BacklogNode>;
  readonly grooming: GroomingTreeProvider;
  readonly nextUp: NextUpTreeProvider;
  readonly nextUpView: vscode.TreeView<NextUpNode>;
  /** Rudder's last action and its Undo (the status bar's "… · Undo"). */
  readonly lastAction: LastAction;
  readonly vision: VisionTreeProvider;
  readonly statusBar: BacklogStatusBar;
  readonly editor: EditorFeatures;
  /** The roadmap panel's controller (open, export, what the webview last drew). */
  readonly roadmap: RoadmapController;
  /** Milliseconds `activate` took (loading runs on afterwards). */
  readonly activationMs: number;
  /** When `activate` started (`Date.now()`), for the host benchmark's timings. */
  readonly activatedAt: number;
  /** The first backlog's index (most workspaces have one backlog); throws when there is none. */
  readonly index: BacklogIndex;
  /** The first backlog's loader; throws when there is none. */
  readonly loader: BacklogLoader;
  /** Resolves when every backlog has loaded and pending file changes are applied. */
  ready(): Promise<void>;
}

/** Builds one core index per backlog folder and registers every feature; returns the API without waiting for the backlogs to load. */
export async function activate(context: vscode.ExtensionContext): Promise<RudderApi> {
  const started = performance.now();
  const activatedAt = Date.now();
  const sessions = new BacklogSessions(sourceFor, historyFor);
  context.subscriptions.push(sessions);
  // Only probes each folder for `.rudder.yml` / `backlog/`; the loads run in the background.
  await sessions.start();
  context.subscriptions.push(registerLoadingState(sessions));
  const editor = registerEditorFeatures(sessions);
  const tree = registerBacklogTree(sessions, context.workspaceState, createBacklogDragAndDrop(sessions));
  const grooming = registerGroomingView(sessions);
  const next = registerNextUpView(sessions);
  const vision = registerVisionView(sessions);
  const statusBar = registerStatusBar(sessions);
  const redraw = () => {
    tree.provider.refresh();
    grooming.provider.refresh();
    next.provider.refresh();
    vision.provider.refresh();
    statusBar.update();
  };
  context.subscriptions.push(editor, tree, grooming, next, vision, statusBar, registerIssueDecorations(sessions), registerCreateCommands(sessions), registerRefreshCommand(sessions, redraw));
  // The roadmap shows the backlog of the active editor's folder; while the panel itself has focus
  // (no active editor) it keeps the last one it showed, else the first backlog.
  let roadmapSession: ReturnType<typeof sessions.all>[number] | undefined;
  const roadmap = registerRoadmap(context, () => {
    const active = vscode.window.activeTextEditor?.document.uri;
    const session = (active && sessions.forUri(active)) || (roadmapSession && sessions.all().includes(roadmapSession) ? roadmapSession : sessions.all()[0]);
    roadmapSession = session;
    return session;
  });
  context.subscriptions.push(roadmap);
  const groomingCommands = registerGrooming(context, sessions, tree.view);
  context.subscriptions.push(groomingCommands);
  const activationMs = performance.now() - started;
  const first = () => {
    const session = sessions.all()[0];
    if (!session) throw new Error('Rudder: this workspace has no backlog');
    return session;
  };
  return {
    sessions,
    tree: tree.provider,
    treeView: tree.view,
    grooming: grooming.provider,
    nextUp: next.provider,
    nextUpView: next.view,
    lastAction: groomingCommands.state.lastAction,
    vision: vision.provider,
    statusBar,
    editor,
    roadmap,
    activationMs,
    activatedAt,
    get index() {
      return first().index;
    },
    get loader() {
      return first().loader;
    },
    ready: async () => {
      await Promise.all(sessions.all().map((s) => s.loader.settled()));
    },
  };
}

export function deactivate(): void {}
