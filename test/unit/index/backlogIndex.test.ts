import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { defaultConfig } from '../../../src/core/config/parseConfig';
import { BacklogIndex, type IndexChange } from '../../../src/core/index/backlogIndex';
import { idKey } from '../../../src/core/index/idKey';
import type { Issue } from '../../../src/core/model/issue';

interface Fields {
  id?: string;
  status?: string;
  rank?: string;
  epic?: string;
  milestone?: string;
  vision?: string[];
  depends_on?: string[];
  estimate?: number;
  type?: string;
}

function storyText(f: Fields, title = 'A story'): string {
  const lines = ['---'];
  if (f.id) lines.push(`id: ${f.id}`);
  lines.push(`title: ${title}`);
  for (const k of ['type', 'status', 'rank', 'epic', 'milestone', 'estimate'] as const) if (f[k] !== undefined) lines.push(`${k}: ${f[k]}`);
  if (f.vision) lines.push(`vision: [${f.vision.join(', ')}]`);
  if (f.depends_on) lines.push(`depends_on: [${f.depends_on.join(', ')}]`);
  lines.push('---', '', 'As a user, I want things, so that I am happy.', '', '## Acceptance Criteria', '', '- [ ] Given 1 story, when I look, then I see it', '');
  return lines.join('\n');
}

const VISION = '---\ngoals:\n  - id: G1\n    title: One\n  - id: G2\n    title: Two\n---\n\nThe vision.\n';
const MILESTONE = '---\nid: M1\ntitle: Beta\n---\n';
const fmt = (i: Issue) => `${i.path}:${i.range.start.line}:${i.range.start.character} ${i.code} ${i.message}`;

