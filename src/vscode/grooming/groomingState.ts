import * as vscode from 'vscode';
import { highWaterIds, raiseHighWater } from '../../core/grooming/idHighWater';
import type { HighWaterMarks } from '../../core/grooming/idHighWater';
import { seenIds } from '../../core/grooming/splitStory';
import type { Severity } from '../../core/model/issue';
import type { BacklogSession, BacklogSessions } from '../backlogSessions';
import { onAnyIndexChange } from '../sessionEvents';

const HIGH_WATER_KEY = 'rudder.grooming.highWaterIds';

/** What new ids must avoid, and whether they get a random suffix (the `knownIds` / `random` options of newItem and splitStory). */
export interface IdOptions {
  readonly knownIds: readonly string[];
  readonly random?: () => number;
}

/** The state of grooming: remembered ids, the grooming queue's position, the `rudder.activeStory*` / `rudder.hasBacklog` context keys. */
export class GroomingState implements vscode.Disposable {
  /** The story `rudder.nextToGroom` opened last, and the severity tier it was in then: the queue goes on after it. */
  lastGroomed: { readonly path: string; readonly severity: Severity } | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly sessions: BacklogSessions,
  ) {
    const update = () => this.updateContextKeys();
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(update),
      sessions.onDidChangeSessions(update),
      // Why 200 ms: the index fires once per file while a backlog loads; the keys need one update per burst.
      onAnyIndexChange(sessions, update, 200),
    );
    update();
  }

  /** Returns the ids new ids must count past (the highest number per prefix ever seen in this folder) and the random source when `rudder.grooming.collisionFreeIds` is on. */
  idOptions(session: BacklogSession): IdOptions {
    const stored = this.context.workspaceState.get<Record<string, HighWaterMarks>>(HIGH_WATER_KEY, {});
    const random = vscode.workspace.getConfiguration('rudder.grooming').get<boolean>('collisionFreeIds', false) ? Math.random : undefined;
    return { knownIds: highWaterIds(stored[session.root.toString()] ?? {}), random };
  }

  /** Remembers the ids of the backlog and `extra` (just created) as the folder's high-water marks, so ids are never reused; resolves when stored. */
  async rememberIds(session: BacklogSession, extra: readonly string[]): Promise<void> {
    const all = this.context.workspaceState.get<Record<string, HighWaterMarks>>(HIGH_WATER_KEY, {});
    const root = session.root.toString();
    await this.context.workspaceState.update(HIGH_WATER_KEY, { ...all, [root]: raiseHighWater(all[root] ?? {}, [...seenIds(session.index), ...extra]) });
  }

  private updateContextKeys(): void {
    const uri = vscode.window.activeTextEditor?.document.uri;
    const session = uri ? this.sessions.forUri(uri) : undefined;
    const story = session && uri ? session.storyAt(uri) : undefined;
    void vscode.commands.executeCommand('setContext', 'rudder.activeStory', story !== undefined);
    void vscode.commands.executeCommand('setContext', 'rudder.activeStoryType', story?.type ?? '');
    void vscode.commands.executeCommand('setContext', 'rudder.activeStoryCanSplit', (story?.acceptanceCriteria?.items.length ?? 0) > 0);
    void vscode.commands.executeCommand('setContext', 'rudder.hasBacklog', this.sessions.all().length > 0);
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
