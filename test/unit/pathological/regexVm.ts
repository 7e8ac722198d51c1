// A test-only backtracking regular-expression VM that counts its steps.
//
// Why: V8's engine backtracks like this one but exposes no step count, and a time limit is no test. This VM explores
// the same alternatives in the same order as a backtracking engine (no memoization, greedy before lazy, alternatives
// left to right, lookbehind matched right to left), so its step count grows like V8's work: linearly for a safe
// pattern, quadratically or worse for one that re-scans. One step = one VM instruction executed.
// It covers the syntax used by Rudder and its Markdown/YAML dependencies; anything else throws UnsupportedRegex.

export class UnsupportedRegex extends Error {}
export class StepBudgetExceeded extends Error {}

type Pred = (cp: number) => boolean;
type Ast =
  | { t: 'alt'; alts: Ast[] }
  | { t: 'seq'; items: Ast[] }
  | { t: 'char'; p: Pred }
  | { t: 'assert'; kind: '^' | '$' | 'b' | 'B' }
  | { t: 'group'; cap?: number; body: Ast }
  | { t: 'look'; behind: boolean; negate: boolean; body: Ast }
  | { t: 'rep'; body: Ast; min: number; max: number; greedy: boolean }
  | { t: 'backref'; n: number | string };

const enum Op { Char, Split, Jmp, Save, Assert, Look, Mark, Progress, Backref, Match }
interface Ins { op: Op; p?: Pred; x?: number; y?: number; n?: number; kind?: string; sub?: Program; behind?: boolean; negate?: boolean; ref?: number | string }

export interface Program {
  readonly code: Ins[];
  readonly flags: { i: boolean; m: boolean; s: boolean; u: boolean; y: boolean; g: boolean };
  readonly groups: number;
  readonly names: Map<string, number>;
  readonly anchored: boolean;
  readonly regs: number;
}

const DIGIT: Pred = (c) => c >= 48 && c <= 57;
const WORD: Pred = (c) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const SPACE: Pred = (c) =>
  c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
const LINE_END: Pred = (c) => c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
const not = (p: Pred): Pred => (c) => !p(c);

