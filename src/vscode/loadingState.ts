import * as vscode from 'vscode';
import type { BacklogSessions } from './backlogSessions';
import { onEverySession } from './sessionEvents';

/** The `rudder.state` context key: which welcome content the views show. */
export type RudderState = 'noBacklog' | 'loading' | 'ready';

/**
 * Keeps the `rudder.state` context key in step with the sessions, and shows progress on the Rudder
 * views while any backlog loads (activation does not wait for loading); returns the subscription.
 */
export function registerLoadingState(sessions: BacklogSessions): vscode.Disposable {
  let progress: { resolve: () => void } | undefined;
  let state: RudderState | undefined;
  const sync = () => {
    const all = sessions.all();
    const loading = all.some((s) => s.loader.isLoading);
    const next: RudderState = all.length === 0 ? 'noBacklog' : loading ? 'loading' : 'ready';
    if (next !== state) {
      state = next;
      void vscode.commands.executeCommand('setContext', 'rudder.state', next);
    }
    if (loading && !progress) {
      const done = new Promise<void>((resolve) => (progress = { resolve }));
      for (const viewId of ['rudder.backlog', 'rudder.grooming', 'rudder.vision']) void vscode.window.withProgress({ location: { viewId } }, () => done);
    } else if (!loading && progress) {
      progress.resolve();
      progress = undefined;
    }
  };
  const sub = onEverySession(sessions, (s) => s.loader.onDidChangeLoading(sync), sync);
  sync();
  return new vscode.Disposable(() => {
    sub.dispose();
    progress?.resolve();
  });
}
