import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { inWebWorker, itNeedsNode, readText, rudderApi, waitFor, writeText } from './helpers';
import { git as gitIn, hasGit, removePath } from './nodeOnly';
import { fromDayNumber, localIsoDate, toDayNumber } from '../../../src/core/roadmap/roadmapDates';
import { toRoadmap } from '../../../src/core/roadmap/toRoadmap';

// The git history in the real host: read in the background once the backlog has loaded (the fixture is no
// repository: it says why; in the web worker there is no git, and it says that), and after commits appear, read
// again; the roadmap then forecasts by Monte Carlo and a story's hover line tells its age. The test's .git is removed
// afterwards (and by the next test's restore).

const root = (): vscode.Uri => vscode.workspace.workspaceFolders![0].uri;

function git(args: readonly string[], date?: string): void {
  gitIn(root(), args, date);
}

async function setStatus(rel: string, status: string): Promise<void> {
  const file = vscode.Uri.joinPath(root(), ...rel.split('/'));
  await writeText(file, (await readText(file))!.replace(/^status: .*$/m, `status: ${status}`));
}

describe('the git history in the editor', function () {
  this.timeout(60_000);
  after(() => {
    if (!inWebWorker) removePath(vscode.Uri.joinPath(root(), '.git'));
  });

  it('is read in the background after the first load and says why there is none outside a repository', async () => {
    const api = await rudderApi();
    const session = api.sessions.all()[0];
    const history = await waitFor('the first history read', () => session.history.current, 20_000, () => `reads: ${session.history.reads}`);
    assert.equal(history.available, false);
    assert.match(history.available ? '' : history.reason, inWebWorker ? /needs VS Code with a Node extension host/ : /not in a git repository|git is not installed/);
    assert.equal(session.history.ageOf('backlog/stories/s-1.md'), undefined, 'no age without a history');
  });

  itNeedsNode('after commits, forecasts the milestones by Monte Carlo and gives a story in progress its age', 'makes commits with the git CLI', async function () {
    if (!hasGit()) this.skip();
    const api = await rudderApi();
    const session = api.sessions.all()[0];
    // Dates relative to today: the forecasts sample the complete weeks before this one.
    const today = toDayNumber(localIsoDate(new Date()))!;
    const day = (n: number): string => fromDayNumber(today - n);
    git(['init', '-q', '-b', 'main']);
    await setStatus('backlog/stories/s-1.md', 'ready');
    await setStatus('backlog/stories/s-2.md', 'ready');
    git(['add', '-A']);
    git(['commit', '-q', '-m', 'start'], day(40));
    await setStatus('backlog/stories/s-2.md', 'in-progress');
    git(['commit', '-q', '-am', 'S-2 started'], day(30));
    await setStatus('backlog/stories/s-2.md', 'done');
    git(['commit', '-q', '-am', 'S-2 done'], day(20));
    await setStatus('backlog/stories/s-1.md', 'in-progress');
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
