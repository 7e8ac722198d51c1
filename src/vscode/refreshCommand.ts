import * as vscode from 'vscode';
import type { BacklogLoader } from './backlogLoader';
import type { BacklogTreeProvider } from './backlogTree';

/** Returns the disposable of `rudder.refresh`: re-reads the configuration and every file, then redraws the tree. */
export function registerRefreshCommand(loader: BacklogLoader, tree: BacklogTreeProvider): vscode.Disposable {
  return vscode.commands.registerCommand('rudder.refresh', async () => {
    await loader.reload();
    tree.refresh();
  });
}
