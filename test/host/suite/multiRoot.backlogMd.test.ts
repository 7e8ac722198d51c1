import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { itNeedsNode, rudderApi, waitFor } from './helpers';
import { runCli } from './nodeOnly';
import type { RudderApi } from '../../../src/vscode/activateRudder';
import type { BacklogNode } from '../../../src/vscode/backlogNodes';
import type { JsonListStory } from '../../../src/cli/format/storyList';

// A Backlog.md backlog in the editor (`epsilon`, test/fixtures/backlog-md/editor-agreement): the tree, the hover, the
// Problems panel and `rudder list` must tell the same story about drafts, milestones by name, the Definition of Done
// and what is done (a task in completed/ is done whatever its status). Runs in the multi-root window. The tree's own
// expectations run in both extension hosts; the comparison with `rudder list` needs Node (the CLI in a child process).

let api: RudderApi;
const TASK_2 = 'backlog/tasks/task-2 - Sign-out.md';

interface ListJson {
  readonly stories: readonly JsonListStory[];
  readonly groups?: readonly { label: string; done?: number; stories: readonly JsonListStory[] }[];
}

function epsilon() {
  const s = api.sessions.all().find((x) => x.folder.name === 'epsilon');
  assert.ok(s, 'a backlog for epsilon');
  return s;
}

/** Runs the packaged CLI's `rudder list --json` on the folder, as a user would in a terminal. */
function rudderList(...args: string[]): ListJson {
  return JSON.parse(runCli(['list', epsilon().root.fsPath, '--json', ...args])) as ListJson;
}

function rowsOf(node: BacklogNode | undefined): BacklogNode[] {
  return api.tree.getChildren(node);
}
function epsilonRoot(): BacklogNode {
  const root = rowsOf(undefined).find((n) => n.kind === 'folder' && n.session.folder.name === 'epsilon');
  assert.ok(root, 'a tree row for epsilon');
  return root;
}
function idOf(node: BacklogNode): string {
  return node.kind === 'story' ? (node.story.id ?? node.story.path) : `<${node.kind}>`;
}
function iconOf(node: BacklogNode): string {
  const icon = api.tree.getTreeItem(node).iconPath;
  return icon instanceof vscode.ThemeIcon ? icon.id : '';
}
function descriptionOf(node: BacklogNode): string {
  return String(api.tree.getTreeItem(node).description ?? '');
}
function labelOf(node: BacklogNode): string {
  const label = api.tree.getTreeItem(node).label;
  return typeof label === 'string' ? label : (label?.label ?? '');
}

