import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { isClosed } from '../../../src/core/config/workflow';
import { assertIndexMatchesDisk, changedPaths, rudderApi, waitFor } from './helpers';
import type { RudderApi } from '../../../src/vscode/activateRudder';
import type { BacklogNode } from '../../../src/vscode/backlogNodes';
import type { GroomingResult } from '../../../src/vscode/grooming/groomingCommand';

// A multi-root workspace (test/host/fixtures.mjs copyMultiRootWorkspace): `alpha` is the fixture workspace, `beta` a
// Backlog.md project, `gamma` has no backlog, `delta` a backlog moved to planning/ by `.rudder.yml` with Backlog.md's
// config.yml in it, `epsilon` a Backlog.md backlog (multiRoot.backlogMd.test.ts). Run by runHostTests.mjs in a window opened on the .code-workspace file.

const decoder = new TextDecoder('utf-8');
const TASK_2 = 'backlog/tasks/task-2 - Write-the-parser.md';
let api: RudderApi;

function folder(name: string): vscode.WorkspaceFolder {
  const f = vscode.workspace.workspaceFolders?.find((w) => w.name === name);
  assert.ok(f, `workspace folder ${name}`);
  return f;
}
function uriIn(name: string, path: string): vscode.Uri {
  return vscode.Uri.joinPath(folder(name).uri, ...path.split('/'));
}
async function read(name: string, path: string): Promise<string | undefined> {
  try {
    return decoder.decode(await vscode.workspace.fs.readFile(uriIn(name, path)));
  } catch {
    return undefined;
  }
}
/** Every Markdown file of every folder: `folder/path` → bytes. */
async function snapshot(): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const f of vscode.workspace.workspaceFolders ?? []) {
    for (const u of await vscode.workspace.findFiles(new vscode.RelativePattern(f, '**/*.md'))) {
      out.set(`${f.name}/${vscode.workspace.asRelativePath(u, false)}`, decoder.decode(await vscode.workspace.fs.readFile(u)));
    }
  }
  return out;
}
function session(name: string) {
  const s = api.sessions.all().find((x) => x.folder.name === name);
  assert.ok(s, `a backlog for ${name}`);
  return s;
}
function labelOf(node: BacklogNode): string {
  const label = api.tree.getTreeItem(node).label;
  return typeof label === 'string' ? label : (label?.label ?? '');
}

