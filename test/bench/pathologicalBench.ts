// Times parse + every rule on each hostile construct of test/unit/pathological/constructs.ts at 64 KB and 1 MB.
//   node_modules/.bin/esbuild test/bench/pathologicalBench.ts --bundle --platform=node --target=node20 --format=cjs \
//     --main-fields=module,main --outfile=out/bench/pathologicalBench.js --log-level=warning \
//     && node out/bench/pathologicalBench.js [--timeout 60] [--only text]
// Linear work gives a ratio near 16 (1 MB / 64 KB). Each measure runs in its own process, stopped after --timeout
// seconds. Above 200 KB of body parseStory never calls remark (MAX_REMARK_BODY_CHARS), so constructs whose cost is
// remark's can be faster at 1 MB than at 64 KB: read those rows at 64 KB. Timing is never asserted: the unit test (pathological.test.ts) bounds the work in deterministic units.
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { defaultConfig } from '../../src/core/config/parseConfig';
import { compileGlob } from '../../src/core/glob/matchGlob';
import { BacklogIndex } from '../../src/core/index/backlogIndex';
import { parseStory } from '../../src/core/parse/parseStory';
import { CONSTRUCTS } from '../unit/pathological/constructs';

const argv = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = argv.indexOf(name);
  return i === -1 ? undefined : argv[i + 1];
};
const SMALL = 64 * 1024;
const LARGE = 1024 * 1024;
const GLOB = 'twelve "**/" against a path 30 folders deep';

/** Runs one construct at one size in this process and prints the milliseconds. */
function measureHere(name: string, size: number): void {
  const t0 = performance.now();
  if (name === GLOB) {
    const path = `${Array.from({ length: Math.round((30 * size) / SMALL) }, (_, i) => `d${i}`).join('/')}/s.md`;
    compileGlob(`${'**/'.repeat(12)}archive/**`)(path);
  } else {
    const text = CONSTRUCTS.find((c) => c.name === name)!.make(size);
    parseStory('backlog/stories/s-1.md', text);
    const index = new BacklogIndex(defaultConfig());
    index.upsert('backlog/vision.md', '---\ngoals:\n  - id: G1\n    title: Goal\n---\n');
    index.upsert('backlog/stories/s-1.md', text);
    index.upsert('backlog/archive/s-1.md', text);
    index.issues('backlog/stories/s-1.md');
    index.backlogIssues();
  }
  process.stdout.write(String(performance.now() - t0));
}

/** Returns the milliseconds of one measure in a child process, or undefined when it ran past the timeout. */
function measure(name: string, size: number, timeoutS: number): number | undefined {
  const r = spawnSync(process.execPath, [process.argv[1], '--one', name, String(size)], { encoding: 'utf8', timeout: timeoutS * 1000 });
  return r.status === 0 ? Number(r.stdout) : undefined;
}

function main(): void {
  const one = flag('--one');
  if (one !== undefined) return measureHere(one, Number(argv[argv.indexOf('--one') + 2]));
  const timeout = Number(flag('--timeout') ?? 60);
  const only = flag('--only');
  const fmt = (ms: number | undefined) => (ms === undefined ? `> ${timeout} s` : ms >= 100 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(1)} ms`);
  console.log(`${'construct'.padEnd(64)} ${'64 KB'.padStart(10)} ${'1 MB'.padStart(10)} ${'ratio'.padStart(7)}`);
  for (const name of [...CONSTRUCTS.map((c) => c.name), GLOB]) {
    if (only && !name.includes(only)) continue;
    const a = measure(name, SMALL, timeout);
    const b = a === undefined ? undefined : measure(name, LARGE, timeout);
    const ratio = a !== undefined && b !== undefined ? (b / Math.max(a, 0.1)).toFixed(1) : '-';
    console.log(`${name.slice(0, 64).padEnd(64)} ${fmt(a).padStart(10)} ${fmt(b).padStart(10)} ${ratio.padStart(7)}`);
  }
}

main();
