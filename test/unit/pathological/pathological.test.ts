import * as assert from 'node:assert/strict';
import { defaultConfig } from '../../../src/core/config/parseConfig';
import { BacklogIndex } from '../../../src/core/index/backlogIndex';
import { parseStory } from '../../../src/core/parse/parseStory';
import { meterBlocks, stopBlockMeter } from './blockMeter';
import { CONSTRUCTS } from './constructs';
import { meterWork } from './workMeter';

// Every construct is parsed and checked by every rule at two sizes, n and 2n, and its work is measured twice, in
// deterministic units (never time): regex steps on the step-counting VM (workMeter.ts), and JavaScript blocks
// executed (V8's precise coverage, blockMeter.ts). The budget, for each: at most so many units per character, and
// doubling the input may at most roughly double the units. A quadratic pattern or loop quadruples them; a regex that
// is quadratic or exponential passes the step cap and stops at once. Native builtins (string and array methods, the
// garbage collector) are not counted: test/bench/pathologicalBench.ts times the whole at 64 KB and 1 MB.
//   RUDDER_PATHOLOGICAL_SIZE=524288   run at 512 KB and 1 MB (slow: the VM interprets every regex)
//   RUDDER_PATHOLOGICAL_ALL=1         also run the pending constructs (to see whether the parser work fixed them)
const N = Number(process.env.RUDDER_PATHOLOGICAL_SIZE ?? 8 * 1024);
// Why 64: the parse and every rule together run a few dozen linear patterns over the text, each a few steps per
// character (measured: at most ~50 per character, for lone CR line endings); more means a pattern re-scans.
const STEPS_PER_CHAR = 64;
// Why 2000: remark builds a tree with positions for every character of some constructs (tables, "<a" runs: ~400
// blocks per character measured); a loop that re-scans the text passes it at a few thousand characters.
const BLOCKS_PER_CHAR = 2000;
// Why 2.3 and not 2: constant work (the vision, the config, the front matter) makes small inputs slightly cheaper
// per character; a quadratic pattern or loop gives 4.
const MAX_GROWTH = 2.3;
const RUN_ALL = process.env.RUDDER_PATHOLOGICAL_ALL === '1';

const VISION = '---\ngoals:\n  - id: G1\n    title: Goal\n---\n# Vision\n';

/** Parses `text` and runs every story and backlog rule on it. */
function parseAndCheck(text: string): void {
    parseStory('backlog/stories/s-1.md', text);
    const index = new BacklogIndex(defaultConfig());
    index.upsert('backlog/vision.md', VISION);
    index.upsert('backlog/stories/s-1.md', text);
    // The same text as a file that is not a story: the index reads its id and title with its own line scan.
    index.upsert('backlog/archive/s-1.md', text);
    index.issues('backlog/stories/s-1.md');
    index.backlogIssues();
}

// Why the median of three runs: on a busy machine a run's block count was once far off both ways (848 → 17,231 where
// every other run of the same inputs counted ~1,900 → ~3,200): V8 can drop a function's counters when the garbage
// collector flushes its bytecode, and count work that a lazy compile or a cache refill adds. The code is deterministic,
// so two runs of three agree on its true work and the median ignores a stray one.
function medianBlocks(fn: () => void): number {
  const counts = [0, 1, 2].map(() => meterBlocks(fn).blocks).sort((a, b) => a - b);
  return counts[1];
}

describe('pathological input: parse + every rule within a linear work budget', function () {
  this.timeout(120_000);
  after(stopBlockMeter);
  const BLOCK_ALLOWANCE = 5_000;
  for (const c of CONSTRUCTS) {
    const run = c.pending && !RUN_ALL ? it.skip : it;
    run(`${c.name}${c.pending ? ` (pending: ${c.pending})` : ''}${c.scale ? ` (at ${c.scale.by} of the size: ${c.scale.why})` : ''}`, () => {
      const n = Math.round(N * (c.scale?.by ?? 1));
      const small = c.make(n);
      const large = c.make(2 * n);
      // Regex steps first: the cap stops a super-linear pattern before the unmetered block count would run it.
      const cap = (t: string) => STEPS_PER_CHAR * t.length + 100_000;
      const a = meterWork(() => parseAndCheck(small), cap(small)).report;
      const b = meterWork(() => parseAndCheck(large), cap(large)).report;
      const top = b.patterns.slice(0, 3).map((p) => `${p.pattern}: ${p.steps}`).join(', ');
      const growth = b.steps / Math.max(1, a.steps);
      assert.ok(growth <= MAX_GROWTH, `doubling the input multiplied the regex steps by ${growth.toFixed(2)} (${a.steps} → ${b.steps}); costliest: ${top}`);
      const ja = medianBlocks(() => parseAndCheck(small));
      const jb = medianBlocks(() => parseAndCheck(large));
      assert.ok(jb <= BLOCKS_PER_CHAR * large.length + 100_000, `${jb} JavaScript blocks for ${large.length} characters`);
      const jsGrowth = jb / Math.max(1, ja);
      // Why an allowance of a few thousand blocks: a bounded cache that happens to refill during the larger run (its
      // state depends on the tests before) adds a constant, not a factor; a re-scanning loop adds millions here.
      assert.ok(jb <= MAX_GROWTH * ja + BLOCK_ALLOWANCE, `doubling the input multiplied the JavaScript blocks by ${jsGrowth.toFixed(2)} (${ja} → ${jb})`);
    });
  }
});

describe('pathological front matter', () => {
  it('a 10,000-deep "[[[" is a positioned front-matter-syntax issue, not a stack overflow', () => {
    const text = `---\nid: S-1\ntitle: t\nlabels: ${'['.repeat(10_000)}\n---\nx\n`;
    const story = parseStory('backlog/stories/s-1.md', text);
    const messages = story.problems.map((p) => p.message);
    assert.ok(!messages.some((m) => /call stack/i.test(m)), messages.join('\n'));
    const deep = story.problems.find((p) => p.code === 'front-matter-syntax' && p.message.includes('more than 64 levels deep'));
    assert.ok(deep, messages.join('\n'));
    assert.deepEqual(deep.range.start, { line: 3, character: 'labels: '.length + 64 });
    assert.equal(story.id, 'S-1');
  });
});