class Parser {
  i = 0;
  groups = 0;
  names = new Map<string, number>();
  constructor(
    readonly src: string,
    readonly u: boolean,
    readonly dotAll: boolean,
    readonly native: (src: string, flags: string) => (s: string) => boolean,
  ) {}
  fail(what: string): never {
    throw new UnsupportedRegex(`/${this.src}/: ${what} at ${this.i}`);
  }
  peek(): string {
    return this.src[this.i];
  }
  eat(s: string): boolean {
    if (this.src.startsWith(s, this.i)) {
      this.i += s.length;
      return true;
    }
    return false;
  }
  alt(): Ast {
    const alts = [this.seq()];
    while (this.eat('|')) alts.push(this.seq());
    return alts.length === 1 ? alts[0] : { t: 'alt', alts };
  }
  seq(): Ast {
    const items: Ast[] = [];
    while (this.i < this.src.length && this.peek() !== '|' && this.peek() !== ')') items.push(this.quantified(this.atom()));
    return { t: 'seq', items };
  }
  quantified(a: Ast): Ast {
    let min: number;
    let max: number;
    const c = this.peek();
    if (c === '*') [min, max] = [0, Infinity];
    else if (c === '+') [min, max] = [1, Infinity];
    else if (c === '?') [min, max] = [0, 1];
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.i));
      if (!m) return a;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      this.i += m[0].length - 1;
    } else return a;
    this.i++;
    const greedy = !this.eat('?');
    return this.quantified({ t: 'rep', body: a, min, max, greedy });
  }
  atom(): Ast {
    const c = this.src[this.i++];
    if (c === '^' || c === '$') return { t: 'assert', kind: c };
    if (c === '.') return { t: 'char', p: this.dotAll ? () => true : not(LINE_END) };
    if (c === '[') return { t: 'char', p: this.klass() };
    if (c === '(') {
      let node: Ast;
      if (this.eat('?:')) node = { t: 'group', body: this.alt() };
      else if (this.eat('?=')) node = { t: 'look', behind: false, negate: false, body: this.alt() };
      else if (this.eat('?!')) node = { t: 'look', behind: false, negate: true, body: this.alt() };
      else if (this.eat('?<=')) node = { t: 'look', behind: true, negate: false, body: this.alt() };
      else if (this.eat('?<!')) node = { t: 'look', behind: true, negate: true, body: this.alt() };
      else if (this.eat('?<')) {
        const end = this.src.indexOf('>', this.i);
        const name = this.src.slice(this.i, end);
        this.i = end + 1;
        const cap = ++this.groups;
        this.names.set(name, cap);
        node = { t: 'group', cap, body: this.alt() };
      } else if (this.peek() === '?') this.fail('group kind');
      else {
        const cap = ++this.groups;
        node = { t: 'group', cap, body: this.alt() };
      }
      if (!this.eat(')')) this.fail('missing )');
      return node;
    }
    if (c === '\\') {
      const e = this.escape(false);
      return 'cp' in e ? { t: 'char', p: (x) => x === e.cp } : 'pred' in e ? { t: 'char', p: e.pred } : e;
    }
    if (c === ')' || c === '|') this.fail('unexpected');
    const cp = this.u ? this.src.codePointAt(this.i - 1)! : c.charCodeAt(0);
    if (cp > 0xffff) this.i++;
    return { t: 'char', p: (x) => x === cp };
  }
  /** An escape after the backslash: one code point, a class predicate, or (outside classes) an assertion or backreference. */
  escape(inClass: boolean): { cp: number } | { pred: Pred } | Ast {
    const c = this.src[this.i++];
    const ch = (cp: number) => ({ cp });
    const cls = (pred: Pred) => ({ pred });
    switch (c) {
      case 'd': return cls(DIGIT);
      case 'D': return cls(not(DIGIT));
      case 'w': return cls(WORD);
      case 'W': return cls(not(WORD));
      case 's': return cls(SPACE);
      case 'S': return cls(not(SPACE));
      case 'n': return ch(10);
      case 'r': return ch(13);
      case 't': return ch(9);
      case 'v': return ch(11);
      case 'f': return ch(12);
      case '0': return ch(0);
      case 'b': return inClass ? ch(8) : { t: 'assert', kind: 'b' };
      case 'B': return inClass ? this.fail('\\B in class') : { t: 'assert', kind: 'B' };
      case 'c': return ch(this.src.charCodeAt(this.i++) % 32);
      case 'x': {
        const v = parseInt(this.src.slice(this.i, this.i + 2), 16);
        this.i += 2;
        return ch(v);
      }
      case 'u': {
        if (this.src[this.i] === '{') {
          const end = this.src.indexOf('}', this.i);
          const v = parseInt(this.src.slice(this.i + 1, end), 16);
          this.i = end + 1;
          return ch(v);
        }
        const v = parseInt(this.src.slice(this.i, this.i + 4), 16);
        this.i += 4;
        return ch(v);
      }
      case 'p':
      case 'P': {
        const end = this.src.indexOf('}', this.i);
        const test = this.native(`\\${c}${this.src.slice(this.i, end + 1)}`, 'u');
        this.i = end + 1;
        return cls((x) => test(String.fromCodePoint(x)));
      }
      case 'k': {
        if (inClass) this.fail('\\k in class');
        const end = this.src.indexOf('>', this.i);
        const name = this.src.slice(this.i + 1, end);
        this.i = end + 1;
        return { t: 'backref', n: name };
      }
      default:
        if (c >= '1' && c <= '9' && !inClass) {
          let j = this.i;
          while (j < this.src.length && this.src[j] >= '0' && this.src[j] <= '9') j++;
          const n = Number(this.src.slice(this.i - 1, j));
          this.i = j;
          return { t: 'backref', n };
        }
        return ch(this.u ? this.src.codePointAt(this.i - 1)! : c.charCodeAt(0));
    }
  }
  klass(): Pred {
    const negate = this.eat('^');
    const parts: Pred[] = [];
    while (this.i < this.src.length && this.peek() !== ']') {
      const lo = this.classAtom();
      if (this.peek() === '-' && this.src[this.i + 1] !== ']' && typeof lo === 'number') {
        this.i++;
        const hi = this.classAtom();
        if (typeof hi !== 'number') this.fail('class range');
        parts.push((x) => x >= lo && x <= hi);
      } else parts.push(typeof lo === 'number' ? (x) => x === lo : lo);
    }
    if (!this.eat(']')) this.fail('missing ]');
    const any: Pred = (x) => {
      for (const p of parts) if (p(x)) return true;
      return false;
    };
    return negate ? not(any) : any;
  }
  /** One class member: a code point, or a predicate for a class escape. */
  classAtom(): number | Pred {
    const c = this.src[this.i++];
    if (c !== '\\') {
      const cp = this.u ? this.src.codePointAt(this.i - 1)! : c.charCodeAt(0);
      if (cp > 0xffff) this.i++;
      return cp;
    }
    const e = this.escape(true);
    if ('cp' in e) return e.cp;
    if ('pred' in e) return e.pred;
    return this.fail('escape in class');
  }
}

