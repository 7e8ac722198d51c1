import * as vscode from 'vscode';
import { diffEdit } from '../../core/grooming/fileText';
import type { FileEdit } from '../../core/model/range';
import { applyGrooming, GroomingTexts, onDidApplyGrooming, type AppliedAction } from './applyGrooming';
import type { GroomingResult } from './groomingCommand';

// Undo that undoes what you just did. VS Code's own Ctrl+Z belongs to the focused editor: after a drag in the tree it
// undid an earlier edit of whatever editor was open. So Rudder remembers its last action itself (every write goes
// through applyGrooming, which reports it), offers it in the status bar, and reverts exactly that action — in every
// file it touched, nothing else — when asked (`rudder.undoLastAction`, Ctrl+Z in Rudder's views and the roadmap).

/** How many story ids the status bar names before "+N". */
const NAMED = 3;

/** Returns the words naming an action's stories: "S-11", "S-1, S-2, S-3 +2". */
export function subjectsLabel(a: AppliedAction): string {
  const ids = a.subjects.map((p) => a.session.index.story(p)?.id ?? p.split('/').pop() ?? p);
  return ids.slice(0, NAMED).join(', ') + (ids.length > NAMED ? ` +${ids.length - NAMED}` : '');
}

/** Returns the message of an action: "Move up S-11", with the note when it touched more ("… (S-12 re-ranked too, to break a tie)"). */
export function actionMessage(a: AppliedAction): string {
  return `${a.label} ${subjectsLabel(a)}${a.note ? ` (${a.note})` : ''}`;
}

/** The last grooming action, its status-bar entry "Move up S-11 · Undo", and its undo. */
export class LastAction implements vscode.Disposable {
  private last: AppliedAction | undefined;
  private readonly item = vscode.window.createStatusBarItem('rudder.undo', vscode.StatusBarAlignment.Left, 99);
  private readonly subscription: vscode.Disposable;

  constructor() {
    this.item.name = 'Rudder: Undo';
    this.item.command = 'rudder.undoLastAction';
    this.subscription = onDidApplyGrooming((a) => this.remember(a));
  }

  /** The action Undo would revert, if any. */
  get action(): AppliedAction | undefined {
    return this.last;
  }

  /** The status-bar entry's text ('' when hidden). */
  get message(): string {
    return this.last ? this.item.text : '';
  }

  private remember(a: AppliedAction): void {
    this.last = a;
    this.item.text = `$(discard) ${actionMessage(a)} · Undo`;
    const files = [...a.changes.map((c) => c.path), ...a.renames.map((r) => r.to)];
    this.item.tooltip = `Undo "${actionMessage(a)}": puts back ${files.length === 1 ? files[0] : `these ${files.length} files: ${files.join(', ')}`} as they were, and nothing else. Ctrl+Z in the Backlog, Next Up or Needs Grooming view, or in the roadmap, does the same.`;
    this.item.accessibilityInformation = { label: `${actionMessage(a)}. Undo` };
    this.item.show();
  }

  private forget(): void {
    this.last = undefined;
    this.item.hide();
  }

  /** Reverts the last action in every file it touched, as one edit; refuses when one of them changed since. */
  async undo(): Promise<GroomingResult> {
    const a = this.last;
    if (!a) {
      void vscode.window.showInformationMessage('Rudder: nothing to undo — no grooming action since the window opened (or the last one was undone).');
      return { applied: false, paths: [], reason: 'nothing to undo' };
    }
    const texts = new GroomingTexts(a.session);
    await texts.refresh([...a.changes.map((c) => c.path), ...a.renames.flatMap((r) => [r.from, r.to])]);
    // Undo puts back what the action wrote, only while it is still there: never over later work.
    const changedSince = a.changes.filter((c) => texts.text(c.path) !== c.after).map((c) => c.path);
    const movedSince = a.renames.filter((r) => texts.text(r.to) === undefined).map((r) => r.to);
    if (changedSince.length || movedSince.length) {
      const which = [...changedSince, ...movedSince].join(', ');
      void vscode.window.showWarningMessage(`Rudder: cannot undo "${actionMessage(a)}": ${which} changed since. Undo it in the editor instead.`);
      this.forget();
      return { applied: false, paths: [], reason: `changed since: ${which}` };
    }
    const edits: FileEdit[] = [];
    const deletes: string[] = [];
    for (const c of a.changes) {
      if (c.before === undefined) deletes.push(c.path);
      else if (c.after !== undefined) edits.push({ path: c.path, edits: diffEdit(c.after, c.before) });
    }
    const renames = a.renames.map((r) => ({ from: r.to, to: r.from }));
    const ok = await applyGrooming(a.session, edits.filter((e) => e.edits.length), renames, `Undo ${a.label}`, { deletes, record: false });
    if (ok) this.forget();
    return { applied: ok, paths: [...edits.map((e) => e.path), ...deletes, ...renames.map((r) => r.to)], undone: actionMessage(a) };
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
