import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { ISSUE_CODES } from '../../../src/core/rules/rules';
import { formatIssue, loadWorkspace } from './loadWorkspace';

const FIXTURES = 'test/fixtures/rules';

describe('rule fixtures', () => {
  it('has ok and not-ok fixtures for every issue code', () => {
    const missing = ISSUE_CODES.filter((c) => !fs.existsSync(`${FIXTURES}/${c}/ok`) || !fs.existsSync(`${FIXTURES}/${c}/not-ok/expected.txt`));
    assert.deepEqual(missing, []);
  });

  for (const code of fs.existsSync(FIXTURES) ? fs.readdirSync(FIXTURES).sort() : []) {
    describe(code, () => {
      it('ok: reports nothing', async () => {
        const index = await loadWorkspace(`${FIXTURES}/${code}/ok`);
        assert.ok(index.stories().length > 0 || code === 'invalid-config', 'the ok fixture has stories');
        assert.deepEqual(index.allIssues().map(formatIssue), []);
      });
      it('not-ok: reports exactly the expected issues', async () => {
        const dir = `${FIXTURES}/${code}/not-ok`;
        const expected = fs.readFileSync(`${dir}/expected.txt`, 'utf8').split('\n').filter((l) => l.trim() !== '');
        const actual = (await loadWorkspace(dir)).allIssues().filter((i) => i.code === code).map(formatIssue);
        assert.ok(expected.length > 0, 'expected.txt lists at least one issue');
        assert.deepEqual(actual, expected);
      });
    });
  }
});