/** Returns a VM program for a RegExp source and flags (throws UnsupportedRegex for syntax it does not model). */
export function compileRegex(source: string, flagString: string, native: (src: string, flags: string) => (s: string) => boolean): Program {
  const flags = { i: flagString.includes('i'), m: flagString.includes('m'), s: flagString.includes('s'), u: flagString.includes('u') || flagString.includes('v'), y: flagString.includes('y'), g: flagString.includes('g') };
  const parser = new Parser(source, flags.u, flags.s, native);
  const ast = parser.alt();
  if (parser.i !== source.length) parser.fail('trailing input');
  let regs = 0;
  const emit = (node: Ast, code: Ins[], backward: boolean): void => {
    switch (node.t) {
      case 'seq': {
        const items = backward ? [...node.items].reverse() : node.items;
        for (const n of items) emit(n, code, backward);
        return;
      }
      case 'alt': {
        const jumps: Ins[] = [];
        node.alts.forEach((a, k) => {
          if (k < node.alts.length - 1) {
            const split: Ins = { op: Op.Split, x: code.length + 1 };
            code.push(split);
            emit(a, code, backward);
            const j: Ins = { op: Op.Jmp };
            code.push(j);
            jumps.push(j);
            split.y = code.length;
          } else emit(a, code, backward);
        });
        for (const j of jumps) j.x = code.length;
        return;
      }
      case 'char':
        code.push({ op: Op.Char, p: asciiTable(flags.i ? caseless(node.p) : node.p), behind: backward });
        return;
      case 'assert':
        code.push({ op: Op.Assert, kind: node.kind });
        return;
      case 'group':
        if (node.cap !== undefined) code.push({ op: Op.Save, n: node.cap * 2 + (backward ? 1 : 0) });
        emit(node.body, code, backward);
        if (node.cap !== undefined) code.push({ op: Op.Save, n: node.cap * 2 + (backward ? 0 : 1) });
        return;
      case 'look': {
        const sub: Ins[] = [];
        emit(node.body, sub, node.behind);
        sub.push({ op: Op.Match });
        code.push({ op: Op.Look, behind: node.behind, negate: node.negate, sub: { ...program, code: sub } });
        return;
      }
      case 'backref':
        code.push({ op: Op.Backref, ref: node.n, behind: backward });
        return;
      case 'rep': {
        for (let k = 0; k < node.min; k++) emit(node.body, code, backward);
        if (node.max === Infinity) {
          const reg = regs++;
          const split: Ins = { op: Op.Split };
          const top = code.length;
          code.push(split);
          code.push({ op: Op.Mark, n: reg });
          emit(node.body, code, backward);
          code.push({ op: Op.Progress, n: reg });
          code.push({ op: Op.Jmp, x: top });
          [split.x, split.y] = node.greedy ? [top + 1, code.length] : [code.length, top + 1];
        } else {
          const exits: Ins[] = [];
          for (let k = node.min; k < node.max; k++) {
            const split: Ins = { op: Op.Split };
            code.push(split);
            exits.push(split);
            const body = code.length;
            emit(node.body, code, backward);
            (split as { body?: number }).body = body;
          }
          for (const s of exits) {
            const body = (s as { body?: number }).body!;
            [s.x, s.y] = node.greedy ? [body, code.length] : [code.length, body];
          }
        }
        return;
      }
    }
  };
  const code: Ins[] = [];
  const program: Program = { code, flags, groups: parser.groups, names: parser.names, anchored: !flags.m && startsAnchored(ast), regs: 0 };
  emit(ast, code, false);
  code.push({ op: Op.Match });
  (program as { regs: number }).regs = regs;
  return program;
}

// Why a table: the VM tests one predicate per step; ASCII answers come from 128 precomputed bits.
function asciiTable(p: Pred): Pred {
  const t = new Uint8Array(128);
  for (let c = 0; c < 128; c++) t[c] = p(c) ? 1 : 0;
  return (c) => (c < 128 ? t[c] === 1 : p(c));
}

function caseless(p: Pred): Pred {
  return (c) => {
    if (p(c)) return true;
    if (c < 128) {
      const other = c >= 65 && c <= 90 ? c + 32 : c >= 97 && c <= 122 ? c - 32 : -1;
      return other !== -1 && p(other);
    }
    const s = String.fromCodePoint(c);
    const lo = s.toLowerCase().codePointAt(0)!;
    const up = s.toUpperCase().codePointAt(0)!;
    return (lo !== c && p(lo)) || (up !== c && p(up));
  };
}

function startsAnchored(a: Ast): boolean {
  if (a.t === 'assert') return a.kind === '^';
  if (a.t === 'alt') return a.alts.every(startsAnchored);
  if (a.t === 'seq') return a.items.length > 0 && startsAnchored(a.items[0]);
  if (a.t === 'group') return startsAnchored(a.body);
  return false;
}

export interface Meter {
  steps: number;
  readonly cap: number;
}

