import * as vscode from 'vscode';
import type { BacklogSessions } from './backlogSessions';
import { storiesNeedingGrooming } from './groomingView';
import { onAnyIndexChange } from './sessionEvents';

// Why 300 ms: the count walks every story's (cached) issues; the status bar need not be faster than a glance.
const REFRESH_MS = 300;

/** The `$(list-ordered) 42 stories · 5 need grooming` item; clicking it focuses the grooming view. Hidden without a backlog. */
export class BacklogStatusBar implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('rudder.status', vscode.StatusBarAlignment.Left, 10);
  private readonly subscription: vscode.Disposable;

  constructor(private readonly sessions: BacklogSessions) {
    this.item.name = 'Rudder Backlog';
    this.item.command = 'rudder.grooming.focus';
    this.subscription = onAnyIndexChange(sessions, () => this.update(), REFRESH_MS);
    this.update();
  }

  /** Recounts now and returns the text shown. */
  update(): string {
    const all = this.sessions.all();
    if (all.length === 0) {
      this.item.hide();
      return '';
    }
    const stories = all.reduce((n, s) => n + s.index.stories().length, 0);
    const grooming = storiesNeedingGrooming(this.sessions);
    this.item.text = `$(list-ordered) ${stories} ${stories === 1 ? 'story' : 'stories'} · ${grooming} need${grooming === 1 ? 's' : ''} grooming`;
    this.item.tooltip = `${stories} stories in the backlog; ${grooming} with issues. Click to see what needs grooming.`;
    this.item.accessibilityInformation = { label: `Rudder: ${stories} stories, ${grooming} need grooming` };
    this.item.show();
    return this.item.text;
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}

/** Registers the status bar item; returns it (a Disposable). */
export function registerStatusBar(sessions: BacklogSessions): BacklogStatusBar {
  return new BacklogStatusBar(sessions);
}
