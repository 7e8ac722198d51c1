// Glob matching for backlog paths ('/' separators, relative to the root), in time linear in the path.
// Supports `**` (any number of path segments), `*` (within a segment), `?`, `{a,b}` (nested allowed) and
// `[abc]` / `[!abc]`. A glob is compiled to a small automaton (one state per glob character, roughly) and a path is
// matched by walking all live states at once, one path character at a time: no backtracking, so the work is at most
// (path length + 1) × (automaton size), whatever the glob. A RegExp would backtrack exponentially on `**/**/**/…`.

/** Counts the work of a match (automaton transitions examined), for tests that bound it. */
export interface GlobSteps {
  steps: number;
}

type CharTest = (c: number) => boolean;

interface Automaton {
  /** Epsilon moves of each state. */
  readonly eps: number[][];
  /** Consuming moves of each state: test, target. */
  readonly moves: { test: CharTest; to: number }[][];
  readonly start: number;
  readonly accept: number;
  /** The live-state sets met so far, by their sorted states (see run). */
  readonly sets: Map<string, LiveSet>;
  initial?: LiveSet;
}

const SLASH = 47;
const ANY: CharTest = () => true;
const NOT_SLASH: CharTest = (c) => c !== SLASH;

// Why a cache: the index classifies every upserted path against the same handful of config globs; each is compiled
// once. Why a bound: globs come from configuration, but a long-running session may see many configurations.
const MAX_CACHED = 256;
const cache = new Map<string, Automaton>();

/** Returns a predicate telling whether a path matches `glob` (compiled automata are cached); `steps` counts its work. */
export function compileGlob(glob: string): (path: string, steps?: GlobSteps) => boolean {
  const automaton = automatonOf(glob);
  return (path: string, steps?: GlobSteps) => run(automaton, stripDotSlash(path), steps);
}

function automatonOf(glob: string): Automaton {
  let a = cache.get(glob);
  if (!a) {
    a = buildAutomaton(stripDotSlash(glob));
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(glob, a);
  }
  return a;
}

/** Returns true when `path` matches `glob` (as `compileGlob(glob)(path)`, without making the predicate). */
export function matchesGlob(glob: string, path: string): boolean {
  return run(automatonOf(glob), stripDotSlash(path));
}

/** Returns true when `path` matches any of `globs`. */
export function matchesAny(globs: readonly string[], path: string): boolean {
  for (const g of globs) if (matchesGlob(g, path)) return true;
  return false;
}

function stripDotSlash(p: string): string {
  let i = 0;
  while (p.startsWith('./', i)) i += 2;
  return i === 0 ? p : p.slice(i);
}

class Builder {
  readonly eps: number[][] = [];
  readonly moves: { test: CharTest; to: number }[][] = [];
  state(): number {
    this.eps.push([]);
    this.moves.push([]);
    return this.eps.length - 1;
  }
  /** Returns a new state reached from `from` by one character passing `test`. */
  step(from: number, test: CharTest): number {
    const to = this.state();
    this.moves[from].push({ test, to });
    return to;
  }
  /** Returns a new state reached from `from` by any number of characters passing `test` (a fresh looping state). */
  loop(from: number, test: CharTest): number {
    const s = this.state();
    this.eps[from].push(s);
    this.moves[s].push({ test, to: s });
    return s;
  }
}

interface Group {
  /** The state before the group: every alternative starts there. */
  readonly branch: number;
  readonly join: number;
  /** Index of the closing brace. */
  readonly close: number;
  /** Index where the current alternative starts, and where it ends (its ',' or the closing brace). */
  altStart: number;
  altEnd: number;
}

function buildAutomaton(glob: string): Automaton {
  const b = new Builder();
  const start = b.state();
  const closeOf = matchBraces(glob);
  const nextBracket = nextIndexes(glob, ']');
  // Why a stack and not recursion: a glob from a config file may nest braces thousands deep.
  const groups: Group[] = [];
  const top = (): Group | undefined => groups[groups.length - 1];
  /** Returns where the alternative starting at `from` ends: the group's next ',' at its own level, or its '}'. */
  const alternativeEnd = (from: number, close: number): number => {
    let k = from;
    while (k < close && glob[k] !== ',') k = glob[k] === '{' && closeOf[k] !== -1 ? closeOf[k] + 1 : k + 1;
    return k;
  };
  let cur = start;
  // The states around the last literal '/' of this alternative, so a trailing `/**` also matches the folder itself.
  let beforeSlash = -1;
  let afterSlash = -1;
  let segmentFrom = 0;
  let i = 0;
  while (i < glob.length) {
    const g = top();
    if (g && (i === g.close || i === g.altEnd)) {
      b.eps[cur].push(g.join);
      afterSlash = -1;
      if (i === g.close) {
        groups.pop();
        cur = g.join;
        const outer = top();
        segmentFrom = outer ? outer.altStart : 0;
      } else {
        cur = g.branch;
        g.altStart = segmentFrom = i + 1;
        g.altEnd = alternativeEnd(i + 1, g.close);
      }
      i++;
      continue;
    }
    const end = g ? g.altEnd : glob.length;
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      const atStart = i === segmentFrom || glob[i - 1] === '/';
      const j = i + 2;
      if (atStart && glob[j] === '/' && j < end) {
        // `**/`: zero or more whole segments, i.e. nothing or anything that ends with '/'.
        const next = b.state();
        b.eps[cur].push(next);
        const any = b.loop(cur, ANY);
        b.moves[any].push({ test: (x) => x === SLASH, to: next });
        cur = next;
        i = j + 1;
      } else if (atStart && j === end && afterSlash === cur) {
        // Trailing `/**`: everything below the folder, and the folder itself.
        const next = b.state();
        b.eps[beforeSlash].push(next);
        b.eps[b.loop(cur, ANY)].push(next);
        cur = next;
        i = j;
      } else {
        cur = b.loop(cur, ANY);
        i = j;
      }
      continue;
    }
    if (c === '[' && i + 2 < glob.length && nextBracket[i + 2] < end) {
      const close = nextBracket[i + 2];
      cur = b.step(cur, classTest(glob.slice(i + 1, close)));
      i = close + 1;
      continue;
    }
    if (c === '{' && closeOf[i] !== -1) {
      const close = closeOf[i];
      const group: Group = { branch: cur, join: b.state(), close, altStart: i + 1, altEnd: alternativeEnd(i + 1, close) };
      groups.push(group);
      segmentFrom = i + 1;
      afterSlash = -1;
      i++;
      continue;
    }
    if (c === '*') cur = b.loop(cur, NOT_SLASH);
    else if (c === '?') cur = b.step(cur, NOT_SLASH);
    else {
      const code = glob.charCodeAt(i);
      const before = cur;
      cur = b.step(cur, (x) => x === code);
      if (code === SLASH) [beforeSlash, afterSlash] = [before, cur];
    }
    i++;
  }
  return { eps: b.eps, moves: b.moves, start, accept: cur, sets: new Map() };
}