describe('a multi-root workspace', function () {
  this.timeout(60_000);

  before(async () => {
    api = await rudderApi();
    await vscode.workspace.getConfiguration('files').update('autoSave', 'off', vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('has one backlog per folder that holds one, and the tree shows a row per backlog folder', async () => {
    assert.deepEqual(
      vscode.workspace.workspaceFolders?.map((f) => f.name),
      ['alpha', 'beta', 'gamma', 'delta', 'epsilon'],
    );
    assert.deepEqual(
      api.sessions.all().map((s) => s.folder.name),
      ['alpha', 'beta', 'delta', 'epsilon'],
      'gamma has no backlog',
    );
    await vscode.commands.executeCommand('rudder.groupBy', 'none');
    const roots = api.tree.getChildren();
    assert.deepEqual(roots.map((n) => n.kind), ['folder', 'folder', 'folder', 'folder']);
    assert.deepEqual(roots.map(labelOf), ['alpha', 'beta', 'delta', 'epsilon']);
    const alphaRows = api.tree.getChildren(roots[0]).map(labelOf);
    assert.equal(alphaRows.length, 8, `alpha: ${alphaRows.join(' | ')}`);
    const betaRows = api.tree.getChildren(roots[1]);
    const beta = session('beta').index;
    assert.deepEqual(
      betaRows.map((n) => (n.kind === 'story' ? n.story.id : n.kind)),
      [...beta.stories().filter((s) => !isClosed(s, beta.config)).map((s) => s.id), 'section'],
      'beta in its own backlog order, done work in the trailing section',
    );
    const closed = betaRows.find((n) => n.kind === 'section')!;
    assert.deepEqual(
      [...betaRows, ...api.tree.getChildren(closed)].map((n) => (n.kind === 'story' ? n.story.id : '')).filter(Boolean),
      ['task-2', 'task-1'],
      'Backlog.md ordinals: task-2 first, the done task-1 in "Done and dropped"; the archived task-3 left out',
    );
  });

  it('publishes each folder\'s diagnostics on its own files, with its own configuration', async () => {
    const alphaS4 = await waitFor('alpha s-4 diagnostics', () => {
      const d = vscode.languages.getDiagnostics(uriIn('alpha', 'backlog/stories/s-4.md'));
      return d.length ? d : undefined;
    });
    assert.ok(alphaS4.some((d) => (typeof d.code === 'object' ? d.code.value : d.code) === 'missing-acceptance-criteria'));
    const betaTask2 = await waitFor('beta task-2 diagnostics', () => {
      const d = vscode.languages.getDiagnostics(uriIn('beta', TASK_2));
      return d.length ? d : undefined;
    });
    assert.deepEqual(
      betaTask2.map((d) => (typeof d.code === 'object' ? d.code.value : d.code)),
      ['vague-criterion'],
      'and no missing-user-story: that rule is off by default in a Backlog.md backlog without a vision',
    );
    // Beta's statuses come from its own Backlog.md config.yml, alpha's from its .rudder.yml.
    assert.deepEqual(session('beta').index.config.statuses, ['To Do', 'In Progress', 'Done']);
    assert.notDeepEqual(session('alpha').index.config.statuses, session('beta').index.config.statuses);
  });

  it("reads a backlog moved by .rudder.yml as the CLI does: Backlog.md's config.yml in its folder, no hidden files, statuses without case", async () => {
    const delta = session('delta');
    assert.deepEqual(delta.index.config.statuses, ['Backlog', 'Doing', 'Review', 'Shipped'], 'from planning/config.yml');
    assert.equal(delta.index.config.rules['missing-user-story'], 'warning', 'from .rudder.yml');
    assert.deepEqual(delta.index.stories().map((s) => s.id), ['PLAN-1', 'PLAN-2', 'PLAN-3']);
    assert.equal(delta.index.text('planning/tasks/.old/plan-9 - Hidden-draft.md'), undefined, 'a hidden folder is not read');
    await vscode.commands.executeCommand('rudder.groupBy', 'status');
    const deltaRow = api.tree.getChildren().find((n) => n.kind === 'folder' && n.session === delta)!;
    const groups = api.tree.getChildren(deltaRow).map((g) => `${labelOf(g)}: ${api.tree.getChildren(g).map((n) => (n.kind === 'story' ? n.story.id : '')).join(',')}`);
    assert.deepEqual(groups, ['Doing: PLAN-1,PLAN-2', 'In review: PLAN-3'], '"doing" and "DOING" are one status');
    // A hidden file opened in an editor stays outside the backlog too (no diagnostics, nothing indexed).
    const hidden = uriIn('delta', 'planning/tasks/.old/plan-9 - Hidden-draft.md');
    const editor = await vscode.window.showTextDocument(hidden);
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), ''));
    await new Promise((r) => setTimeout(r, 500));
    assert.deepEqual(vscode.languages.getDiagnostics(hidden), []);
    assert.equal(delta.index.text('planning/tasks/.old/plan-9 - Hidden-draft.md'), undefined);
  });

  it('acts on the folder a command names: a move in beta writes one ordinal in one file of beta, and one undo restores it', async () => {
    const before = await snapshot();
    const r = (await vscode.commands.executeCommand('rudder.moveToBottom', { folder: folder('beta').uri.toString(), path: TASK_2 })) as GroomingResult;
    assert.equal(r.applied, true, JSON.stringify(r));
    const after = await snapshot();
    assert.deepEqual(changedPaths(before, after), [`beta/${TASK_2}`], 'one file, in beta');
    // Backlog.md orders by `ordinal`: the move writes a higher ordinal, the field Backlog.md itself reads.
    assert.equal(after.get(`beta/${TASK_2}`), before.get(`beta/${TASK_2}`)!.replace('ordinal: 1000\n', 'ordinal: 3000\n'));
    await waitFor('task-2 last in beta', () => (session('beta').index.stories().map((s) => s.id).join() === 'task-1,task-2' ? true : undefined));
    assert.equal(session('alpha').index.stories().length, 8, 'alpha untouched');
    const doc = await vscode.workspace.openTextDocument(uriIn('beta', TASK_2));
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), before.get(`beta/${TASK_2}`));
    await doc.save();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    assert.deepEqual(changedPaths(before, await snapshot()), []);
    await assertIndexMatchesDisk('in every folder, after a move in beta and its undo');
  });

  it('gives a new story the next id of its own folder', async () => {
    const before = await snapshot();
    const a = (await vscode.commands.executeCommand('rudder.newStory', { folder: folder('alpha').uri.toString(), title: 'In alpha', position: 'bottom' })) as GroomingResult;
    const b = (await vscode.commands.executeCommand('rudder.newStory', { folder: folder('beta').uri.toString(), title: 'In beta', position: 'bottom' })) as GroomingResult;
    assert.equal(a.id, 'S-8', 'after alpha S-7');
    // Backlog.md upper-cases task_prefix in its ids (TASK-1); ids compare without case, and archive/tasks/task-3 keeps 3.
    assert.equal(b.id, 'TASK-4', 'beta: its Backlog.md prefix, after the archived task-3');
    assert.deepEqual(changedPaths(before, await snapshot()), [`alpha/${a.path}`, `beta/${b.path}`].sort());
    assert.ok((await read('beta', b.path as string))?.includes('title: In beta'));
    // A task Backlog.md lists: named as Backlog.md names its files, in its tasks folder, ordered by ordinal.
    assert.match(b.path as string, /(^|\/)tasks\/task-4 - In-beta\.md$/, b.path as string);
    assert.match((await read('beta', b.path as string)) ?? '', /^created_date: '\d{4}-\d\d-\d\d \d\d:\d\d'$/m);
    for (const [name, p] of [['alpha', a.path], ['beta', b.path]] as const) await vscode.workspace.fs.delete(uriIn(name, p as string));
    await waitFor('both gone from their indexes', () =>
      session('alpha').index.story(a.path as string) === undefined && session('beta').index.story(b.path as string) === undefined ? true : undefined,
    );
    assert.deepEqual(changedPaths(before, await snapshot()), []);
    await assertIndexMatchesDisk('in every folder, after two new stories deleted again');
  });
});
