import * as vscode from 'vscode';
import { keyFor } from '../../core/grooming/fieldKeys';
import type { OrderPlan } from '../../core/grooming/reorderStories';
import { editListPlan, setFieldsPlan } from '../../core/grooming/setFields';
import type { FieldChanges } from '../../core/grooming/setFields';
import type { FileEdit, Range } from '../../core/model/range';
import { hasConflicts } from '../../core/parse/mergeConflict';
import type { Story } from '../../core/model/story';
import type { BacklogSession } from '../backlogSessions';
import { toVsRange } from '../convert';
import { applyGrooming, GroomingTexts, type ApplyOptions } from './applyGrooming';
import type { GroomingResult } from './groomingCommand';
import type { GroomingTarget } from './groomingTargets';

// What several grooming commands share: results, the quick picks, the one way to apply a plan, opening a file.

/** The result of a command that did nothing (cancelled, nothing to change). */
export const NOTHING: GroomingResult = { applied: false, paths: [], reason: 'nothing to do' };

/** The score models offered by Set Score Inputs and Re-rank by Score. */
export const SCORE_MODELS = [
  { label: 'WSJF', description: '(value + time criticality + risk reduction) / estimate', score: 'wsjf' as const },
  { label: 'RICE', description: 'reach × impact × confidence / estimate', score: 'rice' as const },
];

/** Returns the target's stories (as `texts` has them when given, else as indexed), in backlog order. */
export function storiesOf(t: GroomingTarget, texts?: GroomingTexts): Story[] {
  return t.paths.map((p) => texts?.story(p) ?? t.session.index.story(p)).filter((s): s is Story => s !== undefined);
}

/** Returns a quick pick title naming the target's stories: `Set Status — S-1, S-2 and 3 more`. */
export function titleFor(t: GroomingTarget, what: string): string {
  const stories = storiesOf(t);
  const names = stories.slice(0, 3).map((s) => s.id ?? s.title).join(', ');
  return `${what} — ${names}${stories.length > 3 ? ` and ${stories.length - 3} more` : ''}`;
}

/** Returns the value from the args, or asks with a quick pick (marking the current value); undefined = cancelled. */
export async function pickOne(
  t: GroomingTarget<{ readonly value?: string | number | null }>,
  title: string,
  items: { label: string; value: string | number | null; description?: string }[],
  current?: string,
): Promise<string | number | null | undefined> {
  if (t.args.value !== undefined) return t.args.value;
  const picked = await vscode.window.showQuickPick(
    items.map((i) => ({ ...i, description: [i.description, current !== undefined && String(i.value).toLowerCase() === current.toLowerCase() ? '(current)' : undefined].filter(Boolean).join(' ') || undefined })),
    { title: titleFor(t, title), placeHolder: title },
  );
  return picked ? picked.value : undefined;
}

/** Returns the result of applying `edits` as one undoable action (warning about the `skipped` files). */
export async function applyEdits(session: BacklogSession, edits: readonly FileEdit[], label: string, skipped: readonly string[], options: ApplyOptions = {}): Promise<GroomingResult> {
  const conflicted = skipped.filter((p) => hasConflicts(session.index.text(p) ?? ''));
  const broken = skipped.filter((p) => !conflicted.includes(p));
  if (conflicted.length) void vscode.window.showWarningMessage(`Rudder: left unchanged (an unresolved merge conflict: resolve it first with the quick fixes Keep ours / Keep theirs): ${conflicted.join(', ')}`);
  if (broken.length) void vscode.window.showWarningMessage(`Rudder: left unchanged (front matter cannot be edited safely): ${broken.join(', ')}`);
  if (edits.length === 0) return { ...NOTHING, reason: conflicted.length ? 'merge conflict' : skipped.length ? 'front matter cannot be edited' : 'nothing to do' };
  const ok = await applyGrooming(session, edits, [], label, options);
  return { applied: ok, paths: edits.map((e) => e.path) };
}

/**
 * Returns the result of applying a reordering plan; refuses the whole move when one file cannot take its new rank.
 * `moved`: the stories the user moved; a plan that also re-keys others (a tie between neighbours) says so.
 */
export async function applyOrder(session: BacklogSession, plan: OrderPlan, label: string, moved?: readonly string[]): Promise<GroomingResult> {
  if (plan.skipped.length) return refuse(`cannot edit the front matter of ${plan.skipped.join(', ')}`);
  return applyEdits(session, plan.edits, label, [], moved ? { subjects: moved, note: tieNote(session, plan.edits, moved) } : {});
}

/** Returns "S-12 re-ranked to break a tie" when a move also wrote stories it did not move, else undefined. */
export function tieNote(session: BacklogSession, edits: readonly FileEdit[], moved: readonly string[]): string | undefined {
  const others = edits.map((e) => e.path).filter((p) => !moved.includes(p));
  if (others.length === 0) return undefined;
  const names = others.map((p) => session.index.story(p)?.id ?? p);
  return `${names.join(', ')} re-ranked too, to break a tie`;
}

