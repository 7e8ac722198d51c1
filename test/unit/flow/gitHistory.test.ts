// The history reader on generated repositories with known commit dates: the exact events of each story
// (renames, moves into archive/ and completed/, a delete plus an add of the same id), cycle and lead times
// and throughput from them, the cache (a second read reads only new commits), a shallow clone, and the
// fallbacks without git or outside a repository.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadBacklog } from '../../../src/cli/loadBacklog';
import type { BacklogHistory } from '../../../src/core/flow/backlogHistory';
import { flowMetrics } from '../../../src/core/flow/flowMetrics';
import { storyTimelines, type StoryTimeline } from '../../../src/core/flow/storyTimelines';
import { toDayNumber } from '../../../src/core/roadmap/roadmapDates';
import { GitHistorySource } from '../../../src/node/gitHistorySource';
import { hasGit, storyText, TestRepo } from './gitRepo';

const S = 'backlog/stories';

async function timelinesOf(repo: TestRepo, history: BacklogHistory, today: string): Promise<StoryTimeline[]> {
  const backlog = await loadBacklog(repo.dir);
  return storyTimelines(history, backlog.index.stories(), backlog.index.config, toDayNumber(today)!);
}

const byId = (ts: readonly StoryTimeline[], id: string): StoryTimeline => {
  const t = ts.find((x) => x.id === id);
  assert.ok(t, `no timeline for ${id}: ${ts.map((x) => x.id ?? x.path).join(', ')}`);
  return t;
};

