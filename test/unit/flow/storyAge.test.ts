// A story's age for its hover, from a generated repository with known commit dates: days since it appeared and,
// while in progress, how it compares with the cycle times of finished stories; the hover carries the line.
import * as assert from 'node:assert/strict';
import { loadBacklog } from '../../../src/cli/loadBacklog';
import { storyAges, storyAgeText } from '../../../src/core/flow/storyAge';
import { hoverAt } from '../../../src/core/intel/hoverAt';
import { toDayNumber } from '../../../src/core/roadmap/roadmapDates';
import { roadmapFlowOf } from '../../../src/core/roadmap/roadmapFlow';
import { GitHistorySource } from '../../../src/node/gitHistorySource';
import { hasGit, storyText, TestRepo } from './gitRepo';

const S = 'backlog/stories';

describe('story age (the hover line)', function () {
  this.timeout(60_000);
  let repo: TestRepo;
  before(function () {
    if (!hasGit()) this.skip();
    repo = new TestRepo();
    for (const id of ['S-1', 'S-2', 'S-3', 'S-4']) repo.write(`${S}/${id}.md`, storyText({ id, title: `Story ${id}`, status: 'ready', estimate: 2 }));
    repo.commit('2026-02-02');
    const steps: [string, string, string][] = [
      ['2026-02-03', 'S-1', 'in-progress'],
      ['2026-02-04', 'S-1', 'done'], // 2 days
      ['2026-02-05', 'S-2', 'in-progress'],
      ['2026-02-08', 'S-2', 'done'], // 4 days
      ['2026-02-09', 'S-3', 'in-progress'], // 10 days on the 18th
      ['2026-02-16', 'S-4', 'in-progress'], // 3 days on the 18th
    ];
    for (const [date, id, status] of steps) {
      repo.set(`${S}/${id}.md`, 'status', status);
      repo.commit(date);
    }
  });
  after(() => repo?.dispose());

  async function agesOn(today: string) {
    const backlog = await loadBacklog(repo.dir);
    const history = await new GitHistorySource(repo.dir).read({ folder: 'backlog' });
    const day = toDayNumber(today)!;
    const part = roadmapFlowOf(history, backlog.index.stories(), backlog.index.config, day);
    return { backlog, of: storyAges(part.timelines, part.metrics!, day) };
  }

  it('gives each story its age, and a story in progress its share of finished stories it is older than', async () => {
    const { of } = await agesOn('2026-02-18');
    assert.deepEqual(of(`${S}/S-3.md`), { ageDays: 17, inProgress: { days: 10, atLeast: false, olderThan: 1, aboveP85: true }, p85: 4 });
    assert.deepEqual(of(`${S}/S-4.md`), { ageDays: 17, inProgress: { days: 3, atLeast: false, olderThan: 0.5, aboveP85: false }, p85: 4 });
    assert.deepEqual(of(`${S}/S-1.md`), { ageDays: 17, p85: 4 });
    assert.equal(storyAgeText(of(`${S}/S-3.md`)!), '⚠ Age 17 days (since it first appeared in the git history) · in progress 10 days: older than 100% of finished stories (85% finished within 4 days)');
    assert.equal(storyAgeText(of(`${S}/S-4.md`)!), 'Age 17 days (since it first appeared in the git history) · in progress 3 days: older than 50% of finished stories');
    assert.equal(storyAgeText(of(`${S}/S-1.md`)!), 'Age 17 days (since it first appeared in the git history)');
  });

  it('puts the line in the story\'s hover', async () => {
    const { backlog, of } = await agesOn('2026-02-18');
    const text = repo.git('show', 'HEAD:backlog/stories/S-3.md');
    const line = text.split('\n').findIndex((l) => l.startsWith('id:'));
    const h = hoverAt(backlog.index, `${S}/S-3.md`, text, { line, character: 5 }, { ageOf: (p) => { const a = of(p); return a && storyAgeText(a); } });
    assert.ok(h, 'no hover on the id');
    assert.match(h.markdown, /⚠ Age 17 days \\\(since it first appeared in the git history\\\) · in progress 10 days: older than 100% of finished stories \\\(85% finished within 4 days\\\)/);
  });
});