/** Returns a result that applied nothing, after telling the user why. */
export function refuse(reason: string): GroomingResult {
  void vscode.window.showWarningMessage(`Rudder: ${reason}.`);
  return { applied: false, paths: [], reason };
}

/** Returns the result of setting the same fields on every story of the target (bulk), against fresh texts. */
export async function setFields(t: GroomingTarget, changes: FieldChanges, label: string): Promise<GroomingResult> {
  const texts = new GroomingTexts(t.session);
  await texts.refresh(t.paths);
  const plan = setFieldsPlan(t.paths, changes, texts.text);
  return applyEdits(t.session, plan.edits, label, plan.skipped);
}

/** The arguments of a command on a list field (`rudder.linkVision`, `rudder.addDependency`). */
export interface ListArgs {
  /** The complete new list (one string = a list of one). */
  readonly value?: string | readonly string[];
  /** Items to add / remove instead of a complete list. */
  readonly add?: readonly string[];
  readonly remove?: readonly string[];
}

/** Returns the result of editing a list field of the targets: explicit add/remove, an explicit full list, or a multi-select quick pick. */
export async function editList(t: GroomingTarget<ListArgs>, field: string, current: (s: Story) => readonly string[], items: { label: string; description?: string; value: string }[], title: string): Promise<GroomingResult> {
  const texts = new GroomingTexts(t.session);
  await texts.refresh(t.paths);
  const stories = storiesOf(t, texts);
  let add: readonly string[];
  let remove: readonly string[];
  if (t.args.add || t.args.remove) {
    add = t.args.add ?? [];
    remove = t.args.remove ?? [];
  } else {
    let wanted: readonly string[];
    const had = new Set(stories.flatMap((s) => current(s).map((x) => x.toLowerCase())));
    if (Array.isArray(t.args.value)) wanted = t.args.value as readonly string[];
    else if (typeof t.args.value === 'string') wanted = [t.args.value];
    else {
      const all = (x: string) => stories.every((s) => current(s).some((c) => c.toLowerCase() === x.toLowerCase()));
      const picked = await vscode.window.showQuickPick(
        items.map((i) => ({ ...i, picked: all(i.value) })),
        { title: titleFor(t, title), canPickMany: true, placeHolder: 'Checked items are set on every selected story; unchecked ones are removed' },
      );
      if (!picked) return NOTHING;
      wanted = picked.map((p) => p.value);
    }
    const want = new Set(wanted.map((w) => w.toLowerCase()));
    add = wanted;
    remove = [...had].filter((h) => !want.has(h)).map((h) => stories.flatMap(current).find((c) => c.toLowerCase() === h) ?? h);
  }
  const plan = editListPlan(stories, keyFor(stories, field), current, add, remove, texts.text);
  return applyEdits(t.session, plan.edits, title, plan.skipped);
}

/** Returns the editor of a story, opened (not as a preview) with `range` selected and in view. */
export async function open(session: BacklogSession, path: string, range?: Range): Promise<vscode.TextEditor> {
  const editor = await vscode.window.showTextDocument(session.toUri(path), { preview: false, selection: range ? toVsRange(range) : undefined });
  if (range) editor.revealRange(toVsRange(range), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

/** What a preview shows before an action writes: a title, what Accept does, and the proposed rows. */
export interface PreviewSpec {
  readonly title: string;
  readonly placeholder: string;
  /** "$(check) Accept — write 3 files". */
  readonly acceptLabel: string;
  /** The rows under Accept / Cancel (separators included); picking one does nothing. */
  readonly rows: readonly vscode.QuickPickItem[];
}

/** Shows a preview with Accept / Cancel (Re-rank, Plan Iteration); resolves true on Accept, false on Cancel or Escape. */
export function confirmPreview(spec: PreviewSpec): Promise<boolean> {
  return new Promise((resolve) => {
    const qp = vscode.window.createQuickPick<vscode.QuickPickItem & { action?: 'accept' | 'cancel' }>();
    qp.title = spec.title;
    qp.placeholder = spec.placeholder;
    qp.matchOnDescription = true;
    qp.items = [{ label: spec.acceptLabel, action: 'accept', alwaysShow: true }, { label: '$(close) Cancel', action: 'cancel', alwaysShow: true }, ...spec.rows];
    let done = false;
    const finish = (v: boolean) => {
      if (done) return;
      done = true;
      resolve(v);
      qp.dispose();
    };
    qp.onDidAccept(() => {
      const a = qp.selectedItems[0]?.action;
      if (a === 'accept') finish(true);
      else if (a === 'cancel') finish(false);
    });
    qp.onDidHide(() => finish(false));
    qp.show();
  });
}
