import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { assertIndexMatchesDisk, itNeedsNode, readText, rudderApi, waitFor, writeText } from './helpers';
import { removePath, symlink } from './nodeOnly';
import type { GroomingResult } from '../../../src/vscode/grooming/groomingCommand';

// Files nobody planned for, in the editor: a story with git's conflict markers (named, fixed with "keep ours" or
// "keep theirs", undone), and a file Rudder cannot read (reported in the Problems panel, not dropped).

const CONFLICTED = `---
id: S-40
<<<<<<< HEAD
title: Export as CSV
status: ready
=======
title: Export as CSV files
status: in-progress
>>>>>>> feature/csv
estimate: 3
---
As a product owner, I want CSV, so that I can share the backlog.

## Acceptance Criteria

- [ ] One row per story
`;

function storyUri(name: string): vscode.Uri {
  return vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'backlog', 'stories', name);
}

function rudderDiagnostics(uri: vscode.Uri, code: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'rudder' && typeof d.code === 'object' && d.code.value === code);
}

/**
 * Returns the quick fixes at a range. Why a retry: the workbench cancels a code-action request when the text model is
 * re-synced under it, which happens once just after a file written from outside is opened (seen here: the first
 * request "Canceled", the same request a moment later answered).
 */
async function codeActions(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value);
    } catch (e) {
      if (attempt === 3 || !/Canceled/.test(String(e))) throw e;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

async function conflictFix(uri: vscode.Uri, title: RegExp): Promise<vscode.CodeAction> {
  const diag = await waitFor('a merge-conflict diagnostic', () => rudderDiagnostics(uri, 'merge-conflict')[0]);
  // The fixes are offered anywhere inside the block: ask on a line in the middle of it.
  const inside = new vscode.Range(diag.range.start.line + 2, 0, diag.range.start.line + 2, 0);
  const actions = await codeActions(uri, inside);
  const fix = actions.find((a) => title.test(a.title));
  assert.ok(fix?.edit, `a fix ${title}; got: ${actions.map((a) => a.title).join(', ')}`);
  return fix;
}

describe('hostile files in the editor', () => {
  it('names a merge conflict, shows nothing else on the file, and keeps the story as "ours"', async () => {
    const api = await rudderApi();
    const uri = storyUri('s-40.md');
    await writeText(uri, CONFLICTED);
    const diags = await waitFor('merge-conflict on s-40.md', () => (rudderDiagnostics(uri, 'merge-conflict').length ? vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'rudder') : undefined));
    assert.deepEqual(
      diags.map((d) => [typeof d.code === 'object' ? d.code.value : d.code, d.severity, d.range.start.line, d.range.end.line]),
      [['merge-conflict', vscode.DiagnosticSeverity.Error, 2, 8]],
    );
    assert.match(diags[0].message, /"HEAD" \(lines 4–5\) against "feature\/csv" \(lines 7–8\)/);
    const story = api.sessions.all()[0].index.story('backlog/stories/s-40.md');
    assert.equal(story?.title, 'Export as CSV');
    assert.equal(story?.status, 'ready');
    await assertIndexMatchesDisk('with a conflicted story');
  });

  it('"Keep ours" and "Keep theirs" resolve the block exactly, and undo brings the markers back', async () => {
    await rudderApi();
    const uri = storyUri('s-40.md');
    await writeText(uri, CONFLICTED);
    const editor = await vscode.window.showTextDocument(uri);
    const block = '<<<<<<< HEAD\ntitle: Export as CSV\nstatus: ready\n=======\ntitle: Export as CSV files\nstatus: in-progress\n>>>>>>> feature/csv\n';

    const ours = await conflictFix(uri, /^Keep ours \(HEAD\)$/);
    assert.ok(await vscode.workspace.applyEdit(ours.edit!));
    assert.equal(editor.document.getText(), CONFLICTED.replace(block, 'title: Export as CSV\nstatus: ready\n'));
    await waitFor('the conflict gone', () => rudderDiagnostics(uri, 'merge-conflict').length === 0);
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), CONFLICTED);
    await waitFor('the conflict back after undo', () => rudderDiagnostics(uri, 'merge-conflict').length === 1);

    const theirs = await conflictFix(uri, /^Keep theirs \(feature\/csv\)$/);
    assert.ok(await vscode.workspace.applyEdit(theirs.edit!));
    assert.equal(editor.document.getText(), CONFLICTED.replace(block, 'title: Export as CSV files\nstatus: in-progress\n'));
    const api = await rudderApi();
    await waitFor('the index reads theirs', () => api.sessions.all()[0].index.story('backlog/stories/s-40.md')?.status === 'in-progress');
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), CONFLICTED);
    await assertIndexMatchesDisk('after keep theirs and its undo');
  });

  it('grooming commands leave a conflicted story alone and say why', async () => {
    await rudderApi();
    const uri = storyUri('s-40.md');
    await writeText(uri, CONFLICTED);
    await waitFor('merge-conflict on s-40.md', () => rudderDiagnostics(uri, 'merge-conflict').length > 0);
    const path = 'backlog/stories/s-40.md';
    const status = (await vscode.commands.executeCommand('rudder.setStatus', { path, value: 'done' })) as GroomingResult;
    assert.deepEqual([status.applied, status.reason], [false, 'merge conflict']);
    const top = (await vscode.commands.executeCommand('rudder.moveToTop', { path })) as GroomingResult;
    assert.equal(top.applied, false);
    assert.equal(await readText(uri), CONFLICTED);
    await assertIndexMatchesDisk('after refused grooming on a conflicted story');
  });

  itNeedsNode('reports a story file it cannot read in the Problems panel, and forgets it once it is gone', 'makes a symbolic link to a device, which workspace.fs cannot create', async () => {
    await rudderApi();
    const uri = storyUri('zero.md');
    // A link to a device (git can commit one): never read, reported as unreadable-file on the file.
    symlink('/dev/zero', uri);
    try {
      const d = await waitFor('unreadable-file on zero.md', () => rudderDiagnostics(uri, 'unreadable-file')[0], 15_000);
      assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
      assert.match(d.message, /not a regular file/);
    } finally {
      removePath(uri);
    }
    await waitFor('the problem gone with the file', () => rudderDiagnostics(uri, 'unreadable-file').length === 0, 15_000);
  });
});
