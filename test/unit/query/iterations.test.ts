import * as assert from 'node:assert/strict';
import { parseConfig } from '../../../src/core/config/parseConfig';
import { BacklogIndex } from '../../../src/core/index/backlogIndex';
import { groupStories } from '../../../src/core/query/groupStories';
import { currentIteration, iterationCapacity, iterationGoal, iterationLoad } from '../../../src/core/query/iterations';
import { filterStories } from '../../../src/core/query/storyFilter';
import { parseIteration } from '../../../src/core/parse/parseIteration';

function fm(fields: Record<string, string>, body = ''): string {
  return `---\n${Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join('\n')}\n---\n${body}`;
}

function backlog(rudderYml = 'velocity: 8\n'): BacklogIndex {
  const index = new BacklogIndex(parseConfig({ rudderYml }).config);
  index.upsert('backlog/vision.md', '---\ngoals:\n  - id: G1\n    title: Dinner decided by Sunday\n---\n');
  index.upsert('backlog/iterations/it-2.md', fm({ id: 'It-2', title: 'Sprint 2', start: '2026-11-30', end: '2026-12-11', capacity: '10', goal: 'G1' }));
  index.upsert('backlog/iterations/it-1.md', fm({ id: 'It-1', title: 'Sprint 1', start: '2026-11-16', end: '2026-11-27' }));
  index.upsert('backlog/iterations/readme.md', '# Iterations\n\nOne file per sprint.\n');
  index.upsert('backlog/e-1.md', fm({ id: 'E-1', title: 'Epic', type: 'epic', estimate: '40', iteration: 'It-2' }));
  index.upsert('backlog/s-1.md', fm({ id: 'S-1', title: 'One', rank: 'a1', estimate: '5', iteration: 'It-2', status: 'done' }));
  index.upsert('backlog/s-2.md', fm({ id: 'S-2', title: 'Two', rank: 'a2', estimate: '8', iteration: 'sprint 2' }));
  index.upsert('backlog/s-3.md', fm({ id: 'S-3', title: 'Three', rank: 'a3', estimate: '3' }));
  index.upsert('backlog/s-4.md', fm({ id: 'S-4', title: 'Four', rank: 'a4', iteration: 'It-9' }));
  return index;
}

