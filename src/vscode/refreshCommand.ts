import * as vscode from 'vscode';
import type { BacklogSessions } from './backlogSessions';

/** Returns the disposable of `rudder.refresh`: looks for new backlogs, re-reads every backlog's configuration and files, then redraws. */
export function registerRefreshCommand(sessions: BacklogSessions, redraw: () => void): vscode.Disposable {
  return vscode.commands.registerCommand('rudder.refresh', async () => {
    await sessions.start();
    await Promise.all(sessions.all().map((s) => s.loader.reload()));
    redraw();
  });
}
