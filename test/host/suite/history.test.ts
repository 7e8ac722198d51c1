import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { rudderApi, waitFor } from './helpers';
import { fromDayNumber, localIsoDate, toDayNumber } from '../../../src/core/roadmap/roadmapDates';
import { toRoadmap } from '../../../src/core/roadmap/toRoadmap';

// The git history in the real host: read in the background once the backlog has loaded (the fixture is no
// repository: it says why), and after commits appear, read again; the roadmap then forecasts by Monte Carlo and a
// story's hover line tells its age. The test's .git is removed afterwards (and by the next test's restore).

const root = (): string => vscode.workspace.workspaceFolders![0].uri.fsPath;

function git(args: readonly string[], date?: string): void {
  const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.com' };
  const r = spawnSync('git', args, { cwd: root(), encoding: 'utf8', env: date ? { ...env, GIT_AUTHOR_DATE: `${date}T12:00:00+00:00`, GIT_COMMITTER_DATE: `${date}T12:00:00+00:00` } : env });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
}

function setStatus(rel: string, status: string): void {
  const file = path.join(root(), rel);
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^status: .*$/m, `status: ${status}`));
}

describe('the git history in the editor', function () {
  this.timeout(60_000);
  const hasGit = spawnSync('git', ['--version']).status === 0;
  after(() => fs.rmSync(path.join(root(), '.git'), { recursive: true, force: true }));

  it('is read in the background after the first load and says why there is none outside a repository', async () => {
    const api = await rudderApi();
    const session = api.sessions.all()[0];
    const history = await waitFor('the first history read', () => session.history.current, 20_000, () => `reads: ${session.history.reads}`);
    assert.equal(history.available, false);
    assert.match(history.available ? '' : history.reason, /not in a git repository|git is not installed/);
    assert.equal(session.history.ageOf('backlog/stories/s-1.md'), undefined, 'no age without a history');
  });

  it('after commits, forecasts the milestones by Monte Carlo and gives a story in progress its age', async function () {
    if (!hasGit) this.skip();
    const api = await rudderApi();
    const session = api.sessions.all()[0];
    // Dates relative to today: the forecasts sample the complete weeks before this one.
    const today = toDayNumber(localIsoDate(new Date()))!;
    const day = (n: number): string => fromDayNumber(today - n);
    git(['init', '-q', '-b', 'main']);
    setStatus('backlog/stories/s-1.md', 'ready');
    setStatus('backlog/stories/s-2.md', 'ready');
    git(['add', '-A']);
    git(['commit', '-q', '-m', 'start'], day(40));
    setStatus('backlog/stories/s-2.md', 'in-progress');
    git(['commit', '-q', '-am', 'S-2 started'], day(30));
    setStatus('backlog/stories/s-2.md', 'done');
    git(['commit', '-q', '-am', 'S-2 done'], day(20));
    setStatus('backlog/stories/s-1.md', 'in-progress');
    git(['commit', '-q', '-am', 'S-1 started'], day(15));
    await waitFor('the index to read S-2 as done', () => api.index.story('backlog/stories/s-2.md')?.status === 'done', 20_000);
    const history = await session.history.refresh();
    assert.ok(history?.available, JSON.stringify(history));
    assert.equal(history.commits, 4);
    assert.equal(session.history.current, history);
    const model = toRoadmap(api.index, { today: localIsoDate(new Date()), history });
    assert.ok(model.flow.sample, `a throughput sample: ${model.flow.note}`);
    const m1 = model.milestones.find((m) => m.id === 'M1')!;
    assert.ok(m1.forecast.kind === 'done' || m1.forecast.kind === 'no-estimate' || m1.forecast.method === 'monte-carlo', JSON.stringify(m1.forecast));
    const age = session.history.ageOf('backlog/stories/s-1.md');
    assert.match(age ?? '', /^⚠ Age 41 days \(since it first appeared in the git history\) · in progress 16 days: older than 100% of finished stories \(85% finished within 11 days\)$/);
    // Nothing new: the next read is the same history.
    assert.equal(await session.history.refresh(), history);
  });
});