describe('iterations (sprints): optional files like milestones, and an iteration: field', () => {
  it('reads iteration files in start order, by id or title; a readme in the folder is not one; stories are not iterations', () => {
    const index = backlog();
    assert.deepEqual(index.iterations().map((it) => it.id), ['It-1', 'It-2']);
    assert.equal(index.iteration('sprint 2')?.id, 'It-2');
    assert.deepEqual(index.ofIteration('It-2').map((s) => s.id), ['S-1', 'S-2', 'E-1'], 'by id or by title');
    assert.equal(index.kind('backlog/iterations/it-1.md'), 'iteration');
    assert.equal(index.story('backlog/iterations/it-1.md'), undefined);
    assert.equal(index.kind('backlog/iterations/readme.md'), 'other');
  });

  it('reports an unknown iteration as unknown-reference, with the nearest one as its fix', () => {
    const index = backlog();
    const issue = index.issues('backlog/s-4.md').find((i) => i.code === 'unknown-reference');
    assert.ok(issue);
    assert.equal(issue.message, 'Iteration "It-9" does not exist. Use one of "It-1" or "It-2", or create the iteration file.');
    index.upsert('backlog/s-5.md', fm({ id: 'S-5', title: 'Five', iteration: 'It2' }));
    const near = index.issues('backlog/s-5.md').find((i) => i.code === 'unknown-reference')!;
    assert.match(near.message, /Did you mean "It-2"\?$/);
    assert.ok(near.fixes?.[0].title.startsWith('Change iteration to'));
    assert.equal(index.issues('backlog/s-2.md').filter((i) => i.code === 'unknown-reference').length, 0, 'a title is a valid reference');
  });

  it('reports bad dates, an end before the start and a bad capacity on the iteration file', () => {
    const it = parseIteration('backlog/iterations/x.md', fm({ id: 'X', start: '2026-13-01', end: '2026-11-02', capacity: 'lots' }));
    assert.deepEqual(it.problems.map((p) => [p.code, p.range.start.line]), [['invalid-field', 2], ['invalid-field', 4]]);
    const back = parseIteration('backlog/iterations/y.md', fm({ id: 'Y', start: '2026-11-10', end: '2026-11-02', capacity: '-3' }));
    assert.deepEqual(back.problems.map((p) => p.message.replace(/\(.*$/, '')), ['Iteration Y ends ', 'Iteration Y: `capacity` must be the points the team can take on, a number of 0 or more ']);
    assert.equal(back.end, undefined);
    assert.equal(back.capacity, undefined);
  });

  it('commits the points of the stories in it (done ones too, never an epic), against its capacity or the velocity over its length', () => {
    const index = backlog();
    const load = iterationLoad(index, index.iteration('It-2')!);
    assert.deepEqual([load.committed, load.donePoints, load.capacity.points, load.capacity.source, load.over], [13, 5, 10, 'iteration', true]);
    const one = iterationCapacity(index.iteration('It-1')!, index.config);
    assert.deepEqual([one.points, one.source, one.explanation], [13.7, 'velocity', '13.7 pts (velocity 8 pts/week × 1.7 weeks)']);
    assert.equal(iterationCapacity(index.iteration('It-1')!, backlog('rules: {}\n').config).source, 'none');
    assert.deepEqual(iterationGoal(index, index.iteration('It-2')!), { text: 'Dinner decided by Sunday (G1)', visionGoal: 'G1' });
  });

  it('knows the current iteration: the one whose dates contain today, else the next to start', () => {
    const index = backlog();
    assert.equal(currentIteration(index, '2026-11-20')?.id, 'It-1');
    assert.equal(currentIteration(index, '2026-11-28')?.id, 'It-2', 'between sprints: the next one');
    assert.equal(currentIteration(index, '2026-12-11')?.id, 'It-2');
    assert.equal(currentIteration(index, '2027-01-01'), undefined);
  });

  it('groups and filters by iteration, with what is committed against the capacity', () => {
    const index = backlog();
    const groups = groupStories(index, 'iteration');
    assert.deepEqual(groups.map((g) => [g.label, g.stories.map((s) => s.id), g.load?.committed]), [
      ['Sprint 1', [], 0],
      ['Sprint 2', ['S-1', 'S-2', 'E-1'], 13],
      ['It-9 (not found)', ['S-4'], undefined],
      ['No iteration', ['S-3'], undefined],
    ]);
    assert.deepEqual(filterStories(index, { iteration: 'it-2' }).map((s) => s.id), ['S-1', 'S-2', 'E-1']);
    assert.deepEqual(filterStories(index, { iteration: 'Sprint 2' }).map((s) => s.id), ['S-1', 'S-2', 'E-1']);
  });

  it('a backlog without iterations works as before: no iteration, no issue', () => {
    const index = new BacklogIndex(parseConfig({}).config);
    index.upsert('backlog/s-1.md', fm({ id: 'S-1', title: 'One', estimate: '3' }));
    assert.deepEqual(index.iterations(), []);
    assert.equal(currentIteration(index, '2026-11-20'), undefined);
    assert.deepEqual(groupStories(index, 'iteration').map((g) => g.label), ['No iteration']);
  });
});

describe('wipLimit and iterations in .rudder.yml', () => {
  it('reads a whole number of at least 1 and reports anything else as invalid-config', () => {
    assert.equal(parseConfig({ rudderYml: 'wipLimit: 3\n' }).config.wipLimit, 3);
    for (const bad of ['wipLimit: 0\n', 'wipLimit: 2.5\n', 'wipLimit: many\n']) {
      const { config, issues } = parseConfig({ rudderYml: bad });
      assert.equal(config.wipLimit, undefined, bad);
      assert.deepEqual(issues.map((i) => i.code), ['invalid-config'], bad);
    }
    assert.equal(parseConfig({ rudderYml: 'backlog: planning\n' }).config.iterations, 'planning/iterations/*.md');
    assert.equal(parseConfig({ rudderYml: 'iterations: sprints/*.md\n' }).config.iterations, 'sprints/*.md');
    assert.deepEqual(parseConfig({ rudderYml: 'iterations: ../sprints/*.md\n' }).issues.map((i) => i.code), ['invalid-config']);
    assert.match(parseConfig({ rudderYml: 'wiplimit: 3\n' }).issues[0].message, /Did you mean "wipLimit"\?/);
  });
});
