import * as assert from 'node:assert/strict';
import { compileGlob, matchesAny } from '../../../src/core/glob/matchGlob';

describe('compileGlob', () => {
  const cases: [string, string, boolean][] = [
    ['backlog/**/*.md', 'backlog/a.md', true],
    ['backlog/**/*.md', 'backlog/tasks/x/y.md', true],
    ['backlog/**/*.md', 'other/a.md', false],
    ['backlog/**/*.md', 'backlog/a.txt', false],
    ['**/archive/**', 'archive/a.md', true],
    ['**/archive/**', 'backlog/archive/tasks/a.md', true],
    ['**/archive/**', 'backlog/archived/a.md', false],
    ['backlog/docs/**', 'backlog/docs/x/y.md', true],
    ['backlog/docs/**', 'backlog/docsx/y.md', false],
    ['backlog/milestones/*.md', 'backlog/milestones/m1.md', true],
    ['backlog/milestones/*.md', 'backlog/milestones/old/m1.md', false],
    ['s-?.md', 's-1.md', true],
    ['s-?.md', 's-12.md', false],
    ['{tasks,drafts}/*.md', 'drafts/a.md', true],
    ['{tasks,drafts}/*.md', 'completed/a.md', false],
    ['{a,b/{c,d}}/*.md', 'b/d/x.md', true],
    ['[abc]-1.md', 'b-1.md', true],
    ['[abc]-1.md', 'd-1.md', false],
    ['[!abc]-1.md', 'd-1.md', true],
    ['**/*.md', 'a/b/c.md', true],
    ['**/*.md', 'c.md', true],
    ['a.b/*.md', 'aXb/c.md', false],
    ['./backlog/*.md', 'backlog/a.md', true],
  ];
  for (const [glob, path, expected] of cases) {
    it(`${glob} ${expected ? 'matches' : 'does not match'} ${path}`, () => assert.equal(compileGlob(glob)(path), expected));
  }
  it('matchesAny is true when one glob matches', () => {
    assert.equal(matchesAny(['x/**', 'backlog/*.md'], 'backlog/a.md'), true);
    assert.equal(matchesAny(['x/**'], 'backlog/a.md'), false);
  });
});
