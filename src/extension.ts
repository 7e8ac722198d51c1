import * as vscode from 'vscode';
import { BacklogIndex } from './core/index/backlogIndex';
import { BacklogLoader, findBacklogRoot } from './vscode/backlogLoader';
import { BacklogTreeProvider, registerBacklogTree } from './vscode/backlogTree';
import { registerRefreshCommand } from './vscode/refreshCommand';

/** What `activate` returns: used by the integration tests (and by other extensions, read-only). */
export interface RudderApi {
  readonly index: BacklogIndex;
  readonly loader: BacklogLoader;
  readonly tree: BacklogTreeProvider;
}

/** Builds the core over the workspace's backlog and registers every feature; returns the API. */
export async function activate(context: vscode.ExtensionContext): Promise<RudderApi | undefined> {
  const folder = await findBacklogRoot();
  if (!folder) return undefined;
  const index = new BacklogIndex();
  const loader = new BacklogLoader(index, folder.uri);
  const tree = new BacklogTreeProvider(index, folder.uri);
  context.subscriptions.push(loader, registerBacklogTree(tree), registerRefreshCommand(loader, tree));
  void loader.start();
  return { index, loader, tree };
}

export function deactivate(): void {}
