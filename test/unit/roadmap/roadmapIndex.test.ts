import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseConfig } from '../../../src/core/config/parseConfig';
import { BacklogIndex } from '../../../src/core/index/backlogIndex';
import { toMermaidGantt } from '../../../src/core/roadmap/exportMermaid';
import { toRoadmap } from '../../../src/core/roadmap/toRoadmap';

function indexOf(files: Record<string, string>, rudderYml = 'velocity: 4\n'): BacklogIndex {
  const { config } = parseConfig({ rudderYml, backlogFolder: 'backlog' });
  const index = new BacklogIndex(config);
  for (const [p, text] of Object.entries(files)) index.upsert(p, text);
  return index;
}

const storyText = (id: string, fields: string, body = '## Acceptance Criteria\n\n- [x] one\n- [ ] two\n') => `---\nid: ${id}\ntitle: Story ${id}\n${fields}---\n\n# Story ${id}\n\nAs a planner, I want ${id}, so that it ships.\n\n${body}`;

describe('toRoadmap over a real BacklogIndex', () => {
  it('reads parsed stories, milestones and the vision', () => {
    const index = indexOf({
      'backlog/vision.md': '---\ntitle: Vision\n---\n\n# Vision\n\nWe help.\n\n## Goals\n\n- **G1**: Faster planning\n',
      'backlog/milestones/m1.md': '---\nid: M1\ntitle: Beta\nstart: 2026-03-02\ndue: 2026-03-30\n---\n\n# Beta\n',
      'backlog/milestones/m2.md': '---\nid: M2\ntitle: Launch\n---\n\n# Launch\n',
      'backlog/stories/s-1.md': storyText('S-1', 'status: in-progress\nestimate: 5\nmilestone: M1\nvision: [G1]\ndepends_on: [S-2]\n'),
      'backlog/stories/s-2.md': storyText('S-2', 'status: ready\nestimate: 3\nmilestone: M2\n'),
      'backlog/stories/s-3.md': storyText('S-3', 'status: done\nestimate: 2\nmilestone: M1\n'),
    });
    const model = toRoadmap(index, { today: '2026-03-02' });
    assert.deepEqual(model.milestones.map((m) => [m.id, m.lane]), [['M1', 'M1'], ['M2', 'later']]);
    const m1 = model.milestones[0];
    assert.deepEqual(m1.progress, { donePoints: 2, totalPoints: 7, doneStories: 1, totalStories: 2, unestimatedStories: 0 });
    assert.equal(m1.forecast.kind, 'on-track', '5 points left, 4 weeks at 4/week');
    const s1 = model.stories['backlog/stories/s-1.md'];
    assert.equal(s1.category, 'doing');
    assert.equal(s1.acDone, 1);
    assert.equal(s1.acTotal, 2);
    assert.match(s1.userStory ?? '', /As a planner/);
    assert.deepEqual(model.warnings.map((w) => [w.code, w.path]), [['dependency-unscheduled', 'backlog/stories/s-1.md']]);
  });

  it('draws every story of the demo backlog exactly once', () => {
    const root = 'examples/demo';
    if (!fs.existsSync(root)) return;
    const files: Record<string, string> = {};
    const walk = (dir: string): void => {
      for (const e of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
        const rel = dir ? `${dir}/${e.name}` : e.name;
        if (e.isDirectory()) walk(rel);
        else if (e.name.endsWith('.md')) files[rel] = fs.readFileSync(path.join(root, rel), 'utf8');
      }
    };
    walk('backlog');
    const index = indexOf(files, fs.readFileSync(path.join(root, '.rudder.yml'), 'utf8'));
    const model = toRoadmap(index, { today: '2026-11-16' });
    const drawn = [...model.milestones.flatMap((m) => m.stories), ...model.lanes.flatMap((l) => l.unscheduled)];
    const expected = index.stories().filter((s) => s.type.toLowerCase() !== 'epic').map((s) => s.path);
    assert.deepEqual([...drawn].sort(), [...expected].sort());
    assert.equal(new Set(drawn).size, drawn.length);
    for (const m of model.milestones) {
      assert.deepEqual(m.stories, index.ofMilestone(m.id).filter((s) => s.type.toLowerCase() !== 'epic').map((s) => s.path), `stories of ${m.id} in backlog order`);
    }
    const gantt = toMermaidGantt(model);
    assert.match(gantt, /^gantt\n/);
  });
});
