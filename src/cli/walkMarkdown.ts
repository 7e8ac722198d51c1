import * as fs from 'node:fs';
import * as path from 'node:path';

/** Folders never walked: dependencies and version-control internals. Dot-folders are skipped too. */
const SKIPPED = new Set(['node_modules', '.git']);

/** Returns the '/'-separated paths, relative to `root`, of every `.md` file under the `starts` folders (relative to root, '' = root). */
export function walkMarkdown(root: string, starts: readonly string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const start of minimalStarts(starts)) {
    const abs = start === '' ? root : path.join(root, start);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(abs);
    } catch {
      continue; // a configured folder that does not exist simply has no files
    }
    if (stat.isFile()) {
      if (start.toLowerCase().endsWith('.md') && !seen.has(start)) {
        seen.add(start);
        out.push(start);
      }
    } else if (stat.isDirectory()) {
      walkDir(abs, start, out, seen);
    }
  }
  // Why sorted: output (files count, issue order, 'other' classification) must not depend on readdir order.
  return out.sort();
}

function walkDir(abs: string, rel: string, out: string[], seen: Set<string>): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(abs, { withFileTypes: true });
  } catch {
    return; // unreadable folder: nothing to lint there
  }
  for (const entry of entries) {
    const name = entry.name;
    const childRel = rel === '' ? name : `${rel}/${name}`;
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      // Why: follow links to files, never to folders, so a link cycle cannot hang the walk.
      try {
        const st = fs.statSync(path.join(abs, name));
        isFile = st.isFile();
        isDir = false;
      } catch {
        continue;
      }
    }
    if (isDir) {
      if (name.startsWith('.') || SKIPPED.has(name)) continue;
      walkDir(path.join(abs, name), childRel, out, seen);
    } else if (isFile && name.toLowerCase().endsWith('.md') && !seen.has(childRel)) {
      seen.add(childRel);
      out.push(childRel);
    }
  }
}

/** Returns the starts without those inside another start (so no file is listed twice). */
function minimalStarts(starts: readonly string[]): string[] {
  const norm = [...new Set(starts.map((s) => s.replace(/^\.\/?/, '').replace(/\/+$/, '')))].sort((a, b) => a.length - b.length);
  const kept: string[] = [];
  for (const s of norm) {
    if (!kept.some((k) => k === '' || s === k || s.startsWith(k + '/'))) kept.push(s);
  }
  return kept;
}

/** Returns the folder part of a glob before its first wildcard segment ('backlog/**\/*.md' -> 'backlog'); a plain file path is returned as is. */
export function globBase(glob: string): string {
  const segments = glob.replace(/^\.\//, '').split('/');
  const base: string[] = [];
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i];
    if (/[*?[\]{}!]/.test(seg)) return base.join('/');
    base.push(seg);
  }
  return base.join('/');
}
