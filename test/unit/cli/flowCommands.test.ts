// `rudder metrics` and `rudder forecast` end to end: the bundled CLI on a generated repository with known
// commit dates prints the documented JSON shapes, the same bytes for the same --today, and says when there
// is no history (no git on the PATH, --no-history).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { hasGit, storyText, TestRepo } from '../flow/gitRepo';
import { buildTestCli, runBuiltCli } from './cliHelpers';

const S = 'backlog/stories';

describe('rudder metrics and rudder forecast (end to end)', function () {
  this.timeout(60_000);
  let repo: TestRepo;

  before(function () {
    if (!hasGit()) this.skip();
    buildTestCli();
    repo = new TestRepo();
    repo.write('backlog/milestones/M1.md', '---\nid: M1\ntitle: First release\ndue: 2026-04-03\n---\n');
    repo.write('backlog/milestones/M2.md', '---\nid: M2\ntitle: Second release\n---\n');
    // Two sprints: I-1 holds S-1..S-6 (ends 2026-02-20), I-2 holds S-7..S-9 (ends 2026-02-27).
    repo.write('backlog/iterations/I-1.md', '---\nid: I-1\ntitle: Sprint 1\nstart: 2026-02-09\nend: 2026-02-20\n---\n');
    repo.write('backlog/iterations/I-2.md', '---\nid: I-2\ntitle: Sprint 2\nstart: 2026-02-23\nend: 2026-02-27\n---\n');
    for (let i = 1; i <= 9; i++) repo.write(`${S}/S-${i}.md`, storyText({ id: `S-${i}`, title: `Story ${i}`, status: 'ready', estimate: i % 3 === 0 ? 3 : 2, milestone: i <= 7 ? 'M1' : 'M2', iteration: i <= 6 ? 'I-1' : 'I-2' }));
    repo.commit('2026-02-02');
    // Two weeks of work: S-1..S-4 started and finished, S-5 started.
    const steps: [string, string, string][] = [
      ['2026-02-03', 'S-1', 'in-progress'],
      ['2026-02-04', 'S-1', 'done'],
      ['2026-02-04', 'S-2', 'in-progress'],
      ['2026-02-06', 'S-2', 'done'],
      ['2026-02-09', 'S-3', 'in-progress'],
      ['2026-02-12', 'S-3', 'done'],
      ['2026-02-12', 'S-4', 'in-progress'],
      ['2026-02-13', 'S-4', 'done'],
      ['2026-02-16', 'S-5', 'in-progress'],
    ];
    for (const [date, id, status] of steps) {
      repo.set(`${S}/${id}.md`, 'status', status);
      repo.commit(`${date}T${10 + steps.findIndex((s) => s[0] === date && s[1] === id)}:00:00+00:00`);
    }
  });
  after(() => repo?.dispose());

  it('rudder metrics --json prints throughput, cycle and lead time, WIP and aging WIP', () => {
    const r = runBuiltCli(['metrics', repo.dir, '--json', '--today', '2026-02-18']);
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.deepEqual(Object.keys(out), ['version', 'today', 'history', 'throughput', 'cycleTimeDays', 'leadTimeDays', 'wip', 'agingWip']);
    assert.equal(out.version, 1);
    assert.deepEqual(out.history, { available: true, message: '10 commits touched backlog/ from 2026-02-02 to 2026-02-16.', commits: 10, first: '2026-02-02', last: '2026-02-16', shallow: false });
    assert.deepEqual(out.throughput, [
      { weekStart: '2026-02-02', stories: 2, points: 4 },
      { weekStart: '2026-02-09', stories: 2, points: 5 },
      { weekStart: '2026-02-16', stories: 0, points: 0 },
    ]);
    // Cycle times 2, 3, 4, 2 days; lead times 3, 5, 11, 12 days.
    assert.deepEqual(out.cycleTimeDays, { p50: 2, p85: 4, p95: 4, count: 4 });
    assert.deepEqual(out.leadTimeDays, { p50: 5, p85: 12, p95: 12, count: 4 });
    assert.equal(out.wip, 1);
    assert.deepEqual(out.agingWip, [{ id: 'S-5', path: 'backlog/stories/S-5.md', title: 'Story 5', status: 'in-progress', days: 3, atLeast: false, olderThan: 0.5, aboveP85: false }]);
  });

  it('rudder forecast --json prints each milestone\'s 50/85/95% dates, whether it is on track and what it drew from', () => {
    const r = runBuiltCli(['forecast', repo.dir, '--json', '--today', '2026-02-18']);
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.deepEqual(Object.keys(out), ['version', 'today', 'trials', 'unit', 'weeks', 'history', 'sample', 'note', 'milestones', 'iterations']);
    assert.deepEqual([out.version, out.trials, out.unit, out.weeks], [1, 10000, 'stories', 12]);
    assert.deepEqual(out.sample, { from: '2026-02-02', to: '2026-02-09', values: [2, 2] });
    const [m1, m2] = out.milestones;
    assert.deepEqual(Object.keys(m1), ['id', 'title', 'due', 'status', 'remaining', 'p50', 'p85', 'p95', 'likelihood', 'onTrack', 'message', 'basis']);
    // Two stories a week, every week: M1's 3 open stories take a week and a half (11 days, today the first);
    // M2's 2 come after them.
    assert.deepEqual([m1.id, m1.due, m1.remaining, m1.p50, m1.p85, m1.p95, m1.onTrack, m1.status], ['M1', '2026-04-03', { stories: 3, points: 7 }, '2026-02-28', '2026-02-28', '2026-02-28', true, 'on-track']);
    assert.equal(m1.likelihood, 1);
    assert.deepEqual(m1.basis, { method: 'monte-carlo', trials: 10000, unit: 'stories', weeks: 2, from: '2026-02-02', to: '2026-02-09', throughput: [2, 2], min: 2, max: 2, median: 2, remaining: 3, ahead: 3 });
    assert.match(m1.message, /^85% likely by Feb 28; due Apr 3 — on track \(100% by the due date\)\./);
    assert.deepEqual([m2.id, m2.due, m2.p85, m2.onTrack, m2.status, m2.basis.ahead], ['M2', null, '2026-03-07', null, 'projected', 5]);
    // Iterations are forecast against their end, in start order: I-1's 2 open stories take until Feb 24 (at two a
    // week, from Wednesday the 18th), after its end — at risk; I-2's 3 come after them.
    const [i1, i2] = out.iterations;
    assert.deepEqual(Object.keys(i1), ['id', 'title', 'start', 'due', 'status', 'remaining', 'p50', 'p85', 'p95', 'likelihood', 'onTrack', 'message', 'basis']);
    assert.deepEqual([i1.id, i1.start, i1.due, i1.remaining, i1.p85, i1.onTrack, i1.status, i1.basis.ahead], ['I-1', '2026-02-09', '2026-02-20', { stories: 2, points: 5 }, '2026-02-24', false, 'at-risk', 2]);
    assert.deepEqual([i2.id, i2.due, i2.remaining, i2.p85, i2.onTrack, i2.basis.ahead], ['I-2', '2026-02-27', { stories: 3, points: 7 }, '2026-03-07', false, 5]);
    assert.match(i2.message, /\(5 with the 2 stories left in earlier iterations, worked on first\)/);
  });

  it('gives the same bytes for the same --today', () => {
    for (const command of ['metrics', 'forecast']) {
      const a = runBuiltCli([command, repo.dir, '--json', '--today', '2026-02-18']);
      const b = runBuiltCli([command, repo.dir, '--json', '--today', '2026-02-18']);
      assert.equal(a.stdout, b.stdout, command);
      assert.notEqual(runBuiltCli([command, repo.dir, '--json', '--today', '2026-03-30']).stdout, a.stdout, `${command} depends on --today`);
    }
  });

  it('prints the forecasts and the metrics for people', () => {
    const f = runBuiltCli(['forecast', repo.dir, '--today', '2026-02-18']);
    assert.equal(f.status, 0, f.stderr);
    assert.match(f.stdout, /^M1 First release — due 2026-04-03\n  85% likely by Feb 28; due Apr 3 — on track/m);
    assert.match(f.stdout, /From 10,000 trials drawing each week's throughput from the 2 weeks Feb 2 – Feb 15 \(2 stories a week, median 2\); 3 stories left\./);
    const m = runBuiltCli(['metrics', repo.dir, '--today', '2026-02-18']);
    assert.match(m.stdout, /Cycle time \(first day in progress to done\): 50% in 2 d or less · 85% in 4 d · 95% in 4 d \(4 stories\)/);
    assert.match(m.stdout, /^ {2}S-5 +3 d {2}in-progress {2}Story 5$/m);
  });

  it('says there is no history, and falls back to the velocity, without git or with --no-history', () => {
    const noGit = runBuiltCli(['forecast', repo.dir, '--json', '--today', '2026-02-18'], undefined, { PATH: '/nonexistent' });
    assert.equal(noGit.status, 0, noGit.stderr);
    const out = JSON.parse(noGit.stdout);
    assert.equal(out.history.message, 'No git history: git is not installed.');
    assert.equal(out.sample, null);
    assert.equal(out.note, 'no git history (git is not installed)');
    assert.equal(out.milestones[0].p50, null);
    assert.match(out.milestones[0].message, /\(Velocity forecast: no git history \(git is not installed\)\.\)$/);
    const metrics = JSON.parse(runBuiltCli(['metrics', repo.dir, '--json'], undefined, { PATH: '/nonexistent' }).stdout);
    assert.deepEqual([metrics.history.available, metrics.throughput, metrics.cycleTimeDays], [false, [], null]);
    const flag = JSON.parse(runBuiltCli(['forecast', repo.dir, '--json', '--no-history']).stdout);
    assert.equal(flag.note, 'no git history (--no-history was given)');
    // Outside a repository: the same files without .git.
    const plain = fs.mkdtempSync(path.join(os.tmpdir(), 'rudder-no-repo-'));
    try {
      fs.cpSync(path.join(repo.dir, 'backlog'), path.join(plain, 'backlog'), { recursive: true });
      const text = runBuiltCli(['forecast', plain, '--today', '2026-02-18'], undefined, { GIT_CEILING_DIRECTORIES: os.tmpdir() });
      assert.equal(text.status, 0, text.stderr);
      assert.match(text.stdout, /^Forecasts on 2026-02-18\. No git history: .* is not in a git repository\.$/m);
      assert.match(text.stdout, /Monte Carlo forecasts need throughput: no git history \(.* is not in a git repository\); the forecasts below use the velocity/);
    } finally {
      fs.rmSync(plain, { recursive: true, force: true });
    }
  });

  it('refuses a --today that is not a date', () => {
    const r = runBuiltCli(['metrics', repo.dir, '--today', '2026-02-30']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--today must be a date like 2026-03-01, got '2026-02-30'/);
  });
});
