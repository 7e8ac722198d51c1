import * as vscode from 'vscode';
import type { FileRename } from '../../core/grooming/archiveDone';
import type { FileEdit } from '../../core/model/range';
import type { Story } from '../../core/model/story';
import { parseStory } from '../../core/parse/parseStory';
import type { BacklogSession } from '../backlogSessions';
import { applyEdits } from '../../core/edits/applyEdits';
import { hasConflicts } from '../../core/parse/mergeConflict';
import { toVsRange } from '../convert';

/**
 * The texts a grooming action is computed against: an open document's buffer (dirty text included, never
 * overwritten from disk), else the file freshly read from disk, else the index's copy.
 */
export class GroomingTexts {
  private readonly fresh = new Map<string, string>();

  constructor(readonly session: BacklogSession) {}

  /** Returns the open document of a path, if any. */
  document(path: string): vscode.TextDocument | undefined {
    const uri = this.session.toUri(path).toString();
    return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri && !d.isClosed);
  }

  /** Returns the current text of a path (buffer, fresh disk read, index). */
  readonly text = (path: string): string | undefined => this.document(path)?.getText() ?? this.fresh.get(path) ?? this.session.index.text(path);

  private async syncDocument(path: string): Promise<void> {
    const doc = this.document(path);
    if (!doc || doc.isDirty) return;
    const disk = await this.session.loader.readText(path);
    if (disk === undefined) return;
    // Why 2 s: the editor reloads a clean document within a few hundred ms of the file event; past that, give up.
    for (let waited = 0; waited < 2000 && !doc.isDirty && doc.getText() !== disk; waited += 50) await new Promise((r) => setTimeout(r, 50));
  }

  /** Returns the story as the current text says (parsed again when the buffer or disk differs from the index). */
  story(path: string): Story | undefined {
    const t = this.text(path);
    const indexed = this.session.index.story(path);
    if (t === undefined || t === this.session.index.text(path)) return indexed;
    return parseStory(path, t, { atMentions: this.session.index.config.backlogMd });
  }

  /**
   * Re-reads from disk the given paths that are not open; updates the index when a file changed on disk since it
   * was indexed. Returns true when some text differs from what a plan computed before would have used.
   */
  async refresh(paths: Iterable<string>): Promise<boolean> {
    const unique = [...new Set(paths)].filter((p) => !this.fresh.has(p));
    // A loaded, unsaved-free document can lag behind a change on disk: wait for the editor to reload it, so the
    // edit is computed against (and applied to) the same text.
    await Promise.all(unique.map((p) => this.syncDocument(p)));
    const wanted = unique.filter((p) => !this.document(p));
    const stale: string[] = [];
    await Promise.all(
      wanted.map(async (p) => {
        const t = await this.session.loader.readText(p);
        if (t === undefined) return; // not on disk (yet): the index's copy stands
        this.fresh.set(p, t);
        if (t !== this.session.index.text(p)) stale.push(p);
      }),
    );
    // The index follows the disk through the loading pipeline, as for any file event.
    if (stale.length) await this.session.loader.refresh(stale);
    return stale.length > 0;
  }
}

/** Returns the plan computed against fresh texts: computes, re-reads the files it touches, and recomputes once when one changed on disk. */
export async function planFresh<T>(texts: GroomingTexts, inputs: readonly string[], compute: () => T, touched: (plan: T) => Iterable<string>): Promise<T> {
  await texts.refresh(inputs);
  let plan = compute();
  if (await texts.refresh(touched(plan))) plan = compute();
  return plan;
}

/** Returns true when the user wants edited files that were not open saved (setting `rudder.grooming.saveEdits`). */
function saveEdits(): boolean {
  return vscode.workspace.getConfiguration('rudder.grooming').get<boolean>('saveEdits', true);
}

/** The files a grooming action saved because they were not open (uri strings): their undo and redo are saved too. */
const savedByGrooming = new Set<string>();

function shownInTab(uri: string): boolean {
  return vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri));
}

/**
 * Saves the files an undo (or redo) of a grooming action changed while they are still not open in a tab, as the
 * action itself saved them: else one undo of a multi-file action leaves invisible unsaved buffers, and the tree, the
 * CLI and `git status` disagree. A file shown in a tab stays unsaved, like any editor's undo.
 */
