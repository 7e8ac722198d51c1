import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { runCli } from '../../../src/cli/runCli';
import { isDraft } from '../../../src/core/config/workflow';
import { groupStories } from '../../../src/core/query/groupStories';
import { toRoadmap } from '../../../src/core/roadmap/toRoadmap';
import { codesOf, loadFixture, pathsWith } from './fixtures';

// Each case is a fixture shaped like a real Backlog.md backlog (test/fixtures/backlog-md/<case>); on the old main,
// `rudder lint` on them gave: D1 an invalid-field error on `status: Draft` and the draft as row 1 of `rudder list`;
// D2 an unknown-reference error on each free-text milestone; D3 "0 stories" for a task without front matter; D7 an
// invalid-field error on `created_date: ''` and missing-vision / missing-user-story infos; DoD: no Definition of Done
// at all (the items counted nowhere, a done task with open DoD items not reported).

async function listJson(name: string, ...args: string[]): Promise<{ stories: { id: string; draft: boolean }[]; groups?: { label: string; done?: number; stories: { id: string }[] }[] }> {
  let out = '';
  const code = await runCli(['list', path.join('test', 'fixtures', 'backlog-md', name), '--json', ...args], { cwd: process.cwd(), env: {}, stdoutIsTty: false, writeOut: (s: string) => void (out += s), writeErr: () => undefined });
  assert.equal(code, 0);
  return JSON.parse(out);
}

