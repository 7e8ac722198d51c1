// The glob compiler Rudder used until it was replaced by the automaton in src/core/glob/matchGlob.ts, kept as the
// oracle of the differential test: the new matcher must agree with it wherever it finishes. Do not use it elsewhere:
// its RegExp backtracks exponentially on `**/**/…`.

/** Returns the anchored RegExp the old compiler made for a glob. */
export function oldGlobRegExp(glob: string): RegExp {
  return new RegExp(`^${globToRegExpSource(stripDotSlash(glob))}$`);
}

/** Returns the path without leading `./`, as the old compiler did. */
export function stripDotSlash(p: string): string {
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