export function saveUndoneGroomingFiles(): vscode.Disposable {
  const pending = new Set<vscode.TextDocument>();
  // Undone (or redone) files waiting to be saved. Why wait for the dirty state rather than read it at once: the host
  // reports it in a separate event after the content change (the web worker host always, the Node host when busy).
  const undone = new Set<string>();
  return vscode.workspace.onDidChangeTextDocument((e) => {
    const key = e.document.uri.toString();
    if (e.reason === vscode.TextDocumentChangeReason.Undo || e.reason === vscode.TextDocumentChangeReason.Redo) {
      if (!savedByGrooming.has(key) || !saveEdits()) return;
      undone.add(key);
    } else if (e.contentChanges.length > 0) {
      undone.delete(key); // typed after the undo: the user's text now, never saved behind their back
      return;
    }
    if (!undone.has(key) || !e.document.isDirty || pending.has(e.document)) return;
    pending.add(e.document);
    // Why a timer: one undo changes every file of the action in a row; save once the whole undo has landed.
    setTimeout(() => {
      pending.delete(e.document);
      undone.delete(key);
      if (e.document.isDirty && !e.document.isClosed && !shownInTab(key)) void e.document.save();
    }, 0);
  });
}

/** What an action did to one file: its text before (undefined: the action created it) and after (undefined: deleted). */
export interface FileChange {
  readonly path: string;
  readonly before?: string;
  readonly after?: string;
}

/** One grooming action as applied: what Undo reverts (`lastAction.ts`). */
export interface AppliedAction {
  readonly session: BacklogSession;
  /** The action's name, as in the WorkspaceEdit ("Move up", "Set status"). */
  readonly label: string;
  /** The stories the user acted on (paths); the files beyond them were touched on the way (a tie repaired). */
  readonly subjects: readonly string[];
  /** Said beside the label ("S-12 re-ranked to break a tie"). */
  readonly note?: string;
  readonly changes: readonly FileChange[];
  readonly renames: readonly FileRename[];
}

/** How an action is applied, besides its edits. */
export interface ApplyOptions {
  /** The stories acted on (default: every edited file). */
  readonly subjects?: readonly string[];
  readonly note?: string;
  /** Files to delete (Undo of an action that created them). */
  readonly deletes?: readonly string[];
  /** False for an Undo itself: it is not an action to undo again. */
  readonly record?: boolean;
}

const applied = new vscode.EventEmitter<AppliedAction>();
/** Fires after every grooming action applied through `applyGrooming` (Undo's own writes excepted). */
export const onDidApplyGrooming = applied.event;

/**
 * Applies a grooming plan as ONE WorkspaceEdit (text edits, created files, renames, deleted files), then saves the
 * files that were not open before (so the tree and `git status` agree). Returns whether the edit was applied.
 */