describe('a Backlog.md backlog: tree, hover, Problems and rudder list agree', function () {
  this.timeout(60_000);

  before(async () => {
    api = await rudderApi();
  });
  after(async () => {
    await vscode.commands.executeCommand('rudder.groupBy', 'none');
  });

  it('lists open tasks in backlog order, then the drafts and the done ones apart', async () => {
    await vscode.commands.executeCommand('rudder.groupBy', 'none');
    const rows = rowsOf(epsilonRoot());
    const section = (kind: string) => rows.find((n) => n.kind === 'section' && n.section === kind);
    const drafts = section('drafts');
    const closed = section('closed');
    assert.ok(drafts, 'a Drafts section');
    assert.ok(closed, 'a Done and dropped section');
    assert.deepEqual(rows.map(idOf), ['TASK-1', 'TASK-4', '<section>', '<section>']);
    assert.deepEqual(rowsOf(drafts).map(idOf), ['DRAFT-1']);
    assert.deepEqual(rowsOf(closed).map(idOf), ['TASK-2', 'TASK-3']);
  });

  itNeedsNode('lists open tasks, the drafts and the done ones as rudder list does', 'runs the built CLI in a child process', async () => {
    await vscode.commands.executeCommand('rudder.groupBy', 'none');
    const rows = rowsOf(epsilonRoot());
    const list = rudderList();
    const section = (kind: string) => rows.find((n) => n.kind === 'section' && n.section === kind);
    const drafts = section('drafts');
    const closed = section('closed');
    assert.ok(drafts, 'a Drafts section');
    assert.ok(closed, 'a Done and dropped section');
    // Done (Done, or in completed/) and dropped (Wontfix) tasks: the section's rows, in the CLI's order too.
    const closedIds = rowsOf(closed).map(idOf);
    const isClosed = (s: { id: string | null }) => closedIds.includes(s.id ?? '');
    assert.deepEqual(rows.map(idOf), [...list.stories.filter((s) => !s.draft && !isClosed(s)).map((s) => s.id), '<section>', '<section>']);
    assert.deepEqual(rowsOf(drafts).map(idOf), list.stories.filter((s) => s.draft).map((s) => s.id));
    assert.deepEqual(rowsOf(closed).map(idOf), list.stories.filter((s) => !s.draft && isClosed(s)).map((s) => s.id));
  });

  it('shows the progress of criteria and Definition of Done on a row', async () => {
    await vscode.commands.executeCommand('rudder.groupBy', 'none');
    assert.match(descriptionOf(rowsOf(epsilonRoot())[0]), /AC 1\/2 · DoD 1\/2/);
  });

  itNeedsNode('shows the same progress of criteria and Definition of Done on each row as rudder list', 'runs the built CLI in a child process', async () => {
    await vscode.commands.executeCommand('rudder.groupBy', 'none');
    const byId = new Map(rudderList().stories.map((s) => [s.id, s]));
    const all = rowsOf(epsilonRoot()).flatMap((n) => (n.kind === 'section' ? rowsOf(n) : [n]));
    for (const row of all.filter((n) => n.kind === 'story')) {
      const s = byId.get(idOf(row))!;
      const want = [
        s.acceptanceCriteria.total ? `AC ${s.acceptanceCriteria.done}/${s.acceptanceCriteria.total}` : '',
        s.definitionOfDone.total ? `DoD ${s.definitionOfDone.done}/${s.definitionOfDone.total}` : '',
      ].filter(Boolean);
      for (const part of want) assert.ok(descriptionOf(row).includes(part), `${s.id}: "${descriptionOf(row)}" shows ${part}`);
    }
  });

  it('groups by milestone, the milestone by name included; a task in completed/ shows done', async () => {
    await vscode.commands.executeCommand('rudder.groupBy', 'milestone');
    const groups = rowsOf(epsilonRoot()).filter((n) => n.kind === 'group');
    assert.deepEqual(groups.map(labelOf), ['v1', 'Beta launch', 'No milestone']);
    // TASK-3 sits in completed/ with "status: To Do": done in the tree.
    assert.equal(iconOf(rowsOf(groups[0]).find((r) => idOf(r) === 'TASK-3')!), 'pass-filled');
  });

  itNeedsNode('groups by milestone as rudder list does, with the same stories done', 'runs the built CLI in a child process', async () => {
    await vscode.commands.executeCommand('rudder.groupBy', 'milestone');
    const groups = rowsOf(epsilonRoot()).filter((n) => n.kind === 'group');
    const list = rudderList('--group-by', 'milestone');
    assert.deepEqual(groups.map(labelOf), list.groups!.map((g) => g.label));
    for (const [i, g] of groups.entries()) {
      const rows = rowsOf(g);
      assert.deepEqual(rows.map(idOf), list.groups![i].stories.map((s) => s.id), `${labelOf(g)}: its stories`);
      if (list.groups![i].done !== undefined) {
        assert.equal(rows.filter((r) => iconOf(r) === 'pass-filled').length, list.groups![i].done, `${labelOf(g)}: the stories the tree shows done`);
      }
    }
  });

  it('hovers a task with its Definition of Done, and a completed task as done', async () => {
    const s = epsilon();
    for (const [file, expect] of [
      [TASK_2, /Definition of Done: 1\/2 done \(open: Docs updated\)/],
      ['backlog/completed/task-3 - Landing-page.md', /status \*\*To Do\*\* · done \(in the completed folder\)/],
    ] as const) {
      const doc = await vscode.workspace.openTextDocument(s.toUri(file));
      const line = doc.getText().split('\n').findIndex((l) => l.startsWith('id:'));
      const hovers = await waitFor(`a hover on ${file}`, async () => {
        const h = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(line, 5));
        return h.length ? h : undefined;
      });
      const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
      assert.match(text, expect, text);
    }
  });

  it('reports in the Problems panel what rudder lint reports: open DoD items on a done task, a milestone by name, no error', async () => {
    const s = epsilon();
    const problems = () =>
      vscode.languages
        .getDiagnostics()
        .filter(([uri]) => uri.toString().startsWith(s.root.toString() + '/'))
        .flatMap(([uri, ds]) => ds.filter((d) => d.source === 'rudder').map((d) => `${s.toPath(uri)} ${typeof d.code === 'object' ? d.code.value : d.code}`))
        .sort();
    await waitFor('the epsilon diagnostics', () => (problems().length >= 3 ? true : undefined), 15_000, () => JSON.stringify(problems()));
    assert.deepEqual(problems(), [
      'backlog/drafts/draft-1 - Dark-mode.md missing-acceptance-criteria',
      'backlog/tasks/task-1 - Sign-in.md milestone-by-name',
      'backlog/tasks/task-2 - Sign-out.md done-with-open-criteria',
    ]);
    const d = vscode.languages.getDiagnostics(s.toUri(TASK_2)).find((x) => x.source === 'rudder')!;
    assert.match(d.message, /1 of 2 Definition of Done items is not checked/);
  });
});