/** Returns, for each '{', the index of its closing '}' (-1 when unclosed), in one pass. */
function matchBraces(s: string): Int32Array {
  const out = new Int32Array(s.length).fill(-1);
  const open: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '{') open.push(i);
    else if (s[i] === '}' && open.length) out[open.pop()!] = i;
  }
  return out;
}

/** Returns, for each index, the first index at or after it holding `ch` (s.length when none). */
function nextIndexes(s: string, ch: string): Int32Array {
  const out = new Int32Array(s.length + 1).fill(s.length);
  for (let i = s.length - 1; i >= 0; i--) out[i] = s[i] === ch ? i : out[i + 1];
  return out;
}

/** Returns the test of a bracket expression's body (`abc`, `a-z`, `!abc`); a negated class never matches '/'. */
function classTest(body: string): CharTest {
  const negate = body[0] === '!' || body[0] === '^';
  const s = negate ? body.slice(1) : body;
  const ranges: [number, number][] = [];
  for (let k = 0; k < s.length; k++) {
    const lo = s.charCodeAt(k);
    if (s[k + 1] === '-' && k + 2 < s.length) {
      ranges.push([lo, s.charCodeAt(k + 2)]);
      k += 2;
    } else ranges.push([lo, lo]);
  }
  const inSet = (x: number) => ranges.some(([lo, hi]) => x >= lo && x <= hi);
  return negate ? (x) => x !== SLASH && !inSet(x) : inSet;
}

/** One set of live states, with the sets it leads to by each character seen so far (a DFA built lazily). */
interface LiveSet {
  readonly states: readonly number[];
  readonly accepting: boolean;
  /** The next set by character code: in an array for ASCII (paths are mostly ASCII; an array index is cheaper than a map lookup), else in a map. */
  readonly ascii: (LiveSet | undefined)[];
  readonly next: Map<number, LiveSet>;
}

// Why a bound: each distinct set of live states is remembered with its transitions, so paths with the same shape
// cost one map lookup per character. A hostile glob could make exponentially many sets; past this many, matching
// goes on without remembering (still linear in the path).
const MAX_LIVE_SETS = 2000;

/** Returns whether the automaton accepts `path`: all live states advance together, one character at a time. */
function run(a: Automaton, path: string, steps?: GlobSteps): boolean {
  const work = { steps: 0 };
  let cur = a.initial ?? (a.initial = liveSet(a, closure(a, [a.start], work), false));
  for (let k = 0; k < path.length && cur.states.length > 0; k++) {
    const code = path.charCodeAt(k);
    work.steps++;
    let next = code < 128 ? cur.ascii[code] : cur.next.get(code);
    if (!next) {
      const states = advance(a, cur.states, code, work);
      next = liveSet(a, states, true);
      if (a.sets.size < MAX_LIVE_SETS) {
        if (code < 128) cur.ascii[code] = next;
        else cur.next.set(code, next);
      }
    }
    cur = next;
  }
  if (steps) steps.steps += work.steps;
  return cur.accepting;
}

/** Returns the remembered set for these states, creating (and remembering, within the bound) a new one. */
function liveSet(a: Automaton, states: number[], remember: boolean): LiveSet {
  const key = states.join(',');
  const known = a.sets.get(key);
  if (known) return known;
  const set: LiveSet = { states, accepting: states.includes(a.accept), ascii: [], next: new Map() };
  if (!remember || a.sets.size < MAX_LIVE_SETS) a.sets.set(key, set);
  return set;
}

/** Returns the sorted states reached from `states` by one character. */
function advance(a: Automaton, states: readonly number[], code: number, work: GlobSteps): number[] {
  const targets: number[] = [];
  for (const s of states) {
    for (const m of a.moves[s]) {
      work.steps++;
      if (m.test(code)) targets.push(m.to);
    }
  }
  return closure(a, targets, work);
}

/** Returns the sorted states reachable from `from` by epsilon moves (an explicit stack: chains may be long). */
function closure(a: Automaton, from: readonly number[], work: GlobSteps): number[] {
  const seen = new Set<number>();
  const stack = [...from];
  while (stack.length) {
    const t = stack.pop()!;
    work.steps++;
    if (seen.has(t)) continue;
    seen.add(t);
    for (const e of a.eps[t]) if (!seen.has(e)) stack.push(e);
  }
  return [...seen].sort((x, y) => x - y);
}
