// `npm run bench:corpora`: `rudder lint` on real Backlog.md backlogs (../shared/corpora/<name>, when present)
// against a floor measured in the same run, and how many bodies the Markdown scanner leaves to remark.
//   node out/bench/corpusBench.js [--runs N] [--cli path/to/cli.js] [corpus folder ...]
// The floor: find every .md file under the corpus, read it, parse its front matter with gray-matter. Nothing else.
// Timing is never asserted by tests; this prints medians and the ratio lint / floor (target ≤ 3×).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { LineIndex } from '../../src/core/model/lineIndex';
import { parseFrontMatter } from '../../src/core/parse/frontMatter';
import { scanMarkdown } from '../../src/core/parse/markdownScan';
import { MAX_REMARK_BODY_CHARS } from '../../src/core/parse/parseStory';
import { writeFloorScript } from './floorScript';
import { median } from './benchStats';

const REPO = process.cwd();
const argv = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = argv.indexOf(name);
  return i === -1 ? undefined : argv.splice(i, 2)[1];
};
const RUNS = Math.max(3, Number(flag('--runs') ?? 7));
const CLI = path.resolve(flag('--cli') ?? path.join(REPO, 'dist', 'cli.js'));
const SHARED = path.resolve(REPO, '..', 'shared', 'corpora');
const corpora = argv.length > 0 ? argv.map((a) => path.resolve(a)) : fs.existsSync(SHARED) ? fs.readdirSync(SHARED).map((d) => path.join(SHARED, d)).filter((d) => fs.statSync(d).isDirectory()) : [];

function markdownFiles(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name[0] !== '.' && e.name !== 'node_modules') markdownFiles(p, out);
    } else if (e.name.endsWith('.md')) out.push(p);
  }
  return out;
}

function timeNode(args: readonly string[]): { ms: number; stdout: string; status: number | null } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: REPO, encoding: 'utf8', maxBuffer: 1 << 30 });
  return { ms: performance.now() - t0, stdout: r.stdout ?? '', status: r.status };
}

/** Counts the bodies the scanner is unsure of (remark reads them, from where the scanner stopped) and those left partly unread. */
function fallbacks(files: readonly string[]): { remark: number; unread: number; reasons: Map<string, number> } {
  let remark = 0;
  let unread = 0;
  const reasons = new Map<string, number>();
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const lines = new LineIndex(text);
    const outline = scanMarkdown(lines, parseFrontMatter(file, text, lines).bodyStartLine);
    if (outline.confident) continue;
    remark++;
    const reason = (outline.reason ?? '?').replace(/ \(line \d+\)$/, '');
    reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    if (text.length - lines.lineStart(outline.unreadFrom ?? 0) > MAX_REMARK_BODY_CHARS) unread++;
  }
  return { remark, unread, reasons };
}

function main(): void {
  if (corpora.length === 0) {
    console.log(`No corpus: pass folders, or put Backlog.md backlogs under ${SHARED}.`);
    return;
  }
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run \`node esbuild.js\` first`);
  const helper = fs.mkdtempSync(path.join(os.tmpdir(), 'rudder-corpus-bench-'));
  const floorJs = path.join(helper, 'floor.js');
  writeFloorScript(floorJs, REPO);
  console.log(`rudder lint (${path.relative(REPO, CLI) || CLI}) vs floor, median of ${RUNS} interleaved runs each`);
  console.log('corpus        files  floor      lint       ratio   remark fallbacks (unread)');
  try {
    for (const dir of corpora) {
      const files = markdownFiles(dir);
      const lintArgs = [CLI, 'lint', dir, '--format', 'json'];
      // Warm-up (page cache, V8 code cache) and a check that lint really ran.
      timeNode([floorJs, dir]);
      const first = timeNode(lintArgs);
      if (!first.stdout.startsWith('{')) throw new Error(`rudder lint on ${dir} printed no JSON (exit ${first.status})`);
      const floor: number[] = [];
      const lint: number[] = [];
      // Why interleaved: machine noise (other processes, thermal) hits both sides alike.
      for (let i = 0; i < RUNS; i++) {
        floor.push(timeNode([floorJs, dir]).ms);
        lint.push(timeNode(lintArgs).ms);
      }
      const f = median(floor);
      const l = median(lint);
      const fb = fallbacks(files);
      const why = [...fb.reasons].map(([r, k]) => `${r} ${k}`).join(', ');
      console.log(
        `${path.basename(dir).padEnd(12)} ${String(files.length).padStart(6)}  ${f.toFixed(0).padStart(5)} ms  ${l.toFixed(0).padStart(5)} ms  ${(l / f).toFixed(2).padStart(5)}×  ${fb.remark} (${fb.unread})${why ? `: ${why}` : ''}`,
      );
    }
  } finally {
    fs.rmSync(helper, { recursive: true, force: true });
  }
}

main();
