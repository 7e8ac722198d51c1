import * as vscode from 'vscode';
import type { FileEdit, Position, Range, TextEdit } from '../core/model/range';
import type { Issue, Severity } from '../core/model/issue';
import { ruleDocsUrl } from '../core/rules/rule';

// The one place where core types become VS Code types and back.

/** Returns the VS Code position of a core position. */
export function toVsPosition(p: Position): vscode.Position {
  return new vscode.Position(p.line, p.character);
}

/** Returns the VS Code range of a core range. */
export function toVsRange(r: Range): vscode.Range {
  return new vscode.Range(toVsPosition(r.start), toVsPosition(r.end));
}

/** Returns the core range of a VS Code range. */
export function fromVsRange(r: vscode.Range): Range {
  return { start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } };
}

/** Returns the VS Code text edit of a core text edit. */
export function toVsTextEdit(e: TextEdit): vscode.TextEdit {
  return new vscode.TextEdit(toVsRange(e.range), e.newText);
}

/** Returns the core text edit of a VS Code text edit. */
export function fromVsTextEdit(e: vscode.TextEdit): TextEdit {
  return { range: fromVsRange(e.range), newText: e.newText };
}

/** Returns the URI of a root-relative core path ('/' separators). */
export function toUri(root: vscode.Uri, path: string): vscode.Uri {
  return vscode.Uri.joinPath(root, ...path.split('/').filter((s) => s.length > 0));
}

/** Returns the root-relative core path of a URI, or undefined when it lies outside the root. */
export function toCorePath(root: vscode.Uri, uri: vscode.Uri): string | undefined {
  if (uri.scheme !== root.scheme || uri.authority !== root.authority) return undefined;
  const prefix = root.path.endsWith('/') ? root.path : root.path + '/';
  return uri.path.startsWith(prefix) ? uri.path.slice(prefix.length) : undefined;
}

/** Returns one WorkspaceEdit holding every core file edit (creating files where asked). */
export function toWorkspaceEdit(root: vscode.Uri, fileEdits: readonly FileEdit[]): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const fe of fileEdits) {
    const uri = toUri(root, fe.path);
    if (fe.create) edit.createFile(uri, { ignoreIfExists: true });
    edit.set(uri, fe.edits.map(toVsTextEdit));
  }
  return edit;
}


/** Returns the VS Code severity of a core severity. */
export function toVsSeverity(s: Severity): vscode.DiagnosticSeverity {
  return s === 'error' ? vscode.DiagnosticSeverity.Error : s === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information;
}

/** Returns the VS Code location of a root-relative path and range. */
export function toVsLocation(root: vscode.Uri, path: string, range: Range): vscode.Location {
  return new vscode.Location(toUri(root, path), toVsRange(range));
}

/** Returns the diagnostic of a core issue: source 'rudder', code linking to docs/rules.md, related locations. */
export function toVsDiagnostic(root: vscode.Uri, issue: Issue): vscode.Diagnostic {
  const d = new vscode.Diagnostic(toVsRange(issue.range), issue.message, toVsSeverity(issue.severity));
  d.source = 'rudder';
  d.code = { value: issue.code, target: vscode.Uri.parse(ruleDocsUrl(issue.code)) };
  if (issue.related?.length) {
    d.relatedInformation = issue.related.map((r) => new vscode.DiagnosticRelatedInformation(toVsLocation(root, r.path, r.range), r.message));
  }
  return d;
}
