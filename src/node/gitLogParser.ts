// Reads the output of one `git log --raw -p -U0` pass (see GIT_LOG_ARGS), line by line as it streams in:
// a commit header, its files (`--raw`: status and paths, renames included), then a patch per file in the
// same order, of which only the front-matter lines of the followed fields matter. Each finished commit
// goes to the builder, which knows where each file's front matter ends before the commit. No Node import.
import { HISTORY_FIELDS, type HistoryField } from '../core/flow/backlogHistory';
import type { CommitFile, FrontMatterValues, GitHistoryBuilder } from './gitHistoryBuilder';

/** The `git log` arguments the parser reads (before the revision range and the pathspec). */
export const GIT_LOG_ARGS: readonly string[] = [
  '-c', 'core.quotePath=false',
  '-c', 'diff.renameLimit=20000',
  'log', '--reverse', '--topo-order', '--no-merges', '--no-color', '--no-ext-diff', '--no-textconv',
  '-M', '--raw', '-p', '--unified=0', '--relative',
  // A NUL starts each commit header: it cannot occur in a patch line.
  '--format=%x00%H %at %aI',
];

const FIELD_LINE = new RegExp(`^(${HISTORY_FIELDS.join('|')}):(.*)$`);
/** Why 200 lines: where the parser has lost a file's front matter, a followed key this early is taken as front matter. */
const LENIENT_LINES = 200;

/** Returns a YAML scalar as written, unquoted and without a trailing comment. */
export function scalarValue(raw: string): string {
  let v = raw.trim();
  if (v.length >= 2 && ((v[0] === '"' && v.endsWith('"')) || (v[0] === "'" && v.endsWith("'")))) {
    const inner = v.slice(1, -1);
    return v[0] === "'" ? inner.replace(/''/g, "'") : inner.replace(/\\"/g, '"').replace(/\\\\/g, '\\');
  }
  const hash = v.search(/\s#/);
  if (hash >= 0) v = v.slice(0, hash).trimEnd();
  return v;
}

/** Returns a path as git prints it: C-quoted ("a\tb", octal UTF-8 bytes) when it holds special characters. */
export function unquotePath(p: string): string {
  if (!(p.length >= 2 && p.startsWith('"') && p.endsWith('"'))) return p;
  const bytes: number[] = [];
  const s = p.slice(1, -1);
  const escapes: Readonly<Record<string, number>> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c !== '\\') {
      for (const b of new TextEncoder().encode(c)) bytes.push(b);
      continue;
    }
    const next = s[i + 1] ?? '';
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(s.slice(i + 1, i + 4), 8));
      i += 3;
    } else {
      bytes.push(escapes[next] ?? next.charCodeAt(0));
      i += 1;
    }
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

interface FileSection {
  readonly status: string;
  readonly path: string;
  readonly from?: string;
  readonly markdown: boolean;
  // An added file: reading its front matter from the top.
  addState: 'start' | 'in' | 'after' | 'none';
  addValues: Partial<Record<HistoryField, string>>;
  addEnd?: number;
  // A modified file: the old front matter's end, and the new one as hunks shift it (undefined: lost).
  oldEnd?: number;
  newEnd?: number;
  lost: boolean;
  removed: Partial<Record<HistoryField, string>>;
  inserted: Partial<Record<HistoryField, string>>;
  // The current hunk.
  oldLine: number;
  newLine: number;
  hunkInFrontMatter: boolean;
}

/** Parses `git log` output fed in chunks and applies each commit to the builder as soon as it is complete. */
export class GitLogParser {
  private rest = '';
  private commit: { hash: string; time: number; date: string } | undefined;
  private files: FileSection[] = [];
  private section = -1;
  private inHunks = false;

  constructor(private readonly builder: GitHistoryBuilder) {}

  /** Feeds a chunk of output (any split, even mid-line). */
  push(chunk: string): void {
    const text = this.rest + chunk;
    let start = 0;
    for (;;) {
      const nl = text.indexOf('\n', start);
      if (nl < 0) break;
      this.line(text.charCodeAt(nl - 1) === 13 && nl > start ? text.slice(start, nl - 1) : text.slice(start, nl));
      start = nl + 1;
    }
    this.rest = text.slice(start);
  }

  /** Ends the input: the last commit is applied. */
  end(): void {
    if (this.rest) this.line(this.rest);
    this.rest = '';
    this.finishCommit();
  }

  private finishCommit(): void {
    if (!this.commit) return;
    const files: CommitFile[] = this.files
      .filter((f) => f.markdown || (f.from !== undefined && f.from.toLowerCase().endsWith('.md')))
      .map((f) => toCommitFile(f));
    this.builder.apply({ at: { commit: this.commit.hash, time: this.commit.time, date: this.commit.date }, files });
    this.commit = undefined;
    this.files = [];
    this.section = -1;
    this.inHunks = false;
  }

