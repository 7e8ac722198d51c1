import * as vscode from 'vscode';
import type { BacklogIndex } from '../core/index/backlogIndex';
import type { Issue } from '../core/model/issue';
import type { Range, TextEdit } from '../core/model/range';
import { fixesFor, type IntelFix } from '../core/intel/fixesFor';
import { toCorePath, toUri, toVsRange, toWorkspaceEdit } from './convert';

/** The `source.fixAll.rudder` kind: applies every preferred fix of a file (e.g. on save with `editor.codeActionsOnSave`). */
export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('rudder');
/** Internal command run after a fix to place the cursor (e.g. in the new criterion's placeholder). */
export const SELECT_COMMAND = 'rudder.internal.selectAfterFix';

/** Turns the core's fixes (and the editor-side ones from `fixesFor`) into quick fixes and a fix-all action. */
export class RudderCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND] };

  constructor(
    private readonly index: BacklogIndex,
    private readonly root: vscode.Uri,
    /** Brings the index up to date with the document's live text (the diagnostics feature debounces typing). */
    private readonly sync: (document: vscode.TextDocument) => void,
  ) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const path = toCorePath(this.root, document.uri);
    if (path === undefined || !this.index.isBacklogFile(path)) return [];
    this.sync(document);
    const issues = this.index.issues(path);
    const wantsFixAll = context.only !== undefined && (FIX_ALL_KIND.contains(context.only) || context.only.contains(FIX_ALL_KIND));
    if (wantsFixAll) {
      const all = this.fixAll(document, path, issues);
      return all ? [all] : [];
    }
    if (context.only && !context.only.contains(vscode.CodeActionKind.QuickFix) && !vscode.CodeActionKind.QuickFix.contains(context.only)) return [];
    const out: vscode.CodeAction[] = [];
    for (const issue of issues) {
      if (!toVsRange(issue.range).intersection(range) && !range.contains(toVsRange(issue.range).start)) continue;
      const diagnostic = context.diagnostics.find((d) => d.source === 'rudder' && codeOf(d) === issue.code && d.range.isEqual(toVsRange(issue.range)));
      for (const fix of fixesFor(this.index, issue)) out.push(this.toAction(fix, diagnostic));
    }
    return out;
  }

  private toAction(fix: IntelFix, diagnostic: vscode.Diagnostic | undefined): vscode.CodeAction {
    const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
    // A fix that only places the cursor (fill in a placeholder) has no edit, only the selection command.
    if (fix.edits.length) action.edit = toWorkspaceEdit(this.root, fix.edits);
    action.isPreferred = fix.isPreferred === true;
    if (diagnostic) action.diagnostics = [diagnostic];
    if (fix.selection) {
      action.command = { command: SELECT_COMMAND, title: 'Select', arguments: [toUri(this.root, fix.selection.path).toString(), fix.selection.range] };
    }
    return action;
  }

  /** Returns one action applying the preferred fix of every issue in the file whose edits stay in the file and do not overlap. */
  private fixAll(document: vscode.TextDocument, path: string, issues: readonly Issue[]): vscode.CodeAction | undefined {
    const chosen: TextEdit[] = [];
    const diagnostics: string[] = [];
    for (const issue of issues) {
      const fix = fixesFor(this.index, issue).find((f) => f.isPreferred);
      if (!fix || fix.edits.length === 0 || fix.edits.some((e) => e.path !== path || e.create)) continue;
      const edits = fix.edits.flatMap((e) => e.edits);
      if (edits.some((e) => chosen.some((c) => overlaps(c.range, e.range)))) continue; // computed against the same text: conflicting fixes wait for the next run
      chosen.push(...edits);
      diagnostics.push(issue.code);
    }
    if (chosen.length === 0) return undefined;
    const action = new vscode.CodeAction(`Fix all auto-fixable Rudder problems (${diagnostics.length})`, FIX_ALL_KIND);
    action.edit = toWorkspaceEdit(this.root, [{ path, edits: chosen }]);
    void document;
    return action;
  }
}

/** Returns the code of a diagnostic as a string. */
function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  return typeof c === 'object' && c !== null ? String(c.value) : c === undefined ? undefined : String(c);
}

/** Returns true when two ranges overlap or touch at the same insertion point. */
function overlaps(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']) => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !(before(a.end, b.start) || before(b.end, a.start)) || (a.start.line === b.start.line && a.start.character === b.start.character);
}

/** Registers the Rudder quick fixes and `source.fixAll.rudder` for Markdown files under `root`; returns their disposable. */
export function registerCodeActions(index: BacklogIndex, root: vscode.Uri, sync: (document: vscode.TextDocument) => void): vscode.Disposable {
  const selector: vscode.DocumentSelector = { language: 'markdown', pattern: new vscode.RelativePattern(root, '**/*.md') };
  return vscode.Disposable.from(vscode.languages.registerCodeActionsProvider(selector, new RudderCodeActions(index, root, sync), RudderCodeActions.metadata), acquireSelectCommand());
}

// Why reference-counted: one backlog per workspace folder registers its own code actions, but a
// command id can be registered only once; the last backlog to go unregisters it.
let selectCommand: { disposable: vscode.Disposable; users: number } | undefined;

function acquireSelectCommand(): vscode.Disposable {
  if (!selectCommand) {
    const disposable = vscode.commands.registerCommand(SELECT_COMMAND, async (uri: string, range: Range) => {
      const target = vscode.Uri.parse(uri);
      const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === target.toString()) ?? (await vscode.window.showTextDocument(target));
      const r = toVsRange(range);
      editor.selection = new vscode.Selection(r.start, r.end);
      editor.revealRange(r);
    });
    selectCommand = { disposable, users: 0 };
  }
  selectCommand.users++;
  let released = false;
  return new vscode.Disposable(() => {
    if (released || !selectCommand) return;
    released = true;
    if (--selectCommand.users === 0) {
      selectCommand.disposable.dispose();
      selectCommand = undefined;
    }
  });
}