export async function applyGrooming(session: BacklogSession, edits: readonly FileEdit[], renames: readonly FileRename[] = [], label = 'Rudder', options: ApplyOptions = {}): Promise<boolean> {
  const deletes = options.deletes ?? [];
  if (edits.length === 0 && renames.length === 0 && deletes.length === 0) return true;
  // A file with conflict markers is two versions at once: no action edits or moves it until it is resolved.
  const conflicted = [...edits.filter((e) => !e.create).map((e) => e.path), ...renames.map((r) => r.from)].filter((p) => {
    const text = vscode.workspace.textDocuments.find((d) => !d.isClosed && d.uri.toString() === session.toUri(p).toString())?.getText() ?? session.index.text(p);
    return text !== undefined && hasConflicts(text);
  });
  if (conflicted.length) {
    void vscode.window.showWarningMessage(`Rudder: "${label}" changed nothing: ${[...new Set(conflicted)].join(', ')} has an unresolved merge conflict. Resolve it first (the quick fixes Keep ours / Keep theirs / Keep both).`);
    return false;
  }
  // "Open" = shown in a tab, or holding unsaved text: a document merely loaded by some extension is saved like a closed file.
  const openBefore = new Set([
    ...vscode.window.tabGroups.all.flatMap((g) => g.tabs).flatMap((t) => (t.input instanceof vscode.TabInputText ? [t.input.uri.toString()] : [])),
    ...vscode.workspace.textDocuments.filter((d) => !d.isClosed && d.isDirty).map((d) => d.uri.toString()),
  ]);
  const we = new vscode.WorkspaceEdit();
  const metadata: vscode.WorkspaceEditEntryMetadata = { label, needsConfirmation: false };
  const touched: vscode.Uri[] = [];
  const created: vscode.Uri[] = [];
  for (const fe of edits) {
    const uri = session.toUri(fe.path);
    (fe.create ? created : touched).push(uri);
    if (fe.create) {
      // Why contents and not createFile + insert: the text edits of one action then touch one model only, so the
      // editor's undo reverts the whole action as one group (several edited models make VS Code ask per file).
      we.createFile(uri, { ignoreIfExists: false, overwrite: false, contents: new TextEncoder().encode(applyEdits('', fe.edits)) }, metadata);
    } else {
      for (const e of fe.edits) we.replace(uri, toVsRange(e.range), e.newText, metadata);
    }
  }
  for (const r of renames) we.renameFile(session.toUri(r.from), session.toUri(r.to), { overwrite: false }, metadata);
  for (const p of deletes) we.deleteFile(session.toUri(p), { ignoreIfNotExists: true }, metadata);
  // The texts before, for Undo: the buffer of an open file, else the disk.
  const record = options.record !== false;
  const before = new Map<string, string | undefined>();
  if (record) for (const fe of edits) before.set(fe.path, fe.create ? undefined : (docOf(session, fe.path)?.getText() ?? (await session.loader.readText(fe.path)) ?? session.index.text(fe.path)));
  const ok = await vscode.workspace.applyEdit(we);
  if (!ok) {
    void vscode.window.showErrorMessage(`Rudder: could not apply "${label}" (a file changed meanwhile?). Nothing was written.`);
    return false;
  }
  if (saveEdits()) {
    for (const uri of touched) {
      if (openBefore.has(uri.toString())) continue;
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) ?? (await vscode.workspace.openTextDocument(uri));
      if (doc.isDirty) await doc.save();
      savedByGrooming.add(uri.toString());
    }
  }
  // VS Code opens edited files that stay dirty in background tabs; once saved, close the tabs it opened for files
  // that were not open, so the next action (and the user) still sees them as closed.
  const opened = vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputText && !openBefore.has(t.input.uri.toString()) && touched.some((u) => u.toString() === (t.input as vscode.TabInputText).uri.toString()) && !t.isDirty);
  if (opened.length) await vscode.window.tabGroups.close(opened, true);
  // Why update the index right away: the tree and the next command must see the result before the watcher
  // fires. An edited buffer that stays unsaved is the editor's text (the index follows open buffers anyway, through
  // the diagnostics); every other file is read back from the disk by the loading pipeline, never taken from the plan,
  // so the index holds what is really there. The loader keeps checking the files this action created or renamed
  // after every later batch, undo and redo: the watcher may merge their creation and deletion into nothing.
  const reread: string[] = [];
  for (const uri of touched) {
    const path = session.toPath(uri);
    if (path === undefined) continue;
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && !d.isClosed);
    if (doc?.isDirty) {
      if (session.index.text(path) !== doc.getText()) session.index.upsert(path, doc.getText());
    } else reread.push(path);
  }
  for (const uri of created) {
    const path = session.toPath(uri);
    if (path !== undefined) reread.push(path);
  }
  for (const r of renames) reread.push(r.from, r.to);
  for (const p of deletes) reread.push(p);
  await session.loader.verify(reread);
  if (record) {
    const changes: FileChange[] = [];
    for (const fe of edits) changes.push({ path: fe.path, before: before.get(fe.path), after: docOf(session, fe.path)?.getText() ?? (await session.loader.readText(fe.path)) });
    applied.fire({ session, label, subjects: options.subjects ?? [...edits.map((e) => e.path), ...renames.map((r) => r.to)], note: options.note, changes, renames });
  }
  return true;
}

function docOf(session: BacklogSession, path: string): vscode.TextDocument | undefined {
  const uri = session.toUri(path).toString();
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri && !d.isClosed);
}
