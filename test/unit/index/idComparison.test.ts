import * as assert from 'node:assert/strict';
import { defaultConfig, parseConfig } from '../../../src/core/config/parseConfig';
import { BacklogIndex } from '../../../src/core/index/backlogIndex';
import { idKey } from '../../../src/core/index/idKey';
import type { RudderConfig } from '../../../src/core/model/config';

const story = (id: string) => `---\nid: ${id}\ntitle: Story ${id}\nstatus: draft\n---\n`;

/** Returns the duplicate-id messages of a backlog holding stories with these ids. */
function duplicates(config: RudderConfig, ids: readonly string[], folder = 'backlog'): string[] {
  const index = new BacklogIndex(config);
  ids.forEach((id, i) => index.upsert(`${folder}/s-${i}.md`, story(id)));
  return ids.flatMap((_, i) => index.issues(`${folder}/s-${i}.md`).filter((x) => x.code === 'duplicate-id').map((x) => x.message));
}

const backlogMd = (): RudderConfig =>
  parseConfig({ backlogMdConfigYml: 'project_name: "X"\nstatuses: ["To Do", "In Progress", "Done"]\ntask_prefix: "back"\n' }).config;

describe('id comparison', () => {
  describe('in a native Rudder backlog: as written, case-insensitively', () => {
    const config = defaultConfig();
    for (const pair of [['21', 'S-21'], ['S-022', 'S-22'], ['S-1', 'S-01'], ['task-1', 'S-1'], ['S-1.1', 'S-1.01']]) {
      it(`${pair[0]} and ${pair[1]} are different stories`, () => {
        assert.deepEqual(duplicates(config, pair), []);
        assert.notEqual(idKey(pair[0], config), idKey(pair[1], config));
      });
    }
    it('S-12 and s-12 are the same id (a duplicate)', () => {
      assert.equal(duplicates(config, ['S-12', 's-12']).length, 2);
      assert.equal(duplicates(config, ['S-12', ' S-12 ']).length, 2);
    });
    it('a .rudder.yml backlog is native too', () => {
      const { config: c } = parseConfig({ rudderYml: 'idPrefix: TW-\n' });
      assert.deepEqual(duplicates(c, ['TW-7', '7', 'TW-007']), []);
    });
  });
  describe("in Backlog.md mode (the configuration came from Backlog.md's config.yml): Backlog.md's folding", () => {
    const config = backlogMd();
    for (const pair of [['task-1', 'TASK-1'], ['task-1', 'task-001'], ['BACK-24.1', 'task-24.01'], ['back-3', '3']]) {
      it(`${pair[0]} and ${pair[1]} are the same task`, () => {
        assert.equal(duplicates(config, pair).length, 2);
        assert.equal(idKey(pair[0], config), idKey(pair[1], config));
      });
    }
    it('references resolve by number across a prefix change', () => {
      const index = new BacklogIndex(config);
      index.upsert('backlog/tasks/back-24.md', story('BACK-24'));
      assert.equal(index.byId('task-24').length, 1);
    });
  });
});
