import { trimEndChars } from '../model/trimChars';
import { MultiMap } from './multiMap';

// Why a line scan and not the parser: non-story files (archive, docs) only contribute their id and title, and
// parsing their Markdown would cost as much as a story's for nothing.
const FM_BLOCK = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;
// Why no regex for the lines: /^(id|title):[ \t]*(?:"…"|'…'|([^#\r\n]*?))[ \t]*(?:#.*)?$/ re-scanned a run of spaces from
// each of its characters (the lazy value and the trailing `[ \t]*` overlap): quadratic on a long title.
const isBlank = (c: string | undefined) => c === ' ' || c === '\t';

/** Returns the value of an `id:` or `title:` line as written: quotes removed, a comment dropped; undefined for other lines. */
function idTitleValue(line: string): { key: 'id' | 'title'; value: string } | undefined {
  const key = line.startsWith('id:') ? 'id' : line.startsWith('title:') ? 'title' : undefined;
  if (!key) return undefined;
  let i = key.length + 1;
  while (isBlank(line[i])) i++;
  const q = line[i];
  if (q === '"' || q === "'") {
    const close = line.indexOf(q, i + 1);
    if (close !== -1) {
      let k = close + 1;
      while (isBlank(line[k])) k++;
      if (k === line.length || line[k] === '#') return { key, value: line.slice(i + 1, close) };
    }
  }
  const hash = line.indexOf('#', i);
  return { key, value: trimEndChars(line.slice(i, hash === -1 ? line.length : hash), ' \t') };
}

/** Returns the id and title written in a file's YAML front matter, by a line scan. */
export function frontMatterIdTitle(text: string): { id?: string; title?: string } | undefined {
  const block = FM_BLOCK.exec(text.length > 65536 ? text.slice(0, 65536) : text);
  if (!block) return undefined;
  const out: { id?: string; title?: string } = {};
  for (const raw of block[1].split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const m = idTitleValue(line);
    const v = m?.value.trim();
    if (m && v) out[m.key] = v;
  }
  return out.id !== undefined || out.title !== undefined ? out : undefined;
}

/** An id and a title written in a file that is not a story here. */
export interface IdTitle {
  readonly id?: string;
  readonly title?: string;
}

/**
 * The ids and titles of files that are not stories here (archive, docs, decisions): references to them are not
 * "unknown" (Backlog.md keeps archived tasks and milestones resolvable), and their ids are never given out again.
 */
export class ElsewhereIds {
  private readonly ids = new MultiMap();
  private readonly names = new MultiMap();
  private readonly byPath = new Map<string, IdTitle>();

  constructor(private readonly key: (id: string) => string) {}

  clear(): void {
    this.ids.clear();
    this.names.clear();
    this.byPath.clear();
  }

  /** Sets (or, with undefined, forgets) what a path holds; returns what it held before, and whether it changed. */
  set(path: string, next: IdTitle | undefined): { old: IdTitle | undefined; changed: boolean } {
    const old = this.byPath.get(path);
    if (old?.id === next?.id && old?.title === next?.title) return { old, changed: false };
    if (old) {
      if (old.id !== undefined) {
        this.ids.delete(this.key(old.id), path);
        this.names.delete(old.id.toLowerCase(), path);
      }
      if (old.title !== undefined) this.names.delete(old.title.toLowerCase(), path);
      this.byPath.delete(path);
    }
    if (next && (next.id !== undefined || next.title !== undefined)) {
      this.byPath.set(path, next);
      if (next.id !== undefined) {
        this.ids.add(this.key(next.id), path);
        this.names.add(next.id.toLowerCase(), path);
      }
      if (next.title !== undefined) this.names.add(next.title.toLowerCase(), path);
    }
    return { old, changed: true };
  }

  /** Returns true when some file holds this id or this title. */
  has(ref: string): boolean {
    const r = ref.trim();
    return this.ids.get(this.key(r)) !== undefined || this.names.get(r.toLowerCase()) !== undefined;
  }

  /** Returns every id written in those files. */
  allIds(): string[] {
    const out: string[] = [];
    for (const v of this.byPath.values()) if (v.id !== undefined) out.push(v.id);
    return out;
  }
}
