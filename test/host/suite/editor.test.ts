import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { assertIndexMatchesDisk, rudderApi, waitFor } from './helpers';

// Diagnostics, quick fixes and editor intelligence on the fixture workspace (test/fixtures/workspace).

// The extension activated and its backlogs loaded (the one helper every host suite uses).
const rudder = rudderApi;

function story(name: string): vscode.Uri {
  return vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'backlog', 'stories', name);
}


function codes(uri: vscode.Uri): string[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === 'rudder')
    .map((d) => String(typeof d.code === 'object' ? d.code.value : d.code))
    .sort();
}

async function closeAll(): Promise<void> {
  // Revert so no test leaves a dirty fixture behind.
  for (const doc of vscode.workspace.textDocuments) {
    if (doc.isDirty) {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

describe('Rudder in the editor', () => {
  afterEach(closeAll);

  it('publishes diagnostics for story files that were never opened, linked to docs/rules.md', async () => {
    await rudder();
    const uri = story('s-5.md');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()), 's-5.md must not be open');
    const found = await waitFor('diagnostics on s-5.md', () => (codes(uri).length ? codes(uri) : undefined));
    assert.ok(found.includes('missing-acceptance-criteria'), `codes: ${found}`);
    assert.ok(found.includes('missing-user-story'), `codes: ${found}`);
    const d = vscode.languages.getDiagnostics(uri).find((x) => typeof x.code === 'object' && x.code.value === 'missing-acceptance-criteria')!;
    assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(typeof d.code === 'object' && d.code.target.toString(), 'https://github.com/rudder/rudder/blob/main/docs/rules.md#missing-acceptance-criteria');
    assert.ok(codes(story('a-sync.md')).includes('oversized-story'), `a-sync.md codes: ${codes(story('a-sync.md'))}`);
    assert.deepEqual(codes(story('s-1.md')).filter((c) => c === 'missing-acceptance-criteria'), []);
  });

  it('updates diagnostics while typing in an open story, and after undo', async () => {
    await rudder();
    const uri = story('s-4.md');
    await waitFor('missing criteria on s-4.md', () => (codes(uri).includes('missing-acceptance-criteria') ? true : undefined));
    const editor = await vscode.window.showTextDocument(uri);
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    await editor.edit((b) => b.insert(end, '\n## Acceptance Criteria\n\n- [ ] Given an import, when I undo it, then the stories are gone\n'));
    await waitFor('criteria warning gone', () => (codes(uri).includes('missing-acceptance-criteria') ? undefined : true));
    await vscode.commands.executeCommand('undo');
    await waitFor('criteria warning back', () => (codes(uri).includes('missing-acceptance-criteria') ? true : undefined));
    await assertIndexMatchesDisk('after typing and undo in an open editor');
  });

  it('applies the "add acceptance criteria" quick fix exactly, and undo restores the text', async () => {
    await rudder();
    const uri = story('s-5.md');
    const editor = await vscode.window.showTextDocument(uri);
    const before = editor.document.getText();
    const diag = await waitFor('diagnostic', () => vscode.languages.getDiagnostics(uri).find((d) => typeof d.code === 'object' && d.code.value === 'missing-acceptance-criteria'));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diag.range, vscode.CodeActionKind.QuickFix.value);
    const fixes = actions.filter((a) => /acceptance criteria/i.test(a.title));
    assert.equal(fixes.length, 1, `one criteria fix, got: ${actions.map((a) => a.title)}`);
    const fix = fixes[0];
    assert.ok(fix?.edit, `actions: ${actions.map((a) => a.title)}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    const eol = before.endsWith('\n\n') ? '' : before.endsWith('\n') ? '\n' : '\n\n';
    assert.equal(editor.document.getText(), `${before}${eol}## Acceptance Criteria\n\n- [ ] Given <context>, when <action>, then <outcome>\n`);
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), before);
    await assertIndexMatchesDisk('after a quick fix and its undo');
  });

  it('replaces a misspelt status with the nearest valid one (preferred quick fix)', async () => {
    await rudder();
    const uri = story('s-2.md');
    const editor = await vscode.window.showTextDocument(uri);
    const line = 4; // status: ready
    assert.equal(editor.document.lineAt(line).text, 'status: ready');
    await editor.edit((b) => b.replace(editor.document.lineAt(line).range, 'status: redy'));
    const diag = await waitFor('invalid status', () => vscode.languages.getDiagnostics(uri).find((d) => typeof d.code === 'object' && d.code.value === 'invalid-field'));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diag.range);
    const fix = actions.find((a) => a.isPreferred && /ready/.test(a.title));
    assert.ok(fix?.edit, `actions: ${actions.map((a) => a.title)}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(editor.document.lineAt(line).text, 'status: ready');
    await assertIndexMatchesDisk('with the fixed story unsaved in its editor');
  });

  it('completes statuses and epic ids, hovers and goes to the definition of an id', async () => {
    await rudder();
    const uri = story('s-2.md');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const statusLine = doc.getText().split('\n').findIndex((l) => l.startsWith('status:'));
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(statusLine, 8));
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    for (const s of ['draft', 'ready', 'in-progress', 'done']) assert.ok(labels.includes(s), `missing ${s} in ${labels}`);

    const epicLine = doc.getText().split('\n').findIndex((l) => l.startsWith('epic:'));
    const at = new vscode.Position(epicLine, 7);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, at);
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /E-1 · Backlog import/);
    assert.match(text, /Rank 1 of/);

    const defs = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', uri, at);
    const target = defs.map((d) => ('targetUri' in d ? d.targetUri : d.uri).path);
    assert.deepEqual(target, [story('e-1.md').path]);

    const refs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', uri, at);
    const files = [...new Set(refs.map((r) => r.uri.path.split('/').pop()))].sort();
    assert.deepEqual(files, ['e-1.md', 's-1.md', 's-2.md', 's-3.md', 's-4.md']); // with the declaration (`id: E-1`)
  });
});
