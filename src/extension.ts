import * as vscode from 'vscode';
import type { FileSource } from './core/load/fileSource';
import { noHistory, type HistorySource } from './core/flow/backlogHistory';
import { GitHistorySource } from './node/gitHistorySource';
import { NodeFileSource } from './node/nodeFileSource';
import { activateRudder, type RudderApi } from './vscode/activateRudder';
import { WorkspaceFileSource } from './vscode/workspaceFileSource';

// The Node entry (package.json "main"): desktop VS Code, remote windows, codespaces, code-server. It chooses what needs
// Node; `src/webExtension.ts` is the browser's entry and passes "not available" for the same features.

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

/** Activates Rudder in a Node extension host; returns the API the host tests use. */
export function activate(context: vscode.ExtensionContext): Promise<RudderApi> {
  return activateRudder(context, { kind: 'node', sourceFor, historyFor });
}

export function deactivate(): void {}
