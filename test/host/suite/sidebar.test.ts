import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { assertIndexMatchesDisk, freshIndex as freshLoad, readText, rudderApi, waitFor, writeText } from './helpers';
import type { RudderApi } from '../../../src/vscode/activateRudder';
import type { BacklogIndex } from '../../../src/core/index/backlogIndex';
import type { BacklogNode, GroupBy } from '../../../src/vscode/backlogNodes';
import type { GroomingNode } from '../../../src/vscode/groomingView';
import type { VisionNode } from '../../../src/vscode/visionView';

// The sidebar (backlog tree, grooming, vision, status bar) and the live loader on the fixture
// workspace (test/fixtures/workspace). Every test leaves the files as it found them.

const rudder = rudderApi;

function root(): vscode.Uri {
  return vscode.workspace.workspaceFolders![0].uri;
}

function storyFile(name: string): vscode.Uri {
  return vscode.Uri.joinPath(root(), 'backlog', 'stories', name);
}


/** Returns the rows of the backlog tree as `group label > id` lines (stories only under their group). */
function rows(api: RudderApi): string[] {
  const out: string[] = [];
  const walk = (nodes: BacklogNode[], prefix: string) => {
    for (const n of nodes) {
      if (n.kind === 'story') out.push(`${prefix}${n.story.id}`);
      else if (n.kind === 'group') walk(api.tree.getChildren(n), `${n.label} > `);
      else walk(api.tree.getChildren(n), prefix);
    }
  };
  walk(api.tree.getChildren(), '');
  return out;
}

function ids(api: RudderApi): string[] {
  return api.index.stories().map((s) => s.id ?? s.path);
}

function codes(file: vscode.Uri): string[] {
  return vscode.languages
    .getDiagnostics(file)
    .map((d) => String(typeof d.code === 'object' ? d.code.value : d.code))
    .sort();
}

/** Builds an index from the files on disk, as a fresh load would. */
async function freshIndex(): Promise<BacklogIndex> {
  return freshLoad((await rudder()).sessions.all()[0]);
}

function snapshot(index: BacklogIndex): string[] {
  return index.stories().map((s) => `${s.path}|${s.id}|${s.title}`);
}

