import type { Position, Range } from '../model/range';
import type { Goal, Iteration, Milestone, Story } from '../model/story';
import type { BacklogIndex } from '../index/backlogIndex';
import { FIELDS, type Reference } from '../model/fields';
import { frontMatterBounds, frontMatterTokens } from './frontMatterContext';

/** Front-matter keys whose values name other items (stories, goals, milestones, iterations). */
export const REFERENCE_KEYS: Readonly<Record<string, Reference>> = Object.fromEntries(
  // An alias of `epic` (Backlog.md's `parent_task_id`) may name any task, not only an epic.
  FIELDS.flatMap((f) => (f.references ? [[f.key, f.references], ...f.aliases.map((a) => [a, f.references === 'epic' ? 'story' : f.references])] : [])),
);

/** An id written in a file: a front-matter value or a body reference such as `#S-12`. */
export interface IdOccurrence {
  readonly id: string;
  /** Range of the id itself (without a leading `#` or quotes). */
  readonly range: Range;
  /** The front-matter key it is the value of; undefined in the body. */
  readonly key?: string;
}

/** What an id names in the backlog. */
export interface ResolvedId {
  readonly stories: readonly Story[];
  readonly goal?: Goal;
  readonly milestone?: Milestone;
  readonly iteration?: Iteration;
}

// Body references: `S-12`, `#S-12`, `BACK-200`, `task-24.1`, `M1`, `G1` — a letter-led word ending in digits.
// Only ids the backlog knows count, so ordinary words like `utf8` are dropped by resolution, not here.
// Why a scan and not /(?<![\w/#.-])#?([A-Za-z]\w*-?\d+(?:\.\d+)*)(?![\w-]|\.\d)/g: `\w*` and `\d+` share the digits,
// so a long word of digits was split in every way before failing (quadratic in the word's length).
const isWord = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isDigit = (c: number) => c >= 48 && c <= 57;
const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** Returns the id mentions of one line: where each starts (after an optional '#') and its text. */
export function idMentions(line: string): { index: number; id: string }[] {
  const out: { index: number; id: string }[] = [];
  const at = (k: number) => (k < line.length ? line.charCodeAt(k) : -1);
  let p = 0;
  while (p < line.length) {
    const prev = p > 0 ? line[p - 1] : '';
    const start = line[p] === '#' ? p + 1 : p;
    if ((prev !== '' && (isWord(prev.charCodeAt(0)) || '/#.-'.includes(prev))) || !isLetter(at(start))) {
      p++;
      continue;
    }
    // The word: a letter, then letters, digits and underscores; the id needs digits at its end or after one '-'.
    let end = start + 1;
    while (isWord(at(end))) end++;
    if (at(end) === 45 /* - */ && isDigit(at(end + 1))) {
      end++;
      while (isDigit(at(end))) end++;
    } else if (!(end - start >= 2 && isDigit(at(end - 1)))) {
      p = end;
      continue;
    }
    while (at(end) === 46 /* . */ && isDigit(at(end + 1))) {
      end += 2;
      while (isDigit(at(end))) end++;
    }
    // What follows must not continue the word (`S-12x`, `S-12-b`); a '.' followed by a digit was taken above.
    if (isWord(at(end)) || at(end) === 45) {
      p = end;
      continue;
    }
    out.push({ index: start, id: line.slice(start, end) });
    p = end;
  }
  return out;
}

/** Returns the candidate id references in the Markdown body (fenced code and inline code skipped). */
export function bodyIdCandidates(text: string): IdOccurrence[] {
  const b = frontMatterBounds(text);
  const lines = text.split('\n');
  let start = 0;
  if (b) start = b.closeLine === -1 ? lines.length : b.closeLine + 1;
  const out: IdOccurrence[] = [];
  let fence: string | undefined;
  for (let i = start; i < lines.length; i++) {
    const line = lines[i].endsWith('\r') ? lines[i].slice(0, -1) : lines[i];
    const f = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence !== undefined) {
      if (f && f[1][0] === fence[0] && f[1].length >= fence.length && line.trim() === f[1]) fence = undefined;
      continue;
    }
    if (f) {
      fence = f[1];
      continue;
    }
    if (/^( {4}|\t)/.test(line) && (i === start || lines[i - 1].trim() === '')) continue; // indented code block
    const masked = line.replace(/`+[^`]*`+/g, (m) => ' '.repeat(m.length));
    for (const m of idMentions(masked)) {
      out.push({ id: m.id, range: { start: { line: i, character: m.index }, end: { line: i, character: m.index + m.id.length } } });
    }
  }
  return out;
}

/** Returns the front-matter reference values (epic, depends_on, vision, ...) of a text. */
export function frontMatterReferences(text: string): IdOccurrence[] {
  return frontMatterTokens(text)
    .filter((t) => REFERENCE_KEYS[t.key] !== undefined)
    .map((t) => ({ id: t.value, range: t.range, key: t.key }));
}

/** Returns what an id names: stories with that id, the vision goal, the milestone, the iteration (any may be empty). */
export function resolveId(index: BacklogIndex, id: string): ResolvedId {
  const stories = index.byId(id);
  const goal = index.vision()?.goals.find((g) => g.id === id);
  const milestone = index.milestone(id);
  const iteration = index.iteration(id);
  return { stories, goal, milestone, iteration };
}

/** Returns true when an id names something in the backlog. */
export function isKnownId(index: BacklogIndex, id: string): boolean {
  const r = resolveId(index, id);
  return r.stories.length > 0 || r.goal !== undefined || r.milestone !== undefined || r.iteration !== undefined;
}

/** Returns the id under `position`: a front-matter value (including `id:` itself) or a known body reference. */
export function idAt(index: BacklogIndex, text: string, position: Position): IdOccurrence | undefined {
  const inRange = (r: Range) => r.start.line === position.line && r.start.character <= position.character && position.character <= r.end.character;
  for (const t of frontMatterTokens(text)) {
    if ((REFERENCE_KEYS[t.key] !== undefined || t.key === 'id') && inRange(t.range)) return { id: t.value, range: t.range, key: t.key };
  }
  for (const o of bodyIdCandidates(text)) {
    if (inRange(o.range) && isKnownId(index, o.id)) return o;
  }
  return undefined;
}

/** Returns the known ids referenced in a file: front-matter reference values and body references. */
export function knownReferences(index: BacklogIndex, text: string): IdOccurrence[] {
  return [...frontMatterReferences(text), ...bodyIdCandidates(text)].filter((o) => isKnownId(index, o.id));
}
