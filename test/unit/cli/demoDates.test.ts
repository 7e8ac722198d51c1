import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { BacklogIndex } from '../../../src/core/index/backlogIndex';
import { parseConfig } from '../../../src/core/config/parseConfig';
import { currentIteration } from '../../../src/core/query/iterations';

// The demo is written as of one week (DEMO_WEEK); a copy has its dates moved by whole weeks to the week it is run in,
// so Sprint 1 is under way and the forecasts sample recent weeks however long after 2026 the demo (and the UI tests
// that run on it) are run.

const DEMO_SOURCE = 'examples/demo';
const MODULE = path.resolve('examples/buildDemoHistory.mjs');

/** Runs `body` (ES module code with the examples module imported as `demo`) in a child Node; returns its JSON output. */
function inModule(body: string): unknown {
  const script = `import * as demo from ${JSON.stringify(new URL(`file://${MODULE}`).href)};\nconsole.log(JSON.stringify(await (async () => { ${body} })()));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

function copyDemo(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rudder-demo-dates-'));
  fs.cpSync(DEMO_SOURCE, dir, { recursive: true });
  return dir;
}

function indexOf(dir: string): BacklogIndex {
  const rudderYml = fs.readFileSync(path.join(dir, '.rudder.yml'), 'utf8');
  const index = new BacklogIndex(parseConfig({ rudderYml }).config);
  const walk = (rel: string): void => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const p = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(p);
      else if (p.endsWith('.md')) index.upsert(p, fs.readFileSync(path.join(dir, p), 'utf8'));
    }
  };
  walk('backlog');
  return index;
}

describe('the demo copy is dated to the week it is run in', () => {
  it('moves by whole weeks: none in the demo week, 7 days the week after, 364 a year on', () => {
    const days = ['2026-11-30', '2026-12-06', '2026-12-07', '2027-11-30', '2026-11-29'];
    assert.deepEqual(inModule(`return [demo.DEMO_WEEK, ...${JSON.stringify(days)}.map((d) => demo.demoShiftDays(d))];`), ['2026-11-30', 0, 0, 7, 364, -7]);
  });

  it('moves every date of a copy, so Sprint 1 is the current iteration a year later too; the source stays as written', () => {
    const before = fs.readFileSync(path.join(DEMO_SOURCE, 'backlog/iterations/It-1-sprint-1.md'), 'utf8');
    const dir = copyDemo();
    try {
      assert.equal(currentIteration(indexOf(dir), '2027-12-01'), undefined, 'unshifted, a year later the demo has no sprint under way or to come');
      const changed = inModule(`return demo.shiftDemoDates(${JSON.stringify(dir)}, demo.demoShiftDays('2027-12-01'));`) as number;
      assert.ok(changed > 50, `${changed} files`);
      const index = indexOf(dir);
      assert.equal(currentIteration(index, '2027-12-01')?.id, 'It-1');
      const it1 = index.iteration('It-1')!;
      assert.deepEqual([it1.start, it1.end], ['2027-11-22', '2027-12-03']);
      assert.equal(fs.readFileSync(path.join(DEMO_SOURCE, 'backlog/iterations/It-1-sprint-1.md'), 'utf8'), before, 'examples/demo itself is not changed');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