describe('Backlog.md mode', () => {
  describe('D1: drafts', () => {
    it('accepts status Draft and keeps drafts after every task, in the index and in rudder list', async () => {
      const index = await loadFixture('d1-drafts');
      assert.deepEqual(pathsWith(index, 'invalid-field'), []);
      assert.deepEqual(index.stories().map((s) => s.id), ['task-1', 'task-2', 'draft-1', 'draft-2'], 'a high-priority draft is not row 1');
      assert.deepEqual(index.stories().map((s) => isDraft(s, index.config)), [false, false, true, true]);
      const json = await listJson('d1-drafts');
      assert.deepEqual(json.stories.map((s) => `${s.id}:${s.draft}`), ['task-1:false', 'task-2:false', 'draft-1:true', 'draft-2:true']);
      const byPriority = await listJson('d1-drafts', '--sort', 'priority');
      assert.deepEqual(byPriority.stories.map((s) => s.id).slice(2), ['draft-1', 'draft-2'], 'whatever the sort, drafts come last');
    });
  });

  describe('D2: milestones by name', () => {
    it('shows a free-text milestone with its progress instead of an error, once per name', async () => {
      const index = await loadFixture('d2-milestones-by-name');
      assert.deepEqual(pathsWith(index, 'unknown-reference'), []);
      assert.deepEqual(
        index.allIssues().filter((i) => i.code === 'milestone-by-name').map((i) => i.path),
        ['backlog/completed/task-4 - Release.md', 'backlog/tasks/task-1 - Beta-task-1.md'],
      );
      assert.deepEqual(index.namedMilestones().map((m) => m.id), ['Beta launch', '2.0.0']);
      const groups = groupStories(index, 'milestone').map((g) => `${g.label}: ${g.stories.map((s) => s.id).join(',')}${g.notFound ? ' (not found)' : ''}`);
      assert.deepEqual(groups, ['Alpha: task-5', 'Beta launch: task-1,task-2,task-3', '2.0.0: task-4']);
      const json = await listJson('d2-milestones-by-name', '--group-by', 'milestone');
      assert.deepEqual(json.groups!.map((g) => `${g.label} ${g.done}/${g.stories.length}`), ['Alpha 0/1', 'Beta launch 1/3', '2.0.0 1/1']);
    });

    it('draws milestones by name on the roadmap with their stories and progress', async () => {
      const index = await loadFixture('d2-milestones-by-name');
      const model = toRoadmap(index, { today: '2026-09-01' });
      const beta = model.milestones.find((m) => m.id === 'Beta launch')!;
      assert.ok(beta, JSON.stringify(model.milestones.map((m) => m.id)));
      assert.equal(beta.stories.length, 3);
      assert.equal(beta.progress.doneStories, 1);
      assert.deepEqual(model.warnings.filter((w) => w.code === 'unknown-milestone'), [], 'milestones named by title (alpha) resolve too');
    });
  });

  describe('D3: task files without front matter', () => {
    it('lists them as stories: id from the file name, title from the heading, status from **Status:**, with a warning', async () => {
      const index = await loadFixture('d3-no-front-matter');
      assert.deepEqual(
        index.stories().map((s) => `${s.id} "${s.title}" ${s.status}`),
        ['task-3 "Move to the new server" Done', 'task-7 "Task 7: Fix login" To Do', 'task-8 "With front matter" To Do'],
      );
      assert.deepEqual(pathsWith(index, 'missing-front-matter'), ['backlog/completed/2024/task-3 - Move-to-the-new-server.md', 'backlog/tasks/task-7 - Fix-login.md']);
      assert.equal(index.story('backlog/docs/notes.md'), undefined, 'a note outside the task folders stays a non-story');
      const fix = index.issues('backlog/tasks/task-7 - Fix-login.md').find((i) => i.code === 'missing-front-matter')!.fixes![0];
      assert.equal(fix.edits[0].edits[0].newText, '---\nid: task-7\ntitle: "Task 7: Fix login"\nstatus: "To Do"\n---\n');
    });
  });

  describe('DoD: Definition of Done', () => {
    const done = 'backlog/tasks/task-1 - Allow-clearing-the-editor.md';
    it("reads each task's Definition of Done checklist and the config's list", async () => {
      const index = await loadFixture('dod-definition-of-done');
      assert.deepEqual(index.config.definitionOfDone, ['bunx tsc --noEmit passes when TypeScript touched', 'bun run check . passes when formatting/linting touched', 'bun test (or scoped test) passes']);
      const s = index.story(done)!;
      assert.deepEqual(s.definitionOfDone?.items.map((c) => [c.number, c.checked, c.text]), [
        [1, true, 'bunx tsc --noEmit passes when TypeScript touched'],
        [2, false, 'bun run check . passes when formatting/linting touched'],
        [3, false, 'bun test (or scoped test) passes'],
      ]);
      assert.deepEqual(s.acceptanceCriteria?.items.length, 2, 'the DoD items are not criteria');
      const json = await listJson('dod-definition-of-done');
      assert.deepEqual(
        (json.stories as unknown as { id: string; definitionOfDone: unknown; acceptanceCriteria: unknown }[]).map((x) => [x.id, x.acceptanceCriteria, x.definitionOfDone]),
        [
          ['TASK-1', { total: 2, done: 2 }, { total: 3, done: 1 }],
          ['TASK-2', { total: 1, done: 0 }, { total: 2, done: 1 }],
          ['TASK-3', { total: 1, done: 1 }, { total: 0, done: 0 }],
        ],
      );
    });

    it('warns on a done task with open DoD items, with a fix that checks them; not on a task in progress or without a DoD', async () => {
      const index = await loadFixture('dod-definition-of-done');
      const issues = index.issues(done).filter((i) => i.code === 'done-with-open-criteria');
      assert.equal(issues.length, 1);
      assert.match(issues[0].message, /"Done" but 2 of 3 Definition of Done items are not checked/);
      const fix = issues[0].fixes![0];
      assert.equal(fix.title, 'Check all Definition of Done items');
      const { applyEdits } = await import('../../../src/core/edits/applyEdits');
      const after = applyEdits(index.text(done)!, fix.edits[0].edits);
      assert.equal(after, index.text(done)!.replace('- [ ] #2 bun run', '- [x] #2 bun run').replace('- [ ] #3 bun test', '- [x] #3 bun test'));
      assert.deepEqual(pathsWith(index, 'done-with-open-criteria'), [done]);
    });

    it('says which DoD items are open when a task is set to done, and gives new tasks the team DoD', async () => {
      const index = await loadFixture('dod-definition-of-done');
      const { openDefinitionOfDoneNote } = await import('../../../src/core/query/checklists');
      assert.equal(
        openDefinitionOfDoneNote([index.story('backlog/tasks/task-2 - Compact-list-view.md')!]),
        'TASK-2: 1 of 2 Definition of Done items are open ("bun test (or scoped test) passes").',
      );
      const { newStory } = await import('../../../src/core/edits/newStoryText');
      const text = newStory({ id: 'TASK-4', title: 'New', type: 'story', definitionOfDone: index.config.definitionOfDone }).text;
      assert.ok(text.endsWith('## Definition of Done\n\n- [ ] bunx tsc --noEmit passes when TypeScript touched\n- [ ] bun run check . passes when formatting/linting touched\n- [ ] bun test (or scoped test) passes\n'), text);
    });
  });

  describe("unquoted @ in assignee and reporter, as Backlog.md writes and reads them", () => {
    it('reads `assignee: @maya` and `reporter: [@ann]` as values in Backlog.md mode, and reports them in a native backlog', async () => {
      const { parseStory } = await import('../../../src/core/parse/parseStory');
      const text = '---\nid: task-1\ntitle: One\nstatus: To Do\nassignee: @MrLesk\nreporter: [@ann, "@bob"]\n---\nbody\n';
      const md = parseStory('backlog/tasks/task-1 - One.md', text, { atMentions: true });
      assert.deepEqual(md.problems, []);
      assert.deepEqual(md.assignee, ['@MrLesk']);
      assert.deepEqual(md.frontMatter?.data.reporter, ['@ann', '@bob']);
      assert.equal(md.frontMatter?.fields.assignee?.valueRange.start.character, 10);
      const native = parseStory('backlog/s-1.md', text);
      assert.deepEqual([...new Set(native.problems.map((p) => p.code))], ['front-matter-syntax']);
      // Only where Backlog.md reads it: a block list item or another key is still not YAML.
      const block = parseStory('backlog/tasks/task-2.md', '---\nid: task-2\ntitle: Two\nassignee:\n  - @bob\nmilestone: @m\n---\n', { atMentions: true });
      assert.equal(block.problems.filter((p) => p.code === 'front-matter-syntax').length, 2);
    });
  });

  describe('D7: quiet defaults', () => {
    it("reports nothing on a clean Backlog.md backlog: no created_date: '' error, no vision or user-story nagging", async () => {
      const index = await loadFixture('d7-quiet-defaults');
      assert.deepEqual(index.allIssues().map((i) => i.code), []);
      assert.deepEqual(codesOf(index, 'backlog/tasks/task-1 - Written-by-Backlog.md.md'), []);
    });

    it('turns missing-vision and missing-user-story on when the team sets them or adds a vision', async () => {
      const { BacklogIndex } = await import('../../../src/core/index/backlogIndex');
      const { parseConfig } = await import('../../../src/core/config/parseConfig');
      const base = await loadFixture('d7-quiet-defaults');
      const story = [...base.paths()].find((p) => p.endsWith('.md'))!;
      const on = new BacklogIndex(parseConfig({ rudderYml: 'rules:\n  missing-vision: info\n', backlogMdConfigYml: 'statuses: ["To Do", "In Progress", "Done"]\n' }).config);
      on.upsert(story, base.text(story)!);
      assert.deepEqual(on.backlogIssues().map((i) => i.code), ['missing-vision']);
      const withVision = new BacklogIndex(base.config);
      withVision.upsert(story, base.text(story)!);
      assert.deepEqual(withVision.issues(story).map((i) => i.code), []);
      withVision.upsert('backlog/vision.md', '---\ngoals:\n  - id: G1\n    title: One\n---\n');
      assert.ok(withVision.issues(story).some((i) => i.code === 'missing-user-story'), 'on once there is a vision');
    });
  });
});
