import * as vscode from 'vscode';
import type { BacklogIndex } from '../core/index/backlogIndex';
import type { BacklogLoader } from './backlogLoader';
import { BacklogSessions } from './backlogSessions';
import { registerBacklogTree, type BacklogTreeProvider } from './backlogTree';
import type { BacklogNode } from './backlogNodes';
import { registerCreateCommands } from './createBacklog';
import { registerEditorFeatures, type EditorFeatures } from './editorFeatures';
import { createBacklogDragAndDrop } from './grooming/backlogDragAndDrop';
import { registerGrooming } from './grooming/commands';
import { registerGroomingView, type GroomingTreeProvider } from './groomingView';
import { registerIssueDecorations } from './issueDecorations';
import type { LastAction } from './grooming/lastAction';
import { registerLoadingState } from './loadingState';
import { registerNextUpView, type NextUpNode, type NextUpTreeProvider } from './nextUpView';
import { registerRefreshCommand } from './refreshCommand';
import { registerRoadmap, type RoadmapController } from './roadmap/roadmapPanel';
import type { RudderHost, RudderHostKind } from './rudderHost';
import { registerStatusBar, type BacklogStatusBar } from './statusBar';
import { registerVisionView, type VisionTreeProvider } from './visionView';

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
  /** Which extension host runs this activation (`node` or `web`). */
  readonly hostKind: RudderHostKind;
  /** The first backlog's index (most workspaces have one backlog); throws when there is none. */
  readonly index: BacklogIndex;
  /** The first backlog's loader; throws when there is none. */
  readonly loader: BacklogLoader;
  /** Resolves when every backlog has loaded and pending file changes are applied. */
  ready(): Promise<void>;
}

/**
 * Builds one core index per backlog folder and registers every feature, on whichever host runs it (the entry point
 * says how folders are read and which Node-only features exist); returns the API without waiting for the backlogs to load.
 */
export async function activateRudder(context: vscode.ExtensionContext, host: RudderHost): Promise<RudderApi> {
  const started = performance.now();
  const activatedAt = Date.now();
  const output = vscode.window.createOutputChannel('Rudder');
  context.subscriptions.push(output);
  // For package.json's `when` clauses: a contribution that needs Node can hide itself, or say why, in the browser.
  void vscode.commands.executeCommand('setContext', 'rudder.hostKind', host.kind);
  const sessions = new BacklogSessions(host.sourceFor, host.historyFor);
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
  const roadmap = registerRoadmap(
    context,
    () => {
      const active = vscode.window.activeTextEditor?.document.uri;
      const session = (active && sessions.forUri(active)) || (roadmapSession && sessions.all().includes(roadmapSession) ? roadmapSession : sessions.all()[0]);
      roadmapSession = session;
      return session;
    },
    output,
  );
  context.subscriptions.push(roadmap);
  const groomingCommands = registerGrooming(context, sessions, tree.view);
  context.subscriptions.push(groomingCommands);
  const activationMs = performance.now() - started;
  output.appendLine(`[rudder] activated in the ${host.kind === 'web' ? 'web worker' : 'Node'} extension host in ${activationMs.toFixed(1)} ms (${sessions.all().length} backlog(s))`);
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
    hostKind: host.kind,
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
