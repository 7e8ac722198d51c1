import * as vscode from 'vscode';
import type { BacklogSession, BacklogSessions } from './backlogSessions';

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
  const perSession = onEverySession(sessions, (s) => s.index.onDidChange(schedule), schedule);
  return new vscode.Disposable(() => {
    if (timer !== undefined) clearTimeout(timer);
    perSession.dispose();
  });
}

/**
 * Subscribes `subscribe` to each session, now and as sessions come (and drops the subscription of a session that
 * goes); calls `onSessionsChanged` after each change of the session list; returns the whole subscription.
 */
export function onEverySession(sessions: BacklogSessions, subscribe: (session: BacklogSession) => vscode.Disposable, onSessionsChanged?: () => void): vscode.Disposable {
  const perSession = new Map<BacklogSession, vscode.Disposable>();
  const resubscribe = () => {
    const live = new Set(sessions.all());
    for (const [s, d] of perSession) if (!live.has(s)) (d.dispose(), perSession.delete(s));
    for (const s of live) if (!perSession.has(s)) perSession.set(s, subscribe(s));
  };
  resubscribe();
  const sessionsChanged = sessions.onDidChangeSessions(() => {
    resubscribe();
    onSessionsChanged?.();
  });
  return new vscode.Disposable(() => {
    sessionsChanged.dispose();
    for (const d of perSession.values()) d.dispose();
    perSession.clear();
  });
}