describe('BacklogIndex', () => {
  it('classifies paths by the config globs', () => {
    const index = new BacklogIndex();
    assert.equal(index.classify('backlog/vision.md'), 'vision');
    assert.equal(index.classify('backlog/milestones/m1.md'), 'milestone');
    assert.equal(index.classify('backlog/tasks/s-1.md'), 'story');
    assert.equal(index.classify('backlog/archive/s-1.md'), 'other');
    assert.equal(index.classify('backlog/docs/a.md'), 'other');
    assert.equal(index.classify('README.md'), 'outside', 'not under the backlog folder');
    assert.equal(index.classify('backlog/tasks/.old/s-1.md'), 'outside', 'hidden');
    const root = new BacklogIndex(defaultConfig('.'));
    assert.equal(root.classify('tasks/a.md'), 'story');
    assert.equal(root.classify('decisions/a.md'), 'other');
  });

  it('keeps files without front matter as other, with no issues', () => {
    const index = new BacklogIndex();
    index.upsert('backlog/readme.md', '# Readme\n');
    assert.equal(index.fileCount, 1);
    assert.equal(index.stories().length, 0);
    assert.equal(index.kind('backlog/readme.md'), 'other');
    assert.deepEqual(index.issues('backlog/readme.md'), []);
  });

  it('answers every query and keeps them up to date through upsert, remove and rename', () => {
    const index = new BacklogIndex();
    index.upsert('backlog/vision.md', VISION);
    index.upsert('backlog/milestones/m1.md', MILESTONE);
    index.upsert('backlog/e.md', storyText({ id: 'S-1', type: 'epic', vision: ['G1'], rank: 'a0' }));
    index.upsert('backlog/a.md', storyText({ id: 'S-2', epic: 'S-1', milestone: 'M1', rank: 'a2', depends_on: ['S-3'] }));
    index.upsert('backlog/b.md', storyText({ id: 'S-3', vision: ['G2'], rank: 'a1' }));
    const ids = (xs: readonly { id?: string }[]) => xs.map((s) => s.id);
    assert.deepEqual(ids(index.stories()), ['S-1', 'S-3', 'S-2']);
    assert.deepEqual(ids(index.byId('s-2')), ['S-2']);
    assert.deepEqual(ids(index.childrenOf('S-1')), ['S-2']);
    assert.deepEqual(ids(index.ofMilestone('M1')), ['S-2']);
    assert.deepEqual(ids(index.ofMilestone('beta')), ['S-2']);
    assert.deepEqual(ids(index.ofGoal('G1')), ['S-1', 'S-2']);
    assert.deepEqual(ids(index.ofGoal('G2')), ['S-3']);
    assert.deepEqual(index.goalsOf(index.story('backlog/a.md')!), ['G1']);
    assert.deepEqual(ids(index.dependentsOf('S-3')), ['S-2']);
    assert.equal(index.rankPosition(index.story('backlog/a.md')!), 2);
    assert.equal(index.milestone('m1')?.title, 'Beta');

    // Move S-2 to the top and out of the epic.
    index.upsert('backlog/a.md', storyText({ id: 'S-2', rank: 'Zz', depends_on: ['S-3'] }));
    assert.deepEqual(ids(index.stories()), ['S-2', 'S-1', 'S-3']);
    assert.deepEqual(ids(index.childrenOf('S-1')), []);
    assert.deepEqual(ids(index.ofMilestone('M1')), []);
    assert.deepEqual(ids(index.ofGoal('G1')), ['S-1']);
    assert.equal(index.rankPosition(index.story('backlog/a.md')!), 0);

    // Rename b.md to c.md: remove + upsert.
    const text = index.text('backlog/b.md')!;
    index.remove('backlog/b.md');
    assert.deepEqual(ids(index.byId('S-3')), []);
    index.upsert('backlog/c.md', text);
    assert.deepEqual(index.byId('S-3').map((s) => s.path), ['backlog/c.md']);
    assert.deepEqual(ids(index.dependentsOf('S-3')), ['S-2']);
    assert.equal(index.fileCount, 5);
  });

  it('reports duplicates through byId and the duplicate-id rule on both files', () => {
    const index = new BacklogIndex();
    index.upsert('backlog/a.md', storyText({ id: 'S-1', rank: 'a0' }));
    index.upsert('backlog/b.md', storyText({ id: 's-1', rank: 'a1' }));
    assert.equal(index.byId('S-1').length, 2);
    assert.ok(index.issues('backlog/a.md').some((i) => i.code === 'duplicate-id' && i.related?.[0].path === 'backlog/b.md'));
    index.remove('backlog/b.md');
    assert.ok(!index.issues('backlog/a.md').some((i) => i.code === 'duplicate-id'));
  });

  it('lists in IndexChange.paths the stories whose issues a change can affect', () => {
    const index = new BacklogIndex();
    index.upsert('backlog/a.md', storyText({ id: 'S-1', rank: 'a0' }));
    index.upsert('backlog/b.md', storyText({ id: 'S-2', rank: 'a1', depends_on: ['S-9'] }));
    index.upsert('backlog/c.md', storyText({ id: 'S-3', rank: 'a2' }));
    assert.ok(index.issues('backlog/b.md').some((i) => i.code === 'unknown-reference'));
    const changes: IndexChange[] = [];
    const sub = index.onDidChange((c) => changes.push(c));
    const change = index.upsert('backlog/d.md', storyText({ id: 'S-9', rank: 'a3' }));
    assert.deepEqual([...change.paths].sort(), ['backlog/b.md', 'backlog/c.md', 'backlog/d.md']); // c.md: rank neighbour
    assert.equal(change.all, false);
    assert.deepEqual(changes, [change]);
    assert.ok(!index.issues('backlog/b.md').some((i) => i.code === 'unknown-reference'));
    assert.deepEqual(index.upsert('backlog/d.md', index.text('backlog/d.md')!).paths, [], 'same text: no change');
    sub.dispose();
    index.upsert('backlog/a.md', storyText({ id: 'S-1', rank: 'a0', status: 'done' }));
    assert.equal(changes.length, 1);
    const all = index.upsert('backlog/vision.md', VISION);
    assert.equal(all.all, true);
  });

  it("re-checks dependents when a dependency's status changes", () => {
    const config = { ...defaultConfig(), definitionOfReady: ['no-open-dependencies'] as const };
    const index = new BacklogIndex(config);
    index.upsert('backlog/a.md', storyText({ id: 'S-1', rank: 'a0', status: 'draft' }));
    index.upsert('backlog/b.md', storyText({ id: 'S-2', rank: 'a5', status: 'ready', depends_on: ['S-1'] }));
    index.upsert('backlog/c.md', storyText({ id: 'S-3', rank: 'a9', status: 'ready' }));
    assert.deepEqual(index.issues('backlog/b.md').map((i) => i.code), ['not-ready']);
    const change = index.upsert('backlog/a.md', storyText({ id: 'S-1', rank: 'a0', status: 'done' }));
    assert.deepEqual([...change.paths].sort(), ['backlog/a.md', 'backlog/b.md']);
    assert.deepEqual(index.issues('backlog/b.md'), []);
  });

  it('keeps dependency cycles current when a cycle splits or merges', () => {
    const index = new BacklogIndex();
    const cyclic = () => index.allIssues().filter((i) => i.code === 'dependency-cycle').map((i) => i.path).sort();
    index.upsert('backlog/1.md', storyText({ id: 'S-1', depends_on: ['S-2'] }));
    index.upsert('backlog/2.md', storyText({ id: 'S-2', depends_on: ['S-1', 'S-3'] }));
    index.upsert('backlog/3.md', storyText({ id: 'S-3', depends_on: ['S-2'] }));
    assert.deepEqual(cyclic(), ['backlog/1.md', 'backlog/2.md', 'backlog/3.md']);
    index.upsert('backlog/1.md', storyText({ id: 'S-1' }));
    assert.deepEqual(cyclic(), ['backlog/2.md', 'backlog/3.md']);
    index.upsert('backlog/3.md', storyText({ id: 'S-3' }));
    assert.deepEqual(cyclic(), []);
    index.upsert('backlog/3.md', storyText({ id: 'S-3', depends_on: ['S-1'] }));
    index.upsert('backlog/1.md', storyText({ id: 'S-1', depends_on: ['S-2'] }));
    assert.deepEqual(cyclic(), ['backlog/1.md', 'backlog/2.md', 'backlog/3.md']);
    index.remove('backlog/2.md');
    assert.deepEqual(cyclic(), []);
  });

  it('resolves Backlog.md task- references to the configured prefix by number', () => {
    const config = { ...defaultConfig('.'), idPrefix: 'BACK-', source: 'config.yml', backlogMd: true, statuses: ['To Do', 'In Progress', 'Done'], readyStatus: 'In Progress', doneStatus: 'Done' };
    assert.equal(idKey('task-345.01', config), idKey('BACK-345.1', config));
    assert.equal(idKey('345', config), idKey('back-345', config));
    assert.notEqual(idKey('DRAFT-3', config), idKey('BACK-3', config));
    const index = new BacklogIndex(config);
    index.upsert('tasks/back-24.1.md', storyText({ id: 'BACK-24.1' }));
    index.upsert('tasks/back-30.md', storyText({ id: 'BACK-30', depends_on: ['task-24.1'] }));
    assert.deepEqual(index.dependentsOf('BACK-24.1').map((s) => s.id), ['BACK-30']);
    assert.ok(!index.issues('tasks/back-30.md').some((i) => i.code === 'unknown-reference'));
  });

  it('setConfig re-classifies kept texts, and drops those now outside the backlog', () => {
    const index = new BacklogIndex();
    index.upsert('backlog/archive/a.md', storyText({ id: 'S-1' }));
    index.upsert('work/b.md', storyText({ id: 'S-2' }));
    assert.equal(index.stories().length, 0);
    assert.equal(index.text('work/b.md'), undefined, 'outside the backlog: not kept');
    index.setConfig({ ...defaultConfig(), exclude: [] });
    assert.deepEqual(index.stories().map((s) => s.id), ['S-1']);
    index.setConfig(defaultConfig('work'));
    assert.deepEqual(index.paths(), []);
  });

  it('after any sequence of upserts and removes equals a fresh build (property)', function () {
    // Why a long timeout: each run parses and lints up to 25 backlog states.
    this.timeout(120_000);
    // Every Definition of Ready check on, so that cross-story checks (open dependencies) are exercised too.
    const config = { ...defaultConfig(), definitionOfReady: ['acceptance-criteria', 'vision-link', 'estimate', 'user-story', 'no-open-dependencies'] as const };
    const paths = ['backlog/a.md', 'backlog/b.md', 'backlog/c.md', 'backlog/d.md', 'backlog/e.md', 'backlog/vision.md', 'backlog/milestones/m1.md', 'backlog/archive/x.md'];
    const idA = fc.constantFrom('S-1', 'S-2', 'S-3', 'S-4', 's-2');
    const fields: fc.Arbitrary<Fields> = fc.record(
      {
        id: idA,
        status: fc.constantFrom('draft', 'ready', 'done', 'redy'),
        rank: fc.constantFrom('a0', 'a1', 'a2', '1'),
        epic: idA,
        milestone: fc.constantFrom('M1', 'M2'),
        vision: fc.array(fc.constantFrom('G1', 'G3'), { maxLength: 2 }),
        depends_on: fc.array(idA, { maxLength: 2 }),
        estimate: fc.constantFrom(1, 20),
        type: fc.constantFrom('story', 'epic'),
      },
      { requiredKeys: [] },
    );
    const op = fc.oneof(
      fc.record({ kind: fc.constant('upsert' as const), path: fc.constantFrom(...paths), fields }),
      fc.record({ kind: fc.constant('remove' as const), path: fc.constantFrom(...paths) }),
      // Small edits that keep the links, so that invalidation without link changes is exercised.
      fc.record({ kind: fc.constant('edit' as const), path: fc.constantFrom(...paths), status: fc.constantFrom('draft', 'ready', 'done'), estimate: fc.constantFrom(1, 20) }),
    );
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 25 }), (ops) => {
        const index = new BacklogIndex(config);
        const last = new Map<string, Fields>();
        for (const o of ops) {
          if (o.kind === 'remove') index.remove(o.path);
          else if (o.kind === 'edit') {
            const f = last.get(o.path);
            if (f && index.text(o.path) !== undefined) index.upsert(o.path, storyText({ ...f, status: o.status, estimate: o.estimate }));
          } else {
            last.set(o.path, o.fields);
            const text = o.path.endsWith('vision.md') ? VISION : o.path.includes('milestones') ? MILESTONE : storyText(o.fields);
            index.upsert(o.path, text);
          }
          // Query between operations so caches exist and must be invalidated correctly.
          index.stories();
          index.allIssues();
        }
        const fresh = new BacklogIndex(config);
        for (const p of paths) if (index.text(p) !== undefined) fresh.upsert(p, index.text(p)!);
        const view = (x: BacklogIndex) => ({
          order: x.stories().map((s) => s.path),
          positions: x.stories().map((s) => x.rankPosition(s)),
          byId: ['S-1', 'S-2', 'S-3', 'S-4'].map((id) => x.byId(id).map((s) => s.path)),
          children: ['S-1', 'S-2', 'S-3', 'S-4'].map((id) => x.childrenOf(id).map((s) => s.path)),
          dependents: ['S-1', 'S-2', 'S-3', 'S-4'].map((id) => x.dependentsOf(id).map((s) => s.path)),
          goal: x.ofGoal('G1').map((s) => s.path),
          milestone: x.ofMilestone('M1').map((s) => s.path),
          issues: x.allIssues().map(fmt),
          files: x.fileCount,
        });
        assert.deepEqual(view(index), view(fresh));
      }),
      { numRuns: 80 },
    );
  });
});