describe('git history reader', function () {
  this.timeout(60_000);
  before(function () {
    if (!hasGit()) this.skip();
  });

  describe('a native backlog with renames, a move into archive/ and a re-added id', () => {
    let repo: TestRepo;
    const c: Record<string, string> = {};
    before(() => {
      repo = new TestRepo();
      repo.write('backlog/milestones/M1.md', '---\nid: M1\ntitle: First\ndue: 2026-04-30\n---\n');
      repo.write(`${S}/S-1.md`, storyText({ id: 'S-1', title: 'One', status: 'draft', estimate: 3, milestone: 'M1' }));
      repo.write(`${S}/S-2.md`, storyText({ id: 'S-2', title: 'Two', status: 'ready', estimate: 5, milestone: 'M1' }));
      repo.write(`${S}/S-3.md`, storyText({ id: 'S-3', title: 'Three', status: 'ready', milestone: 'M1' }, 'status: not a field, a body line\n'));
      c.created = repo.commit('2026-03-02T09:00:00+01:00');
      repo.set(`${S}/S-1.md`, 'status', 'in-progress');
      c.s1Started = repo.commit('2026-03-03');
      repo.set(`${S}/S-1.md`, 'status', 'done');
      repo.set(`${S}/S-2.md`, 'status', 'in-progress');
      repo.set(`${S}/S-2.md`, 'estimate', '8');
      c.mixed = repo.commit('2026-03-05');
      repo.move(`${S}/S-2.md`, `${S}/S-2-two.md`);
      repo.set(`${S}/S-2-two.md`, 'status', '"done"');
      c.renamed = repo.commit('2026-03-09');
      repo.set(`${S}/S-3.md`, 'status', 'in-progress  # picked up');
      c.s3Started = repo.commit('2026-03-10');
      repo.move(`${S}/S-1.md`, 'backlog/archive/S-1.md');
      c.archived = repo.commit('2026-03-12');
      // A delete and an add of the same id, with text so different that git sees no rename.
      repo.remove(`${S}/S-3.md`);
      repo.write(`${S}/three-rewritten.md`, storyText({ id: 'S-3', title: 'Three, rewritten', status: 'in-progress', milestone: 'M1', estimate: 2 }, 'Completely different words here.\n'.repeat(20)));
      c.rewritten = repo.commit('2026-03-17');
      repo.write(`${S}/S-4.md`, storyText({ id: 'S-4', title: 'Four', status: 'in-progress', milestone: 'M1' }));
      c.s4 = repo.commit('2026-03-18');
    });
    after(() => repo.dispose());

    it('reads every commit once and follows each file to its path now', async () => {
      const history = await new GitHistorySource(repo.dir).read({ folder: 'backlog' });
      assert.ok(history.available);
      assert.equal(history.commits, 8);
      assert.equal(history.first, '2026-03-02');
      assert.equal(history.last, '2026-03-18');
      assert.equal(history.head, c.s4);
      assert.deepEqual(history.lineages.map((l) => `${l.path}${l.deleted ? ' (deleted)' : ''}`).sort(), [
        'backlog/archive/S-1.md',
        'backlog/milestones/M1.md',
        'backlog/stories/S-2-two.md',
        'backlog/stories/S-4.md',
        'backlog/stories/three-rewritten.md',
      ]);
    });

    it('gives each story its exact events: created, status changes, estimate changes, moves, done', async () => {
      const history = await new GitHistorySource(repo.dir).read({ folder: 'backlog' });
      const ts = await timelinesOf(repo, history, '2026-03-20');
      assert.deepEqual(byId(ts, 'S-1').events, [
        { kind: 'created', date: '2026-03-02', commit: c.created, status: 'draft' },
        { kind: 'status', date: '2026-03-03', commit: c.s1Started, from: 'draft', to: 'in-progress' },
        { kind: 'status', date: '2026-03-05', commit: c.mixed, from: 'in-progress', to: 'done' },
        { kind: 'done', date: '2026-03-05', commit: c.mixed },
        { kind: 'moved', date: '2026-03-12', commit: c.archived, from: 'backlog/stories/S-1.md', to: 'backlog/archive/S-1.md' },
      ]);
      assert.deepEqual(byId(ts, 'S-2').events, [
        { kind: 'created', date: '2026-03-02', commit: c.created, status: 'ready' },
        { kind: 'status', date: '2026-03-05', commit: c.mixed, from: 'ready', to: 'in-progress' },
        { kind: 'estimate', date: '2026-03-05', commit: c.mixed, from: 5, to: 8 },
        { kind: 'moved', date: '2026-03-09', commit: c.renamed, from: 'backlog/stories/S-2.md', to: 'backlog/stories/S-2-two.md' },
        { kind: 'status', date: '2026-03-09', commit: c.renamed, from: 'in-progress', to: 'done' },
        { kind: 'done', date: '2026-03-09', commit: c.renamed },
      ]);
      assert.deepEqual(byId(ts, 'S-3').events, [
        { kind: 'created', date: '2026-03-02', commit: c.created, status: 'ready' },
        { kind: 'status', date: '2026-03-10', commit: c.s3Started, from: 'ready', to: 'in-progress' },
        { kind: 'moved', date: '2026-03-17', commit: c.rewritten, from: 'backlog/stories/S-3.md', to: 'backlog/stories/three-rewritten.md' },
        { kind: 'estimate', date: '2026-03-17', commit: c.rewritten, to: 2 },
      ]);
      // The archived story is no longer in the backlog, but it was finished in it.
      assert.equal(byId(ts, 'S-1').inBacklog, false);
      assert.equal(byId(ts, 'S-2').inBacklog, true);
    });

    it('measures cycle time, lead time, throughput and aging from those events', async () => {
      const history = await new GitHistorySource(repo.dir).read({ folder: 'backlog' });
      const ts = await timelinesOf(repo, history, '2026-03-20');
      const m = flowMetrics(ts, toDayNumber('2026-03-20')!, toDayNumber('2026-03-02'));
      assert.deepEqual(
        m.finished.map((f) => [f.id, f.done, f.cycleDays, f.leadDays, f.points]),
        [
          ['S-1', '2026-03-05', 3, 4, 3],
          ['S-2', '2026-03-09', 5, 8, 8],
        ],
      );
      assert.deepEqual(m.throughput, [
        { weekStart: '2026-03-02', stories: 1, points: 3 },
        { weekStart: '2026-03-09', stories: 1, points: 8 },
        { weekStart: '2026-03-16', stories: 0, points: 0 },
      ]);
      assert.deepEqual(m.cycleTimeDays, { p50: 3, p85: 5, p95: 5, count: 2 });
      assert.deepEqual(m.leadTimeDays, { p50: 4, p85: 8, p95: 8, count: 2 });
      assert.equal(m.wip, 2);
      assert.deepEqual(
        m.agingWip.map((a) => [a.id, a.days, a.aboveP85, a.olderThan]),
        [
          ['S-3', 11, true, 1],
          ['S-4', 3, false, 0],
        ],
      );
    });

    it('reads only the new commits on the next read, and nothing when HEAD has not moved', async () => {
      const source = new GitHistorySource(repo.dir);
      const first = await source.read({ folder: 'backlog' });
      assert.equal(await source.read({ folder: 'backlog' }), first, 'the same snapshot, from the cache');
      repo.set(`${S}/S-4.md`, 'status', 'done');
      const done = repo.commit('2026-03-19');
      const second = await source.read({ folder: 'backlog' });
      assert.deepEqual(source.stats, { warm: 1, incremental: 1, full: 1 });
      assert.ok(second.available && first.available);
      assert.equal(second.commits, 9);
      assert.equal(first.commits, 8, 'the earlier snapshot is unchanged');
      const ts = await timelinesOf(repo, second, '2026-03-20');
      assert.deepEqual(byId(ts, 'S-4').events.slice(-1), [{ kind: 'done', date: '2026-03-19', commit: done }]);
      // The incremental read equals a full read of the same commits.
      assert.deepEqual(await new GitHistorySource(repo.dir).read({ folder: 'backlog' }), second);
      repo.git('reset', '-q', '--hard', 'HEAD~1');
    });

    it('says what is missing in a shallow clone', async () => {
      const clone = fs.mkdtempSync(path.join(os.tmpdir(), 'rudder-shallow-'));
      try {
        new TestRepo(clone).git('clone', '-q', '--depth', '3', `file://${repo.dir}`, 'c');
        const history = await new GitHistorySource(path.join(clone, 'c')).read({ folder: 'backlog' });
        assert.ok(history.available);
        assert.equal(history.commits, 3);
        assert.deepEqual(history.shallow, { since: '2026-03-12', files: 4 });
        const cloneRepo = new TestRepo(path.join(clone, 'c'));
        const ts = await timelinesOf(cloneRepo, history, '2026-03-20');
        // S-2 was done before the clone's history starts: neither finished nor created then.
        assert.equal(byId(ts, 'S-2').done, undefined);
        assert.equal(byId(ts, 'S-2').created, undefined);
        // S-3 was in progress already: its start is only a lower bound, so it has no cycle time.
        assert.equal(byId(ts, 'S-3').startedExact, false);
      } finally {
        fs.rmSync(clone, { recursive: true, force: true });
      }
    });
  });

  describe('a Backlog.md backlog: a move into completed/ is done whatever the status says', () => {
    let repo: TestRepo;
    before(() => {
      repo = new TestRepo();
      repo.write('backlog/config.yml', 'project_name: "t"\nstatuses: ["To Do", "In Progress", "Done"]\n');
      repo.write('backlog/tasks/task-1 - First.md', storyText({ id: 'task-1', title: 'First', status: 'To Do' }));
      repo.commit('2026-05-04');
      repo.set('backlog/tasks/task-1 - First.md', 'status', 'In Progress');
      repo.commit('2026-05-05');
      repo.move('backlog/tasks/task-1 - First.md', 'backlog/completed/task-1 - First.md');
      repo.commit('2026-05-07');
    });
    after(() => repo.dispose());

    it('follows the file with spaces in its name into completed/ and counts it done there', async () => {
      const history = await new GitHistorySource(repo.dir).read({ folder: 'backlog' });
      const ts = await timelinesOf(repo, history, '2026-05-08');
      const t = byId(ts, 'task-1');
      assert.equal(t.path, 'backlog/completed/task-1 - First.md');
      assert.deepEqual(
        t.events.map((e) => `${e.kind} ${e.date}`),
        ['created 2026-05-04', 'status 2026-05-05', 'moved 2026-05-07', 'done 2026-05-07'],
      );
      assert.equal(t.done, toDayNumber('2026-05-07'));
      assert.equal(t.started, toDayNumber('2026-05-05'));
    });
  });

  describe('without a history', () => {
    it('says git is not installed when it cannot run', async () => {
      const history = await new GitHistorySource(os.tmpdir(), { git: '/nonexistent/git' }).read({ folder: 'backlog' });
      assert.deepEqual(history, { available: false, reason: 'git is not installed' });
    });

    it('says when the folder is not in a repository', async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rudder-norepo-'));
      try {
        const history = await new GitHistorySource(dir).read({ folder: 'backlog' });
        assert.equal(history.available, false);
        if (!history.available) assert.match(history.reason, /is not in a git repository$/);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    it('reads an empty history in a repository without commits', async () => {
      const repo = new TestRepo();
      try {
        const history = await new GitHistorySource(repo.dir).read({ folder: 'backlog' });
        assert.ok(history.available);
        assert.equal(history.commits, 0);
      } finally {
        repo.dispose();
      }
    });
  });
});
