// `npm run check:corpora`: reads every real Backlog.md backlog of ../shared/corpora with Rudder and with Backlog.md's
// own CLI (installed on demand into .vscode-test/bench-tools), and checks what the issue "Real Backlog.md backlogs"
// asks: every task Backlog.md lists is in `rudder list --json`; every Markdown file in the story folders is a story or
// carries an issue; no invalid-field on a status the corpus's config.yml lists (or Draft); no unknown-reference on a
// milestone by name. Prints the counts; exits 1 when a check fails, 0 (with a note) when ../shared is absent.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const REPO = process.cwd();
const CLI = path.join(REPO, 'dist', 'cli.js');
const CORPORA = path.resolve(REPO, '..', 'shared', 'corpora');
const TOOLS = path.join(REPO, '.vscode-test', 'bench-tools');

interface LintJson {
  readonly files: number;
  readonly stories: number;
  readonly issues: readonly { file: string; line: number; code: string; severity: string; message: string }[];
}
interface ListJson {
  readonly stories: readonly { id: string | null; file: string; status: string | null; milestone: string | null; draft: boolean }[];
}

function backlogBin(): string | undefined {
  const bin = path.join(TOOLS, 'node_modules', '.bin', 'backlog');
  if (fs.existsSync(bin)) return bin;
  fs.mkdirSync(TOOLS, { recursive: true });
  if (!fs.existsSync(path.join(TOOLS, 'package.json'))) fs.writeFileSync(path.join(TOOLS, 'package.json'), '{ "private": true }\n');
  const r = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', 'backlog.md'], { cwd: TOOLS, encoding: 'utf8' });
  return r.status === 0 && fs.existsSync(bin) ? bin : undefined;
}

function rudder(args: string[]): string {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`rudder ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

/** Returns the project root of a corpus copy (the folder that holds backlog/), copying the corpus into tmp. */
function copyCorpus(name: string, tmp: string): string {
  const src = path.join(CORPORA, name);
  const root = path.join(tmp, name);
  // Backlog.md's CLI works from a project root with backlog/ inside; a corpus that is itself a backlog folder is
  // copied one level down. Copies, because `backlog task list` may rewrite config.yml.
  const dest = fs.existsSync(path.join(src, 'backlog')) ? root : path.join(root, 'backlog');
  fs.cpSync(src, dest, { recursive: true });
  return root;
}

function walk(dir: string, rel = ''): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...walk(dir, r));
    else if (e.name.toLowerCase().endsWith('.md')) out.push(r);
  }
  return out;
}

function statusesOf(configYml: string): string[] {
  const m = /^statuses:\s*\[(.*)\]\s*$/m.exec(configYml);
  return m ? m[1].split(',').map((s) => s.trim().replace(/^["']|["']$/g, '')) : [];
}

function main(): void {
  if (!fs.existsSync(CORPORA)) {
    console.log(`no corpora at ${CORPORA}: nothing to check`);
    return;
  }
  const bin = backlogBin();
  const version = bin ? spawnSync(bin, ['--version'], { encoding: 'utf8' }).stdout.trim() : undefined;
  console.log(`Backlog.md ${version ?? '(not installed: the comparison with its task list is skipped)'}; corpora in ${CORPORA}`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rudder-corpora-'));
  let failed = false;
  try {
    for (const name of fs.readdirSync(CORPORA).sort()) {
      const root = copyCorpus(name, tmp);
      const backlog = path.join(root, 'backlog');
      const lint = JSON.parse(rudder(['lint', root, '--format', 'json'])) as LintJson;
      const list = JSON.parse(rudder(['list', root, '--json'])) as ListJson;
      const listedFiles = new Set(list.stories.map((s) => s.file));
      const reported = new Set(lint.issues.map((i) => i.file));
      const storyFolders = ['tasks', 'completed', 'drafts'].filter((f) => fs.existsSync(path.join(backlog, f)));
      const inFolders = storyFolders.flatMap((f) => walk(backlog, f).map((p) => `backlog/${p}`));
      // A readme.md documents its folder (Backlog.md's own backlog has tasks/readme.md): not a task, for Backlog.md
      // (which lists only `<prefix>-*.md` files) nor for Rudder. Hidden files are skipped by both.
      const readmes = inFolders.filter((p) => /(^|\/)readme\.md$/i.test(p));
      const silent = inFolders.filter((p) => !listedFiles.has(p) && !reported.has(p) && !/(^|\/)\./.test(p) && !readmes.includes(p));
      const statuses = statusesOf(fs.readFileSync(path.join(backlog, 'config.yml'), 'utf8')).map((s) => s.toLowerCase());
      const badStatus = lint.issues.filter((i) => i.code === 'invalid-field' && /^Status "([^"]*)"/.test(i.message) && [...statuses, 'draft'].includes(/^Status "([^"]*)"/.exec(i.message)![1].toLowerCase()));
      const milestoneErrors = lint.issues.filter((i) => i.code === 'unknown-reference' && i.message.startsWith('Milestone '));
      let missingFromRudder: string[] = [];
      let theirs = 0;
      if (bin) {
        const out = path.join(tmp, `${name}-tasks.txt`);
        const fd = fs.openSync(out, 'w');
        spawnSync(bin, ['task', 'list', '--plain'], { cwd: root, stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
        fs.closeSync(fd);
        const ids = [...fs.readFileSync(out, 'utf8').matchAll(/^\s+(?:\[[A-Z]+\]\s+)?([A-Za-z][\w]*-[\d.]+) - /gm)].map((m) => m[1].toLowerCase());
        theirs = ids.length;
        const ours = new Set(list.stories.map((s) => (s.id ?? '').toLowerCase()));
        missingFromRudder = ids.filter((id) => !ours.has(id));
      }
      const byCode = new Map<string, number>();
      for (const i of lint.issues) byCode.set(`${i.code} (${i.severity})`, (byCode.get(`${i.code} (${i.severity})`) ?? 0) + 1);
      console.log(`\n${name}: ${lint.files} files read, ${lint.stories} stories (${list.stories.filter((s) => s.draft).length} drafts); ${inFolders.length} files in ${storyFolders.join(', ')}`);
      console.log(`  issues: ${[...byCode].sort().map(([c, n]) => `${c} ${n}`).join(', ') || 'none'}`);
      const check = (ok: boolean, what: string) => {
        console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${what}`);
        if (!ok) failed = true;
      };
      if (bin) check(missingFromRudder.length === 0, `every task Backlog.md lists (${theirs}) is in rudder list --json${missingFromRudder.length ? `: missing ${missingFromRudder.join(', ')}` : ''}`);
      check(silent.length === 0, `every file in the story folders is a story or reported (${readmes.length} readme.md files are documentation)${silent.length ? `: silent ${silent.join(', ')}` : ''}`);
      check(badStatus.length === 0, `no invalid-field on a status config.yml lists (or Draft)${badStatus.length ? `: ${badStatus.length}` : ''}`);
      check(milestoneErrors.length === 0, `no unknown-reference on a milestone${milestoneErrors.length ? `: ${milestoneErrors.map((i) => `${i.file}:${i.line} ${i.message}`).join('; ')}` : ''}`);
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  process.exitCode = failed ? 1 : 0;
}

main();