/** Returns the index where a search from `from` finds a match (-1 when none), adding its steps to the meter. */
export function search(prog: Program, s: string, from: number, meter: Meter): number {
  // A failed attempt undoes every register write it made, so both arrays are back to -1 for the next start.
  const caps = new Array<number>((prog.groups + 1) * 2).fill(-1);
  const marks = new Array<number>(prog.regs).fill(-1);
  const last = prog.flags.y || prog.anchored ? from : s.length;
  for (let i = from; i <= last; i++) {
    if (prog.anchored && i !== 0) return -1;
    if (run(prog, s, i, caps, marks, meter) !== -1) return i;
    if (prog.flags.u && i < s.length && isHigh(s.charCodeAt(i)) && isLow(s.charCodeAt(i + 1))) i++;
  }
  return -1;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

// Backtrack stack entries: [pc, pos] to resume, or [-1 - reg, old] to undo a register write (caps then marks).
function run(prog: Program, s: string, start: number, caps: number[], marks: number[], meter: Meter): number {
  const { code, flags } = prog;
  const stack: number[] = [];
  let pc = 0;
  let pos = start;
  const ncaps = caps.length;
  const setReg = (r: number, v: number): void => {
    const old = r < ncaps ? caps[r] : marks[r - ncaps];
    stack.push(-1 - r, old);
    if (r < ncaps) caps[r] = v;
    else marks[r - ncaps] = v;
  };
  const wordAt = (k: number) => k >= 0 && k < s.length && WORD(s.charCodeAt(k));
  for (;;) {
    if (++meter.steps > meter.cap) throw new StepBudgetExceeded(`more than ${meter.cap} steps`);
    const ins = code[pc];
    let ok = true;
    switch (ins.op) {
      case Op.Match:
        return pos;
      case Op.Char: {
        if (ins.behind) {
          if (pos <= 0) ok = false;
          else {
            let cp = s.charCodeAt(pos - 1);
            let w = 1;
            if (flags.u && isLow(cp) && pos >= 2 && isHigh(s.charCodeAt(pos - 2))) [cp, w] = [s.codePointAt(pos - 2)!, 2];
            if (ins.p!(cp)) pos -= w;
            else ok = false;
          }
        } else if (pos >= s.length) ok = false;
        else {
          const cp = flags.u ? s.codePointAt(pos)! : s.charCodeAt(pos);
          if (ins.p!(cp)) pos += cp > 0xffff ? 2 : 1;
          else ok = false;
        }
        if (ok) pc++;
        break;
      }
      case Op.Split:
        stack.push(ins.y!, pos);
        pc = ins.x!;
        break;
      case Op.Jmp:
        pc = ins.x!;
        break;
      case Op.Save:
        setReg(ins.n!, pos);
        pc++;
        break;
      case Op.Mark:
        setReg(ncaps + ins.n!, pos);
        pc++;
        break;
      case Op.Progress:
        if (marks[ins.n!] === pos) ok = false;
        else pc++;
        break;
      case Op.Assert: {
        const k = ins.kind;
        if (k === '^') ok = pos === 0 || (flags.m && LINE_END(s.charCodeAt(pos - 1)));
        else if (k === '$') ok = pos === s.length || (flags.m && LINE_END(s.charCodeAt(pos)));
        else ok = (wordAt(pos - 1) !== wordAt(pos)) === (k === 'b');
        if (ok) pc++;
        break;
      }
      case Op.Look: {
        const sub = ins.sub!;
        // Lookarounds use their own registers, so sharing the arrays is safe; captures made inside are kept, as in JS.
        const found = run(sub, s, pos, caps, marks, meter) !== -1;
        ok = found !== ins.negate;
        if (ok) pc++;
        break;
      }
      case Op.Backref: {
        const n = typeof ins.ref === 'string' ? prog.names.get(ins.ref)! : ins.ref!;
        const a = caps[n * 2];
        const b = caps[n * 2 + 1];
        if (a >= 0 && b >= 0) {
          const len = b - a;
          const at = ins.behind ? pos - len : pos;
          meter.steps += len;
          const same = at >= 0 && at + len <= s.length && (flags.i ? s.slice(at, at + len).toLowerCase() === s.slice(a, b).toLowerCase() : s.startsWith(s.slice(a, b), at));
          if (same) pos = ins.behind ? at : at + len;
          else ok = false;
        }
        if (ok) pc++;
        break;
      }
    }
    if (ok) continue;
    // Backtrack: undo register writes until a resume point.
    for (;;) {
      if (stack.length === 0) return -1;
      const b = stack.pop()!;
      const a = stack.pop()!;
      if (a < 0) {
        const r = -1 - a;
        if (r < ncaps) caps[r] = b;
        else marks[r - ncaps] = b;
        continue;
      }
      pc = a;
      pos = b;
      break;
    }
  }
}
