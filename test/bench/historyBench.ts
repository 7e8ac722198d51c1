// The history figures of `npm run bench`: on a generated repository (2,000 stories, 20,000 commits by
// default), the cold read of GitHistorySource against the bare `git log --name-status -M` pass over the
// same commits (the floor, same run), the same `git log` Rudder runs (with the front-matter patches), a
// warm read (nothing new), an incremental read (one new commit), and the core's work on top (timelines,
// flow metrics, the Monte Carlo forecasts of the roadmap).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadBacklog } from '../../src/cli/loadBacklog';
import { toRoadmap } from '../../src/core/roadmap/toRoadmap';
import { GitHistorySource } from '../../src/node/gitHistorySource';
import { GIT_LOG_ARGS } from '../../src/node/gitLogParser';
import { generateHistoryRepo } from './generateHistoryRepo';
import { fmtMs, median } from './benchStats';

type RowFn = (label: string, value: string, target?: string, pass?: boolean) => void;

/** Returns the milliseconds a git command takes with its output thrown away (read through a pipe, as a reader would). */
function timeGit(root: string, args: readonly string[]): number {
  const t0 = performance.now();
  const r = spawnSync('git', args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${r.stderr}`);
  return ms;
}

/** Runs the history benchmark in `tmp`; adds its rows through `row`. */
export async function benchHistory(tmp: string, runs: number, row: RowFn, stories = 2000, commits = 20_000): Promise<void> {
  if (spawnSync('git', ['--version']).status !== 0) {
    console.log('\n[history] skipped: git is not installed');
    return;
  }
  console.log(`\n[history] a generated repository: ${stories} stories, ${commits} commits`);
  const t0 = performance.now();
  const gen = generateHistoryRepo(path.join(tmp, 'history'), stories, commits);
  console.log(`  generated with git fast-import in ${fmtMs(performance.now() - t0)} (${gen.root})`);
  const floorArgs = ['log', '--name-status', '-M', '--format=%H', '--', 'backlog'];
  const rudderArgs = [...GIT_LOG_ARGS, 'HEAD', '--', 'backlog'];
  // Warm-up: the page cache and git's pack index, for both sides.
  timeGit(gen.root, floorArgs);
  const first = await new GitHistorySource(gen.root).read({ folder: 'backlog' });
  if (!first.available) throw new Error(`the history could not be read: ${first.reason}`);
  console.log(`  read ${first.commits} commits, ${first.lineages.length} files`);
  const floor: number[] = [];
  const gitOnly: number[] = [];
  const cold: number[] = [];
  // Why interleaved: machine noise hits every side alike.
  for (let i = 0; i < runs; i++) {
    floor.push(timeGit(gen.root, floorArgs));
    gitOnly.push(timeGit(gen.root, rudderArgs));
    const source = new GitHistorySource(gen.root);
    const s = performance.now();
    await source.read({ folder: 'backlog' });
    cold.push(performance.now() - s);
  }
  const source = new GitHistorySource(gen.root);
  await source.read({ folder: 'backlog' });
  const warm: number[] = [];
  for (let i = 0; i < Math.max(runs, 10); i++) {
    const s = performance.now();
    await source.read({ folder: 'backlog' });
    warm.push(performance.now() - s);
  }
  // One new commit, read incrementally.
  const file = path.join(gen.root, gen.paths[7]);
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^estimate: .*$/m, 'estimate: 21'));
  spawnSync('git', ['commit', '-q', '-am', 'one more'], { cwd: gen.root, env: { ...process.env, GIT_AUTHOR_NAME: 'b', GIT_AUTHOR_EMAIL: 'b@b', GIT_COMMITTER_NAME: 'b', GIT_COMMITTER_EMAIL: 'b@b' } });
  const si = performance.now();
  const after = await source.read({ folder: 'backlog' });
  const incremental = performance.now() - si;
  if (!after.available || after.commits !== first.commits + 1) throw new Error('the incremental read did not see the new commit');

  const f = median(floor);
  const c = median(cold);
  const ratio = c / f;
  row(`history: git log --name-status -M (the floor), median of ${runs}`, fmtMs(f));
  row(`history: the git log Rudder runs (-p -U0 --raw), median of ${runs}`, fmtMs(median(gitOnly)));
  row(`history: cold read (git log + parse into lineages), median of ${runs}`, fmtMs(c));
  row('history: ratio cold read / floor', `${ratio.toFixed(2)}×`, '≤ 3×', ratio <= 3);
  row(`history: warm read (HEAD unchanged), median of ${warm.length}`, fmtMs(median(warm)), '< 100 ms', median(warm) < 100);
  row('history: incremental read (one new commit)', fmtMs(incremental));

  // The core on top: the roadmap of the generated backlog with its history (timelines, metrics, burn-ups, forecasts).
  const backlog = await loadBacklog(gen.root);
  const model0 = toRoadmap(backlog.index, { today: '2026-11-27', history: after });
  const roadmap: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    toRoadmap(backlog.index, { today: '2026-11-27', history: after });
    roadmap.push(performance.now() - s);
  }
  const plain: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    toRoadmap(backlog.index, { today: '2026-11-27' });
    plain.push(performance.now() - s);
  }
  const forecasts = model0.milestones.filter((m) => m.forecast.kind !== 'done' && 'method' in m.forecast && m.forecast.method === 'monte-carlo').length;
  console.log(`  roadmap: ${backlog.index.stories().length} stories, ${model0.flow.finished.length} finished, ${forecasts} Monte Carlo forecasts of ${model0.flow.trials} trials`);
  row(`history: toRoadmap with the history (${forecasts} forecasts), median of ${runs}`, fmtMs(median(roadmap)));
  row(`history: toRoadmap without it, median of ${runs}`, fmtMs(median(plain)));
}