  private line(line: string): void {
    const c = line.charCodeAt(0);
    if (c === 0) {
      this.finishCommit();
      const [hash, time, iso] = line.slice(1).split(' ');
      this.commit = { hash, time: Number(time), date: (iso ?? '').slice(0, 10) };
      return;
    }
    if (!this.commit) return;
    if (c === 58 /* : */ && this.section < 0) {
      this.rawLine(line);
      return;
    }
    if (c === 100 /* d */ && line.startsWith('diff --git ')) {
      this.section++;
      this.inHunks = false;
      return;
    }
    const f = this.files[this.section];
    if (!f || !f.markdown) return;
    if (c === 64 /* @ */ && line.startsWith('@@ ')) {
      this.inHunks = true;
      this.hunk(f, line);
      return;
    }
    if (!this.inHunks) return;
    if (c === 43 /* + */) this.added(f, line.slice(1));
    else if (c === 45 /* - */) this.removedLine(f, line.slice(1));
  }

  private rawLine(line: string): void {
    const tab = line.indexOf('\t');
    if (tab < 0) return;
    const meta = line.slice(0, tab).split(' ');
    const status = (meta[meta.length - 1] ?? '')[0] ?? '';
    const paths = line.slice(tab + 1).split('\t').map(unquotePath);
    const path = paths[paths.length - 1];
    const from = paths.length > 1 ? paths[0] : undefined;
    const markdown = path.toLowerCase().endsWith('.md');
    const oldEnd = this.builder.frontMatterEnd(from ?? path);
    this.files.push({
      status,
      path,
      ...(from !== undefined ? { from } : {}),
      markdown,
      addState: 'start',
      addValues: {},
      oldEnd,
      newEnd: oldEnd,
      lost: oldEnd === undefined && status !== 'A',
      removed: {},
      inserted: {},
      oldLine: 0,
      newLine: 0,
      hunkInFrontMatter: false,
    });
  }

  private hunk(f: FileSection, line: string): void {
    const m = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (!m) return;
    const a = Number(m[1]);
    const b = m[2] === undefined ? 1 : Number(m[2]);
    const cStart = Number(m[3]);
    const d = m[4] === undefined ? 1 : Number(m[4]);
    f.oldLine = a;
    f.newLine = cStart;
    if (f.status === 'A') return;
    const end = f.oldEnd;
    if (end === undefined || f.lost) {
      f.hunkInFrontMatter = a <= LENIENT_LINES;
      return;
    }
    // With no context, a hunk either lies before the closing `---` (its lines are front matter), touches it
    // (the front matter's shape changed: from here on the parser is lenient), or lies after it.
    const lastOld = b === 0 ? a : a + b - 1;
    if (b > 0 ? lastOld < end : a < end) {
      f.hunkInFrontMatter = true;
      if (f.newEnd !== undefined) f.newEnd += d - b;
    } else if (b > 0 && a <= end && lastOld >= end) {
      f.hunkInFrontMatter = true;
      f.lost = true;
      f.newEnd = undefined;
    } else f.hunkInFrontMatter = false;
  }

  private added(f: FileSection, text: string): void {
    if (f.status === 'A') {
      this.addedFileLine(f, text);
      f.newLine++;
      return;
    }
    if (f.hunkInFrontMatter) {
      const m = FIELD_LINE.exec(text);
      if (m) f.inserted[m[1] as HistoryField] = scalarValue(m[2]);
    }
    f.newLine++;
  }

  private removedLine(f: FileSection, text: string): void {
    if (f.status !== 'A' && f.hunkInFrontMatter) {
      const m = FIELD_LINE.exec(text);
      if (m) f.removed[m[1] as HistoryField] = scalarValue(m[2]);
    }
    f.oldLine++;
  }

  /** Reads the front matter at the top of an added file. */
  private addedFileLine(f: FileSection, text: string): void {
    switch (f.addState) {
      case 'start':
        f.addState = text.replace(/^\uFEFF/, '').trimEnd() === '---' ? 'in' : 'none';
        return;
      case 'in': {
        const t = text.trimEnd();
        if (t === '---' || t === '...') {
          f.addState = 'after';
          f.addEnd = f.newLine;
          return;
        }
        const m = FIELD_LINE.exec(text);
        if (m) f.addValues[m[1] as HistoryField] = scalarValue(m[2]);
        return;
      }
      default:
        return;
    }
  }
}

function toCommitFile(f: FileSection): CommitFile {
  if (f.status === 'A') {
    const added: FrontMatterValues = { values: f.addValues, ...(f.addEnd !== undefined ? { end: f.addEnd } : {}) };
    return { status: 'A', path: f.path, added };
  }
  return {
    status: f.status,
    path: f.path,
    ...(f.from !== undefined ? { from: f.from } : {}),
    removed: f.removed,
    inserted: f.inserted,
    ...(!f.lost && f.newEnd !== undefined ? { frontMatterEnd: f.newEnd } : {}),
  };
}
