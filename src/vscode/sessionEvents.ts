import * as vscode from 'vscode';
import type { BacklogSessions } from './backlogSessions';

/**
 * Calls `listener` at most once per `delayMs` window after any session's index changed, or a session
 * was added or removed; returns the subscription. Why a window: the index fires once per file, and
 * a load or a branch switch changes thousands of files; views need one redraw per burst.
 */
export function onAnyIndexChange(sessions: BacklogSessions, listener: () => void, delayMs: number): vscode.Disposable {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    if (timer === undefined) {
      timer = setTimeout(() => {
        timer = undefined;
        listener();
      }, delayMs);
    }
  };
  const perSession = new Map<unknown, { dispose(): void }>();
  const resubscribe = () => {
    const live = new Set(sessions.all());
    for (const [s, d] of perSession) if (!live.has(s as never)) (d.dispose(), perSession.delete(s));
    for (const s of live) if (!perSession.has(s)) perSession.set(s, s.index.onDidChange(schedule));
  };
  resubscribe();
  const sessionsChanged = sessions.onDidChangeSessions(() => {
    resubscribe();
    schedule();
  });
  return new vscode.Disposable(() => {
    if (timer !== undefined) clearTimeout(timer);
    sessionsChanged.dispose();
    for (const d of perSession.values()) d.dispose();
    perSession.clear();
  });
}