describe('the Rudder sidebar', () => {
  after(async () => {
    await vscode.commands.executeCommand('rudder.groupBy', 'none');
    await vscode.commands.executeCommand('rudder.clearFilter');
  });

  it('lists the stories in backlog order for every grouping', async () => {
    const api = await rudder();
    const expected: Record<GroupBy, string[]> = {
      none: ['E-1', 'S-1', 'S-2', 'S-3', 'S-4', 'S-5', 'S-6', 'S-7'],
      status: ['draft > S-3', 'draft > S-4', 'draft > S-5', 'draft > S-6', 'draft > S-7', 'ready > E-1', 'ready > S-2', 'in-progress > S-1'],
      epic: ['Backlog import > S-1', 'Backlog import > S-2', 'Backlog import > S-3', 'Backlog import > S-4', 'No epic > S-5', 'No epic > S-6', 'No epic > S-7'],
      milestone: ['First public beta > E-1', 'First public beta > S-1', ...['S-2', 'S-3', 'S-4', 'S-5', 'S-6', 'S-7'].map((id) => `No milestone > ${id}`)],
      // The fixture has no iterations: everything is in "No iteration" (a backlog without iterations works as before).
      iteration: ['E-1', 'S-1', 'S-2', 'S-3', 'S-4', 'S-5', 'S-6', 'S-7'].map((id) => `No iteration > ${id}`),
      goal: [
        ...['E-1', 'S-1', 'S-2', 'S-3', 'S-4'].map((id) => `Teams plan from one trusted backlog > ${id}`),
        ...['S-5', 'S-6', 'S-7'].map((id) => `Nobody waits for a tracker to load > ${id}`),
      ],
    };
    const order = ids(api);
    for (const groupBy of ['status', 'epic', 'milestone', 'goal', 'none'] as GroupBy[]) {
      await vscode.commands.executeCommand('rudder.groupBy', groupBy);
      assert.equal(api.tree.groupBy, groupBy);
      const got = rows(api);
      assert.deepEqual(got, expected[groupBy], `grouped by ${groupBy}`);
      // Within each group, backlog order.
      const byGroup = new Map<string, string[]>();
      for (const r of got) {
        const [g, id] = r.includes(' > ') ? r.split(' > ') : ['', r];
        byGroup.set(g, [...(byGroup.get(g) ?? []), id]);
      }
      for (const [g, list] of byGroup) assert.deepEqual(list, order.filter((id) => list.includes(id)), `group ${g} of ${groupBy}`);
    }
  });

  it('shows counts and points on groups, and id · points · criteria on rows', async () => {
    const api = await rudder();
    await vscode.commands.executeCommand('rudder.groupBy', 'status');
    const groups = api.tree.getChildren();
    const described = groups.map((g) => `${api.tree.getTreeItem(g).label} ${api.tree.getTreeItem(g).description}`);
    // Stories and epics apart; an epic's points are not added to its stories' (E-1 is ready, 8 pts).
    assert.deepEqual(described, ['draft 5 stories · 26 pts', 'ready 1 story · 3 pts · 1 epic', 'in-progress 1 story · 5 pts']);
    const s5 = api.tree.getChildren(groups[0]).find((n) => n.kind === 'story' && n.story.id === 'S-5')!;
    const item = api.tree.getTreeItem(s5);
    assert.equal(item.label, 'S-5 · 2 pts  Export the backlog as CSV');
    assert.equal(item.description, undefined, 'no criteria, nothing after the title');
    // S-6 depends on S-5, which is not done: its row says what it waits for (the readiness query's blockersOf).
    const s6 = api.tree.getChildren(groups[0]).find((n) => n.kind === 'story' && n.story.id === 'S-6')!;
    assert.equal(api.tree.getTreeItem(s6).description, 'AC 0/1 · waits for S-5');
    const tooltip = (item.tooltip as vscode.MarkdownString).value;
    assert.match(tooltip, /missing-acceptance-criteria/);
    assert.ok(item.resourceUri?.scheme === 'rudder-story', 'decorated row URI');
    assert.equal((item.iconPath as vscode.ThemeIcon).id, 'circle-large-outline');
    assert.equal(item.command?.command, 'vscode.open');
    await vscode.commands.executeCommand('rudder.groupBy', 'none');
  });

  it('filters by status and text, shows the filter in the view description, and clears it', async () => {
    const api = await rudder();
    await vscode.commands.executeCommand('rudder.filter', { status: 'draft' });
    assert.deepEqual(rows(api), ['S-3', 'S-4', 'S-5', 'S-6', 'S-7']);
    assert.equal(api.treeView.description, 'Filter: status: draft');
    await vscode.commands.executeCommand('rudder.filter', { status: 'draft', text: 'csv' });
    assert.deepEqual(rows(api), ['S-3', 'S-5']);
    await vscode.commands.executeCommand('rudder.clearFilter');
    assert.equal(api.treeView.description, undefined);
    assert.deepEqual(rows(api), ids(api));
  });

  it('lists the issues by code in the grooming view, highest-ranked stories first, opening at the issue', async () => {
    const api = await rudder();
    const codesRows = api.grooming.getChildren();
    const byCode = new Map<string, GroomingNode[]>(codesRows.map((c) => [c.kind === 'code' ? c.code : '', api.grooming.getChildren(c)]));
    const expectedCodes = new Set<string>();
    for (const s of api.index.stories()) for (const i of api.index.issues(s.path)) expectedCodes.add(i.code);
    for (const c of expectedCodes) assert.ok(byCode.has(c), `code ${c} in ${[...byCode.keys()]}`);
    const missing = byCode.get('missing-acceptance-criteria')!.map((n) => (n.kind === 'issue' ? n.story?.id : ''));
    assert.deepEqual(missing, ['S-4', 'S-5', 'S-7']);
    const first = byCode.get('missing-acceptance-criteria')![0];
    const item = api.grooming.getTreeItem(first);
    assert.equal(item.command?.command, 'vscode.open');
    const [uri, options] = item.command!.arguments as [vscode.Uri, vscode.TextDocumentShowOptions];
    assert.equal(uri.path.split('/').pop(), 's-4.md');
    const issue = first.kind === 'issue' ? first.issue : undefined;
    assert.equal((options.selection as vscode.Range).start.line, issue!.range.start.line);
    const codeItem = api.grooming.getTreeItem(codesRows.find((c) => c.kind === 'code' && c.code === 'missing-acceptance-criteria')!);
    assert.equal(codeItem.label, 'The story has no acceptance criteria, or an empty section', "the rule's plain title");
    assert.equal(codeItem.description, '3 issues · missing-acceptance-criteria', 'the code beside it');
  });

  it('shows each goal with its metric, epics and stories, counts and points in the vision view', async () => {
    const api = await rudder();
    const goals = api.vision.getChildren();
    const labels = goals.map((g) => `${api.vision.getTreeItem(g).label} | ${api.vision.getTreeItem(g).description}`);
    assert.deepEqual(labels, ['Teams plan from one trusted backlog | G1 · 4 stories · 11 pts · 1 epic', 'Nobody waits for a tracker to load | G2 · 3 stories · 23 pts']);
    const g1 = api.vision.getChildren(goals[0]);
    const describe = (n: VisionNode) => (n.kind === 'metric' ? `metric: ${n.goal.metric}` : n.kind === 'story' ? `${n.story.id}(${n.children.map((c) => c.id).join(',')})` : n.kind);
    assert.deepEqual(g1.map(describe), ['metric: 80% of stories ready before sprint planning', 'E-1(S-1,S-2,S-3,S-4)']);
    assert.deepEqual(api.vision.getChildren(goals[1]).map(describe), ['S-5()', 'S-6()', 'S-7()']);
  });

  it('shows the story count and the stories needing grooming in the status bar', async () => {
    const api = await rudder();
    const needing = api.index.stories().filter((s) => api.index.issues(s.path).length > 0).length;
    assert.ok(needing > 0);
    assert.equal(api.statusBar.update(), `$(list-ordered) 7 stories · 1 epic · ${needing} need${needing === 1 ? 's' : ''} grooming`);
    assert.equal(api.statusBar.item.command, 'rudder.grooming.focus');
  });
});

