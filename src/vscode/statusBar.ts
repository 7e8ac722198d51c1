import * as vscode from 'vscode';
import type { BacklogSessions } from './backlogSessions';
import { storiesNeedingGrooming } from './groomingView';
import { countStories } from '../core/query/counts';
import { plural } from '../core/model/plural';
import { onAnyIndexChange, onEverySession } from './sessionEvents';

// Why 300 ms: the count walks every story's (cached) issues; the status bar need not be faster than a glance.
const REFRESH_MS = 300;

/** The `$(list-ordered) 42 stories · 5 need grooming` item; clicking it focuses the grooming view. Hidden without a backlog. */
export class BacklogStatusBar implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('rudder.status', vscode.StatusBarAlignment.Left, 10);
  private readonly subscription: vscode.Disposable;

  constructor(private readonly sessions: BacklogSessions) {
    this.item.name = 'Rudder Backlog';
    this.item.command = 'rudder.grooming.focus';
    this.subscription = vscode.Disposable.from(
      onAnyIndexChange(sessions, () => this.update(), REFRESH_MS),
      // The loaders report the end of a load (the index may not change at that moment).
      onEverySession(sessions, (s) => s.loader.onDidChangeLoading(() => this.update())),
    );
    this.update();
  }

  /** Recounts now and returns the text shown. */
  update(): string {
    const all = this.sessions.all();
    if (all.length === 0) {
      this.item.hide();
      return '';
    }
    // Stories and epics apart, as every view counts them (src/core/query/counts.ts).
    const counts = all.map((s) => countStories(s.index.stories()));
    const stories = counts.reduce((n, c) => n + c.stories, 0);
    const epics = counts.reduce((n, c) => n + c.epics, 0);
    const what = [plural(stories, 'story', 'stories'), ...(epics ? [plural(epics, 'epic')] : [])].join(' · ');
    if (all.some((s) => s.loader.isLoading)) {
      // Why no grooming count while loading: it runs every rule on every story loaded so far, again
      // and again as the load goes on; the count comes once the load is done.
      this.item.text = `$(sync~spin) ${what}…`;
      this.item.tooltip = 'Rudder is loading the backlog';
      this.item.show();
      return this.item.text;
    }
    const grooming = storiesNeedingGrooming(this.sessions);
    this.item.text = `$(list-ordered) ${what} · ${grooming} need${grooming === 1 ? 's' : ''} grooming`;
    this.item.tooltip = `${what} in the backlog; ${grooming} with issues. Click to see what needs grooming.`;
    this.item.accessibilityInformation = { label: `Rudder: ${what}, ${grooming} need${grooming === 1 ? 's' : ''} grooming` };
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
