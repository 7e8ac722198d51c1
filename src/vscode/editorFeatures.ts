import * as vscode from 'vscode';
import type { BacklogSession, BacklogSessions } from './backlogSessions';
import { registerCodeActions } from './codeActions';
import { registerDiagnostics, type BacklogDiagnostics } from './diagnostics';
import { registerStoryLanguageFeatures } from './storyLanguageFeatures';

/** The editor features of every backlog: diagnostics, quick fixes, completion/hover/definition/CodeLens. */
export class EditorFeatures implements vscode.Disposable {
  private readonly perSession = new Map<BacklogSession, { diagnostics: BacklogDiagnostics; disposable: vscode.Disposable }>();
  private readonly subscription: vscode.Disposable;

  constructor(private readonly sessions: BacklogSessions) {
    this.sync();
    // Sessions come and go with workspace folders and "Create Backlog": register for new ones, drop old ones.
    this.subscription = sessions.onDidChangeSessions(() => this.sync());
  }

  /** Returns the diagnostics feature of a session (the tests publish through it). */
  diagnosticsOf(session: BacklogSession): BacklogDiagnostics | undefined {
    return this.perSession.get(session)?.diagnostics;
  }

  private sync(): void {
    const live = new Set(this.sessions.all());
    for (const [session, entry] of this.perSession) {
      if (!live.has(session)) {
        entry.disposable.dispose();
        this.perSession.delete(session);
      }
    }
    for (const session of live) {
      if (this.perSession.has(session)) continue;
      const diagnostics = registerDiagnostics(session.index, session.root, (uri) => session.loader.reread(uri));
      const disposable = vscode.Disposable.from(
        diagnostics,
        registerCodeActions(session.index, session.root, (d) => diagnostics.syncNow(d)),
        registerStoryLanguageFeatures(session.index, session.root, (path) => session.history.ageOf(path)),
      );
      this.perSession.set(session, { diagnostics, disposable });
    }
  }

  dispose(): void {
    this.subscription.dispose();
    for (const entry of this.perSession.values()) entry.disposable.dispose();
    this.perSession.clear();
  }
}

/** Registers the editor features for every backlog, now and as backlogs are added; returns them (a Disposable). */
export function registerEditorFeatures(sessions: BacklogSessions): EditorFeatures {
  return new EditorFeatures(sessions);
}
