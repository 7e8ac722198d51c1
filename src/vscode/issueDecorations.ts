import * as vscode from 'vscode';
import type { BacklogSessions } from './backlogSessions';
import { STORY_ROW_SCHEME } from './storyRows';
import { onAnyIndexChange } from './sessionEvents';

/**
 * Decorates story rows (their `rudder-story:` URIs) that have issues: a badge with the count and the
 * warning or error colour on the label. Own scheme, so the Explorer keeps VS Code's own problem
 * decorations for the files and nothing is counted twice.
 */
export class IssueDecorations implements vscode.FileDecorationProvider, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<undefined>();
  readonly onDidChangeFileDecorations = this.changeEmitter.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly sessions: BacklogSessions) {
    // Why debounced (in onAnyIndexChange): one redraw per burst of index changes, not one per file.
    this.subscription = onAnyIndexChange(sessions, () => this.changeEmitter.fire(undefined), 100);
  }

  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    if (uri.scheme !== STORY_ROW_SCHEME) return undefined;
    const session = this.sessions.all().find((s) => s.root.toString() === uri.query);
    const issues = session?.index.issues(uri.path.slice(1)) ?? [];
    if (issues.length === 0) return undefined;
    const errors = issues.filter((i) => i.severity === 'error').length;
    const warnings = issues.filter((i) => i.severity === 'warning').length;
    const color = new vscode.ThemeColor(errors ? 'list.errorForeground' : warnings ? 'list.warningForeground' : 'editorInfo.foreground');
    const badge = issues.length > 9 ? '9+' : String(issues.length);
    return new vscode.FileDecoration(badge, `${issues.length} ${issues.length === 1 ? 'issue' : 'issues'}`, color);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changeEmitter.dispose();
  }
}

/** Registers the issue decorations of story rows; returns their disposable. */
export function registerIssueDecorations(sessions: BacklogSessions): vscode.Disposable {
  const decorations = new IssueDecorations(sessions);
  return vscode.Disposable.from(decorations, vscode.window.registerFileDecorationProvider(decorations));
}
