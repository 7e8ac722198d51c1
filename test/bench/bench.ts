// `npm run bench`: Rudder's performance figures against a floor measured in the same run.
//   node out/bench/bench.js [--runs N] [--sizes 1000,10000] [--skip-backlog-md] [--skip-history] [--only-history] [--history 2000,20000] [--keep]
// Prints medians and PASS/MISS against the targets of issue 2. Timing is never asserted by tests.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { BacklogIndex } from '../../src/core/index/backlogIndex';
import { parseConfig } from '../../src/core/config/parseConfig';
import { generateBacklogMdProject, generateRudderBacklog, type GeneratedBacklog } from './generateBacklog';
import { writeFloorScript } from './floorScript';
import { benchHistory } from './historyBench';
import { fmtMs, median } from './benchStats';

const REPO = process.cwd();
const CLI = path.join(REPO, 'dist', 'cli.js');
const TOOLS = path.join(REPO, '.vscode-test', 'bench-tools');

const argv = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = argv.indexOf(name);
  return i === -1 ? undefined : argv[i + 1];
};
const RUNS = Math.max(5, Number(flag('--runs') ?? 5));
const SIZES = (flag('--sizes') ?? '1000,10000').split(',').map(Number);
const SKIP_BACKLOG_MD = argv.includes('--skip-backlog-md');
const KEEP = argv.includes('--keep');
const SKIP_HISTORY = argv.includes('--skip-history');
const ONLY_HISTORY = argv.includes('--only-history');
const [HISTORY_STORIES, HISTORY_COMMITS] = (flag('--history') ?? '2000,20000').split(',').map(Number);

interface Run {
  readonly ms: number;
  readonly maxRssMb: number;
  /** User + system CPU time of the child (all its threads). */
  readonly cpuMs: number;
  readonly stdout: string;
  readonly status: number | null;
}

