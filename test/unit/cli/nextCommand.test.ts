import * as assert from 'node:assert/strict';
import { runCli } from '../../../src/cli/runCli';
import { memoryIo } from './cliHelpers';

// `rudder next` on the demo (issue 14): the same Next Up as the sidebar view, as text and as JSON (version 1).
describe('rudder next', () => {
  it('prints JSON version 1 with the stories, the blocked ones with what blocks them, the capacity and the WIP', async () => {
    const io = memoryIo();
    assert.equal(await runCli(['next', 'examples/demo', '--json', '--today', '2026-12-01'], io), 0, io.err);
    const json = JSON.parse(io.out);
    assert.equal(json.version, 1);
    assert.equal(json.milestone.id, 'M2');
    assert.deepEqual(json.stories.map((s: { id: string }) => s.id), ['S-26', 'S-19', 'S-22', 'S-20', 'S-27']);
    assert.deepEqual(Object.keys(json.stories[0]).slice(0, 5), ['id', 'title', 'file', 'milestone', 'estimate']);
    assert.deepEqual(json.blocked.map((b: { id: string; blockedBy: string[] }) => [b.id, b.blockedBy]), [['S-24', ['S-20']], ['S-34', ['S-32']]]);
    assert.equal(json.capacity.line, 'The next 2 weeks fit 16 of 21 points (velocity 8 pts/week).');
    assert.equal(json.wip.line, 'In progress: 4 stories (WIP limit 4)');
  });

  it('filters by milestone, sizes another capacity, and prints the same as text', async () => {
    const io = memoryIo();
    assert.equal(await runCli(['next', 'examples/demo', '--milestone', 'Pantry and budget', '--capacity', '3', '--today', '2026-12-01'], io), 0, io.err);
    assert.match(io.out, /^A capacity of 3 pts fits 3 of 8 points\.\n/);
    assert.match(io.out, /Pantry and budget \(M3\)\n  S-20 +5 pts  Dietary needs per household member  \(beyond the capacity\)\n  S-27 +3 pts  Search recipes\n/);
    assert.doesNotMatch(io.out, /S-26/);
  });

  it('refuses a bad date, a bad capacity and an unknown milestone with exit code 2', async () => {
    for (const args of [['--today', '1 Dec'], ['--capacity', '-1'], ['--milestone', 'M9']]) {
      const io = memoryIo();
      assert.equal(await runCli(['next', 'examples/demo', ...args], io), 2, args.join(' '));
      assert.match(io.err, /today|capacity|milestone/);
    }
  });
});
