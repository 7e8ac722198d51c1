// Minimal glob matching for backlog paths ('/' separators, relative to the root).
// Supports `**` (any number of path segments), `*` (within a segment), `?`, `{a,b}` and `[abc]` / `[!abc]`.

// Why a cache: the index classifies every upserted path against the same handful of config globs;
// compiling each glob once keeps classification to one RegExp test per glob.
const cache = new Map<string, RegExp>();

/** Returns a predicate telling whether a path matches `glob` (compiled RegExps are cached). */
export function compileGlob(glob: string): (path: string) => boolean {
  let re = cache.get(glob);
  if (!re) {
    re = new RegExp(`^${globToRegExpSource(stripDotSlash(glob))}$`);
    cache.set(glob, re);
  }
  const compiled = re;
  return (path: string) => compiled.test(stripDotSlash(path));
}

/** Returns true when `path` matches any of `globs`. */
export function matchesAny(globs: readonly string[], path: string): boolean {
  for (const g of globs) if (compileGlob(g)(path)) return true;
  return false;
}

function stripDotSlash(p: string): string {
  let s = p;
  while (s.startsWith('./')) s = s.slice(2);
  return s;
}

function escapeChar(c: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(c) ? `\\${c}` : c;
}

/** Returns the RegExp source (without anchors) for a glob. */
function globToRegExpSource(glob: string): string {
  let out = '';
  let i = 0;
  while (i < glob.length) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const atStart = i === 0 || glob[i - 1] === '/';
        const j = i + 2;
        if (atStart && glob[j] === '/') {
          // `**/`: zero or more whole segments
          out += '(?:[^/]*(?:/[^/]*)*/)?';
          i = j + 1;
          continue;
        }
        if (atStart && j === glob.length) {
          // trailing `/**` (or a lone `**`): everything below, including nothing after the slash
          if (out.endsWith('\\/')) out = `${out.slice(0, -2)}(?:/.*)?`;
          else out += '.*';
          i = j;
          continue;
        }
        out += '.*';
        i = j;
        continue;
      }
      out += '[^/]*';
      i++;
    } else if (c === '?') {
      out += '[^/]';
      i++;
    } else if (c === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close === -1) {
        out += '\\[';
        i++;
        continue;
      }
      let body = glob.slice(i + 1, close);
      let negate = false;
      if (body[0] === '!' || body[0] === '^') {
        negate = true;
        body = body.slice(1);
      }
      out += `[${negate ? '^/' : ''}${body.replace(/[\\\]^]/g, (m) => `\\${m}`)}]`;
      i = close + 1;
    } else if (c === '{') {
      const close = matchingBrace(glob, i);
      if (close === -1) {
        out += '\\{';
        i++;
        continue;
      }
      const alternatives = splitTopLevel(glob.slice(i + 1, close));
      out += `(?:${alternatives.map(globToRegExpSource).join('|')})`;
      i = close + 1;
    } else {
      out += escapeChar(c);
      i++;
    }
  }
  return out;
}

function matchingBrace(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === '{') depth++;
    else if (s[i] === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

function splitTopLevel(s: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '{') depth++;
    else if (s[i] === '}') depth--;
    else if (s[i] === ',' && depth === 0) {
      parts.push(s.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(s.slice(start));
  return parts;
}