/** Runs a Node script in a child process with the peak-RSS reporter preloaded; returns time, peak RSS and output. */
function runNode(helperDir: string, args: readonly string[], cwd = REPO): Run {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['-r', path.join(helperDir, 'maxrss.js'), ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = performance.now() - t0;
  const m = /RUDDER_BENCH_MAXRSS_KB=(\d+) RUDDER_BENCH_CPU_US=(\d+)/.exec(r.stderr ?? '');
  return { ms, maxRssMb: m ? Number(m[1]) / 1024 : NaN, cpuMs: m ? Number(m[2]) / 1000 : NaN, stdout: r.stdout ?? '', status: r.status };
}

function writeHelpers(dir: string): void {
  // Why resourceUsage at exit: maxRSS is the kernel's high-water mark for the whole process lifetime.
  fs.writeFileSync(
    path.join(dir, 'maxrss.js'),
    "process.on('exit', () => { try { const u = process.resourceUsage(); require('fs').writeSync(2, '\\nRUDDER_BENCH_MAXRSS_KB=' + u.maxRSS + ' RUDDER_BENCH_CPU_US=' + (u.userCPUTime + u.systemCPUTime) + '\\n'); } catch {} });\n",
  );
  writeFloorScript(path.join(dir, 'floor.js'), REPO);
}

interface Row {
  readonly label: string;
  readonly value: string;
  readonly target?: string;
  readonly pass?: boolean;
}

const rows: Row[] = [];
function row(label: string, value: string, target?: string, pass?: boolean): void {
  rows.push({ label, value, target, pass });
  console.log(`  ${label}: ${value}${target ? `  (target ${target}: ${pass ? 'PASS' : 'MISS'})` : ''}`);
}

function benchLint(helperDir: string, gen: GeneratedBacklog): void {
  const n = gen.stories;
  console.log(`\n[lint] ${n} stories, ${gen.files} files, ${(gen.bytes / gen.files / 1024).toFixed(2)} KB/file average`);
  const floorArgs = [path.join(helperDir, 'floor.js'), gen.root];
  const lintArgs = [CLI, 'lint', '--format', 'json', gen.root];
  // Warm-up (page cache, V8 code cache) and a correctness check of both sides.
  const floor0 = runNode(helperDir, floorArgs);
  const lint0 = runNode(helperDir, lintArgs);
  const floorOut = JSON.parse(floor0.stdout) as { files: number; failed: number };
  let lintOut: { files: number; stories: number; issues: { code: string }[] };
  try {
    lintOut = JSON.parse(lint0.stdout);
  } catch {
    throw new Error(`rudder lint did not print JSON (exit ${lint0.status}): ${lint0.stdout.slice(0, 500)}`);
  }
  const byCode = new Map<string, number>();
  for (const i of lintOut.issues) byCode.set(i.code, (byCode.get(i.code) ?? 0) + 1);
  console.log(`  floor read ${floorOut.files} files (gray-matter failed on ${floorOut.failed}); rudder read ${lintOut.files} files, found ${lintOut.stories} stories, exit ${lint0.status}`);
  console.log(`  issues: ${[...byCode].map(([c, k]) => `${c} ${k}`).join(', ') || 'none'}`);
  const floor: Run[] = [];
  const lint: Run[] = [];
  // Why interleaved: machine noise (other processes, thermal) hits both sides alike.
  for (let i = 0; i < RUNS; i++) {
    floor.push(runNode(helperDir, floorArgs));
    lint.push(runNode(helperDir, lintArgs));
  }
  const f = median(floor.map((r) => r.ms));
  const l = median(lint.map((r) => r.ms));
  const ratio = l / f;
  const fCpu = median(floor.map((r) => r.cpuMs));
  const lCpu = median(lint.map((r) => r.cpuMs));
  const peak = Math.max(...lint.map((r) => r.maxRssMb));
  row(`${n}: floor (read + gray-matter), median of ${RUNS}`, fmtMs(f));
  row(`${n}: rudder lint --format json, median of ${RUNS}`, fmtMs(l));
  row(`${n}: CPU time (user+sys) floor / lint, medians`, `${fmtMs(fCpu)} / ${fmtMs(lCpu)} = ${(lCpu / fCpu).toFixed(2)}×`);
  row(`${n}: ratio lint / floor`, `${ratio.toFixed(2)}×`, n >= 10000 ? '≤ 3×' : undefined, n >= 10000 ? ratio <= 3 : undefined);
  row(`${n}: peak RSS of rudder lint (floor: ${Math.max(...floor.map((r) => r.maxRssMb)).toFixed(0)} MB)`, `${peak.toFixed(0)} MB`, n >= 10000 ? '< 300 MB' : undefined, n >= 10000 ? peak < 300 : undefined);
}

function benchReindex(gen: GeneratedBacklog): void {
  console.log(`\n[re-index] one file in an in-memory index of ${gen.stories} stories`);
  const { config, issues } = parseConfig({ backlogFolder: 'backlog' });
  const index = new BacklogIndex(config, issues);
  const files: string[] = [];
  const walk = (rel: string): void => {
    for (const e of fs.readdirSync(path.join(gen.root, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else if (e.name.endsWith('.md')) files.push(r);
    }
  };
  walk('backlog');
  const texts = files.map((f) => fs.readFileSync(path.join(gen.root, f), 'utf8'));
  let t0 = performance.now();
  for (let i = 0; i < files.length; i++) index.upsert(files[i], texts[i]);
  const stories = index.stories().length;
  const tBuild = performance.now() - t0;
  t0 = performance.now();
  const all = index.allIssues().length;
  const tIssues = performance.now() - t0;
  console.log(`  in-process: upsert ${files.length} files + order ${fmtMs(tBuild)}, then allIssues() ${fmtMs(tIssues)} (${stories} stories, ${all} issues)`);
  const upserts: number[] = [];
  const withOrder: number[] = [];
  const ITER = 300;
  for (let i = 0; i < ITER; i++) {
    // Why spread over the backlog: every iteration edits a different story, as a user moving around would.
    const p = gen.storyPaths[(i * 7919) % gen.storyPaths.length];
    const before = index.text(p) as string;
    const edited = before.replace(/estimate: \d+/, `estimate: ${[1, 2, 3, 5, 8][i % 5]}`).replace('- [ ]', i % 2 ? '- [x]' : '- [ ]') + `\nEdited ${i}.\n`;
    const s = performance.now();
    index.upsert(p, edited);
    index.issues(p);
    const m = performance.now();
    index.stories();
    const e = performance.now();
    upserts.push(m - s);
    withOrder.push(e - s);
  }
  const med = median(upserts);
  row(`re-index one file (upsert + its issues), median of ${ITER}`, fmtMs(med), '< 5 ms', med < 5);
  row(`  … plus re-reading the backlog order, median`, fmtMs(median(withOrder)));
}

function ensureBacklogMd(): string | undefined {
  const bin = path.join(TOOLS, 'node_modules', '.bin', process.platform === 'win32' ? 'backlog.cmd' : 'backlog');
  if (fs.existsSync(bin)) return bin;
  console.log(`  installing the npm package backlog.md into ${path.relative(REPO, TOOLS)} …`);
  fs.mkdirSync(TOOLS, { recursive: true });
  if (!fs.existsSync(path.join(TOOLS, 'package.json'))) fs.writeFileSync(path.join(TOOLS, 'package.json'), '{ "private": true }\n');
  const r = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', 'backlog.md'], { cwd: TOOLS, encoding: 'utf8' });
  if (r.status !== 0 || !fs.existsSync(bin)) {
    console.log(`  SKIPPED: could not install backlog.md (npm exit ${r.status}): ${(r.stderr || r.error?.message || '').trim().slice(0, 400)}`);
    return undefined;
  }
  return bin;
}

function benchList(helperDir: string, tmp: string): void {
  const count = 5000;
  console.log(`\n[list] ${count} Backlog.md-format tasks: rudder list --json vs backlog task list --plain`);
  const gen = generateBacklogMdProject(path.join(tmp, 'backlog-md'), count);
  const listArgs = [CLI, 'list', '--json', gen.root];
  const first = runNode(helperDir, listArgs);
  const listed = (JSON.parse(first.stdout) as { stories: unknown[] }).stories.length;
  console.log(`  rudder list listed ${listed} stories (exit ${first.status})`);
  const ours = median(Array.from({ length: RUNS }, () => runNode(helperDir, listArgs).ms));
  row(`rudder list --json on ${count} tasks, median of ${RUNS}`, fmtMs(ours));
  if (SKIP_BACKLOG_MD) {
    console.log('  backlog.md comparison skipped (--skip-backlog-md)');
    return;
  }
  const bin = ensureBacklogMd();
  if (!bin) return;
  const version = spawnSync(bin, ['--version'], { encoding: 'utf8' }).stdout.trim();
  const theirs: number[] = [];
  let lines = 0;
  for (let i = 0; i <= RUNS; i++) {
    // Why stdout to a file: through a pipe, backlog.md's output was cut short (4,045 of 5,000 lines) when it exited.
    const outFile = path.join(tmp, 'backlog-md-out.txt');
    const fd = fs.openSync(outFile, 'w');
    const t0 = performance.now();
    const r = spawnSync(bin, ['task', 'list', '--plain'], { cwd: gen.root, encoding: 'utf8', stdio: ['ignore', fd, 'pipe'] });
    const ms = performance.now() - t0;
    fs.closeSync(fd);
    const stdout = fs.readFileSync(outFile, 'utf8');
    if (r.status !== 0) {
      console.log(`  SKIPPED: backlog task list --plain failed (exit ${r.status}): ${(r.stderr || stdout).trim().slice(0, 400)}`);
      return;
    }
    lines = (stdout.match(/task-\d+/gi) ?? []).length;
    if (i > 0) theirs.push(ms); // the first run is a warm-up
  }
  const t = median(theirs);
  console.log(`  backlog.md ${version} listed ${lines} task ids`);
  row(`backlog task list --plain (backlog.md ${version}), median of ${RUNS}`, fmtMs(t));
  row(`ratio rudder list / backlog.md`, `${(ours / t).toFixed(3)}×`, '≤ 0.25×', ours / t <= 0.25);
}

/**
 * The real backlogs of ../shared/corpora (when present): `rudder lint` against the same floor, same run, by
 * out/bench/corpusBench.js (which also counts the bodies the Markdown scanner leaves to remark). Its rows join the
 * summary with the target of the issue on real backlogs: ≤ 3× the floor.
 */
function benchCorpora(): void {
  const script = path.join(REPO, 'out', 'bench', 'corpusBench.js');
  if (!fs.existsSync(path.resolve(REPO, '..', 'shared', 'corpora')) || !fs.existsSync(script)) {
    console.log('\n[corpora] skipped: no ../shared/corpora');
    return;
  }
  console.log('\n[corpora] real Backlog.md backlogs (../shared/corpora)');
  const r = spawnSync(process.execPath, [script, '--runs', String(RUNS)], { cwd: REPO, encoding: 'utf8' });
  process.stdout.write((r.stdout ?? '').replace(/^/gm, '  '));
  for (const m of (r.stdout ?? '').matchAll(/^(\S+)\s+(\d+)\s+(\d+) ms\s+(\d+) ms\s+([\d.]+)×\s+(\d+)/gm)) {
    const ratio = Number(m[5]);
    row(`corpus ${m[1]} (${m[2]} files): floor ${m[3]} ms, rudder lint ${m[4]} ms, remark fallbacks ${m[6]}`, `${ratio.toFixed(2)}×`, '≤ 3×', ratio <= 3);
  }
}

async function main(): Promise<void> {
  if (!fs.existsSync(CLI)) {
    console.error(`dist/cli.js not found: run 'npm run build' first (npm run bench does).`);
    process.exit(2);
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rudder-bench-'));
  writeHelpers(tmp);
  console.log(`Rudder benchmark: node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), ${RUNS} runs each, temp ${tmp}`);
  try {
    if (!ONLY_HISTORY) {
      let biggest: GeneratedBacklog | undefined;
      for (const n of SIZES) {
        const gen = generateRudderBacklog(path.join(tmp, `rudder-${n}`), n);
        benchLint(tmp, gen);
        if (!biggest || n > biggest.stories) biggest = gen;
      }
      if (biggest) benchReindex(biggest);
      benchList(tmp, tmp);
      benchCorpora();
    }
    if (!SKIP_HISTORY) await benchHistory(tmp, RUNS, row, HISTORY_STORIES, HISTORY_COMMITS);
  } finally {
    if (!KEEP) fs.rmSync(tmp, { recursive: true, force: true });
  }
  console.log('\nSummary');
  const w = Math.max(...rows.map((r) => r.label.length));
  const v = Math.max(...rows.map((r) => r.value.length));
  for (const r of rows) console.log(`  ${r.label.padEnd(w)}  ${r.value.padStart(v)}  ${r.target ? `${r.target.padEnd(9)} ${r.pass ? 'PASS' : 'MISS'}` : ''}`.trimEnd());
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
