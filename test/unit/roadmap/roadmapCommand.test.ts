import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CliIo } from '../../../src/cli/cliIo';
import { parseArgs } from '../../../src/cli/parseArgs';
import { findAssetRoot, roadmapCommand, runRoadmap } from '../../../src/cli/roadmapCommand';

function memoryIo(cwd: string): CliIo & { out: string; err: string } {
  const io = { cwd, env: {}, stdoutIsTty: false, out: '', err: '', writeOut: (t: string) => void (io.out += t), writeErr: (t: string) => void (io.err += t) };
  return io;
}

describe('rudder roadmap', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rudder-roadmap-'));
    const write = (p: string, text: string): void => {
      fs.mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
      fs.writeFileSync(path.join(dir, p), text);
    };
    write('.rudder.yml', 'velocity: 5\n');
    write('backlog/milestones/m1.md', '---\nid: M1\ntitle: Beta\nstart: 2026-03-02\ndue: 2026-03-27\n---\n');
    write('backlog/stories/s-1.md', '---\nid: S-1\ntitle: "Pay: <b>now</b>"\nstatus: ready\nestimate: 3\nmilestone: M1\n---\n\n# Pay\n');
    write('backlog/stories/s-2.md', '---\nid: S-2\ntitle: Someday\n---\n\n# Someday\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const run = async (...argv: string[]): Promise<{ code: number; io: ReturnType<typeof memoryIo> }> => {
    const io = memoryIo(dir);
    const code = await runRoadmap(parseArgs(argv, roadmapCommand.options, 'roadmap'), io);
    return { code, io };
  };

  it('prints the JSON model for the folder, as of --today', async () => {
    const { code, io } = await run('--format', 'json', '--today', '2026-03-02');
    assert.equal(code, 0);
    const model = JSON.parse(io.out);
    assert.equal(model.today, '2026-03-02');
    assert.deepEqual(model.milestones.map((m: { id: string }) => m.id), ['M1']);
    assert.equal(model.milestones[0].forecast.kind, 'on-track');
    assert.deepEqual(model.lanes[1].unscheduled, ['backlog/stories/s-2.md']);
  });

  it('writes a Mermaid gantt to -o', async () => {
    const { code, io } = await run('-f', 'mermaid', '-o', 'roadmap.mmd', '--today', '2026-03-02');
    assert.equal(code, 0);
    const text = fs.readFileSync(path.join(dir, 'roadmap.mmd'), 'utf8');
    assert.match(text, /^gantt\n/);
    assert.ok(text.includes('    S-1 Pay b now /b :2026-03-02, 2026-03-28\n'), text);
    assert.match(io.err, /wrote mermaid \(1 milestones, 2 stories\) to roadmap\.mmd/);
  });

  it('rejects a bad --today', async () => {
    await assert.rejects(run('--today', '2026-02-30'), /--today must be a date/);
  });

  it('writes a standalone HTML page when the front end is built', async function () {
    if (!findAssetRoot()) this.skip();
    const { code } = await run('-o', 'roadmap.html', '--today', '2026-03-02');
    assert.equal(code, 0);
    const html = fs.readFileSync(path.join(dir, 'roadmap.html'), 'utf8');
    assert.match(html, /<script type="application\/json" id="rudder-model">/);
    assert.ok(html.includes('Pay: \\u003cb\\u003enow\\u003c/b\\u003e'), 'story text is escaped inside the JSON block');
    assert.doesNotMatch(html, /<b>now<\/b>/);
  });
});