describe('the live backlog (files changed outside VS Code)', () => {
  it('follows an edit, a delete and a rename on disk in the tree and the Problems panel', async () => {
    const api = await rudder();
    const s3 = storyFile('s-3.md');
    const original = (await readText(s3))!;
    try {
      // Edit: new title, criteria removed.
      await writeText(s3, original.replace('title: Map CSV columns to fields', 'title: Map columns (edited on disk)').replace(/## Acceptance Criteria[\s\S]*$/, ''));
      await waitFor('edited title in the tree', () => rows(api).length && api.tree.getChildren().some((n) => n.kind === 'story' && n.story.title === 'Map columns (edited on disk)'));
      await waitFor('criteria warning on s-3.md', () => codes(s3).includes('missing-acceptance-criteria'));
    } finally {
      await writeText(s3, original);
    }
    await waitFor('s-3.md restored', () => !codes(s3).includes('missing-acceptance-criteria') && api.index.story('backlog/stories/s-3.md')?.title === 'Map CSV columns to fields');

    // Delete, then put back.
    const s7 = storyFile('s-7.md');
    const s7text = (await readText(s7))!;
    const s7codes = codes(s7);
    assert.ok(s7codes.length > 0, 's-7.md has diagnostics to lose');
    await vscode.workspace.fs.delete(s7);
    try {
      await waitFor('S-7 gone from the tree', () => !rows(api).includes('S-7'));
      await waitFor('S-7 diagnostics cleared', () => codes(s7).length === 0);
    } finally {
      await writeText(s7, s7text);
    }
    await waitFor('S-7 back', () => rows(api).includes('S-7') && codes(s7).length > 0);

    // Rename, then rename back.
    const s5 = storyFile('s-5.md');
    const moved = storyFile('s-5-renamed.md');
    await vscode.workspace.fs.rename(s5, moved);
    try {
      await waitFor('S-5 at its new path', () => api.index.byId('S-5').map((s) => s.path).join() === 'backlog/stories/s-5-renamed.md');
      await waitFor('diagnostics moved', () => codes(s5).length === 0 && codes(moved).includes('missing-acceptance-criteria'));
      assert.deepEqual(rows(api), ['E-1', 'S-1', 'S-2', 'S-3', 'S-4', 'S-5', 'S-6', 'S-7']);
    } finally {
      await vscode.workspace.fs.rename(moved, s5);
    }
    await waitFor('S-5 back at s-5.md', () => api.index.byId('S-5').map((s) => s.path).join() === 'backlog/stories/s-5.md' && codes(moved).length === 0);
    await assertIndexMatchesDisk('after an edit, a delete and a rename on disk');
  });

  it('drops a story whose file is deleted on disk while it is open (unmodified) in an editor', async () => {
    const api = await rudder();
    const file = storyFile('s-7.md');
    const editor = await vscode.window.showTextDocument(file, { preview: false });
    assert.equal(editor.document.isDirty, false);
    await vscode.workspace.fs.delete(file);
    await waitFor('S-7 gone from the index', () => (api.index.story('backlog/stories/s-7.md') ? undefined : true), 10_000, () => `dirty=${editor.document.isDirty} closed=${editor.document.isClosed}`);
    await new Promise((r) => setTimeout(r, 1500)); // whatever events the deletion causes have come and gone
    await api.ready();
    assert.equal(api.index.story('backlog/stories/s-7.md'), undefined, `back in the index: dirty=${editor.document.isDirty}`);
    await assertIndexMatchesDisk('after deleting an open story on disk');
  });

  it('keeps the unsaved text of an open editor when the file changes on disk', async () => {
    const api = await rudder();
    const file = storyFile('s-2.md');
    const original = (await readText(file))!;
    // The web workbench saves after a delay by default; this test needs the editor to stay dirty.
    const files = vscode.workspace.getConfiguration('files');
    const autoSave = files.inspect('autoSave')?.globalValue;
    await files.update('autoSave', 'off', vscode.ConfigurationTarget.Global);
    const editor = await vscode.window.showTextDocument(file);
    try {
      const line = editor.document.getText().split('\n').findIndex((l) => l.startsWith('title:'));
      await editor.edit((b) => b.replace(editor.document.lineAt(line).range, 'title: Typed in the editor'));
      await waitFor('editor text in the index', () => api.index.story('backlog/stories/s-2.md')?.title === 'Typed in the editor');
      await writeText(file, original.replace('title: Show the import preview', 'title: Written on disk'));
      await new Promise((r) => setTimeout(r, 1500)); // the watcher event and its batch have come and gone
      await api.ready();
      assert.equal(editor.document.isDirty, true);
      assert.equal(api.index.story('backlog/stories/s-2.md')?.title, 'Typed in the editor');
    } finally {
      // Revert first (the editor takes the disk text), then put the original text back on disk.
      await vscode.window.showTextDocument(editor.document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await writeText(file, original);
      await files.update('autoSave', autoSave, vscode.ConfigurationTarget.Global);
    }
    await waitFor('disk text back in the index', () => api.index.story('backlog/stories/s-2.md')?.title === 'Show the import preview');
    await assertIndexMatchesDisk();
  });

  it('settles a burst of 250 created files, then their deletion, to the same index as a fresh scan', async function () {
    this.timeout(60_000);
    const api = await rudder();
    const dir = vscode.Uri.joinPath(root(), 'backlog', 'stories', 'burst');
    await vscode.workspace.fs.createDirectory(dir);
    const count = 250;
    const started = Date.now();
    try {
      for (let i = 0; i < count; i++) {
        const n = 1000 + i;
        await writeText(
          vscode.Uri.joinPath(dir, `b-${n}.md`),
          `---\nid: B-${n}\ntitle: Burst story ${n}\nstatus: draft\nrank: b${String(i).padStart(4, '0')}\nestimate: 1\n---\n\nAs a tester, I want burst ${n}, so that the loader is proven.\n`,
        );
      }
      await waitFor('first burst story indexed', () => api.index.stories().length > 8, 30_000);
      console.log(`[sidebar-test] first burst story after ${Date.now() - started} ms`);
      await waitFor('all burst stories indexed', () => api.index.stories().length === 8 + count, 30_000);
      console.log(`[sidebar-test] all burst stories after ${Date.now() - started} ms`);
      await api.ready();
      console.log(`[sidebar-test] ${count}-file burst settled in ${Date.now() - started} ms`);
      assert.deepEqual(snapshot(api.index), snapshot(await freshIndex()));
      assert.equal(rows(api).length, 8 + count);
    } finally {
      await vscode.workspace.fs.delete(dir, { recursive: true, useTrash: false });
    }
    await waitFor('burst stories removed', () => api.index.stories().length === 8, 30_000);
    await api.ready();
    assert.deepEqual(snapshot(api.index), snapshot(await freshIndex()));
    assert.deepEqual(rows(api), ['E-1', 'S-1', 'S-2', 'S-3', 'S-4', 'S-5', 'S-6', 'S-7']);
    await assertIndexMatchesDisk('after a burst of creates and deletes');
  });

  it('creates the vision from a template when there is none', async () => {
    const api = await rudder();
    const visionFile = vscode.Uri.joinPath(root(), 'backlog', 'vision.md');
    const original = (await readText(visionFile))!;
    await vscode.workspace.fs.delete(visionFile);
    try {
      await waitFor('vision gone', () => api.index.vision() === undefined);
      await waitFor('vision view empty (welcome shown)', () => api.vision.getChildren().length === 0);
      await vscode.commands.executeCommand('rudder.createVision');
      await waitFor('vision file created', async () => (await readText(visionFile)) !== undefined);
      assert.match((await readText(visionFile))!, /goals:\n {2}- id: G1\n/);
      assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), visionFile.toString());
      await waitFor('new vision indexed', () => api.index.vision()?.goals[0]?.id === 'G1');
    } finally {
      await writeText(visionFile, original);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
    await waitFor('original vision back', () => api.index.vision()?.goals.length === 2 && api.vision.getChildren().length === 2, 10_000, () =>
      JSON.stringify({ goals: api.index.vision()?.goals.map((g) => g.id), rows: api.vision.getChildren().length, docs: vscode.workspace.textDocuments.map((d) => `${d.uri.path}:${d.isDirty}`) }),
    );
    await assertIndexMatchesDisk('after creating the vision');
  });
});
