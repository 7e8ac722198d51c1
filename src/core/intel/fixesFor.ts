import { detectEol as eolOf } from '../model/lineBreaks';
import type { Fix, Issue } from '../model/issue';
import type { FileEdit, Range, TextEdit } from '../model/range';
import type { Goal, Story } from '../model/story';
import type { BacklogIndex } from '../index/backlogIndex';
import { splitTrailingNumber } from '../index/idKey';
import { addListItem, quoteValue, removeField, removeListItem, setField } from '../edits/frontMatterEdits';
import { editDistance, suggestNearestId } from '../config/suggestNearest';
import { applyEdits } from '../edits/applyEdits';
import { insertAcceptanceCriteriaSection } from '../edits/bodyEdits';
import { frontMatterBounds, frontMatterTokens, type FrontMatterToken } from './frontMatterContext';
import { keysWhere } from '../model/fields';

/** A fix, plus where to put the cursor once it is applied (a position in the file's new text). */
export interface IntelFix extends Fix {
  readonly selection?: { readonly path: string; readonly range: Range };
}

const LIST_KEYS = new Set(keysWhere((f) => f.shape === 'list'));

/** Returns the fixes for one issue: the core's own, then the ones computed here that the core did not already supply. */
export function fixesFor(index: BacklogIndex, issue: Issue): IntelFix[] {
  const own: IntelFix[] = [...(issue.fixes ?? [])];
  const text = index.text(issue.path);
  if (text === undefined) return own;
  const extra = extraFixes(index, issue, text);
  // Two fixes are the same when they produce the same files; the core's wins (it keeps its title and isPreferred).
  const seen = new Set(own.map((f) => fixSignature(f, issue.path, text)));
  for (const f of extra) {
    // An editor-enhanced fix (it places the cursor) replaces the core fix it improves on (same insertion, or the bare criteria section).
    const same = f.selection ? own.findIndex((o) => insertsAt(o, f) || (issue.code === 'missing-acceptance-criteria' && /acceptance criteria/i.test(o.title))) : -1;
    if (same !== -1) {
      own[same] = { ...f, isPreferred: own[same].isPreferred ?? f.isPreferred };
      seen.add(fixSignature(f, issue.path, text));
      continue;
    }
    const sig = fixSignature(f, issue.path, text);
    if (!seen.has(sig)) {
      seen.add(sig);
      own.push(f);
    }
  }
  if (own.filter((f) => f.isPreferred).length > 1) {
    let first = true;
    return own.map((f) => {
      if (!f.isPreferred) return f;
      const keep = first;
      first = false;
      return keep ? f : { ...f, isPreferred: false };
    });
  }
  return own;
}

/** Returns true when two fixes are single insertions at the same position of the same file. */
function insertsAt(a: Fix, b: Fix): boolean {
  const one = (f: Fix) => (f.edits.length === 1 && f.edits[0].edits.length === 1 ? { path: f.edits[0].path, e: f.edits[0].edits[0] } : undefined);
  const x = one(a);
  const y = one(b);
  const empty = (r: Range) => r.start.line === r.end.line && r.start.character === r.end.character;
  return !!x && !!y && x.path === y.path && empty(x.e.range) && empty(y.e.range) && x.e.range.start.line === y.e.range.start.line && x.e.range.start.character === y.e.range.start.character;
}

/** Returns a string identifying what a fix does (the resulting text of the issue's file, and the other files' edits). */
function fixSignature(f: Fix, path: string, text: string): string {
  return f.edits
    .map((e) => (e.path === path && !e.create ? `${path}=>${applyEdits(text, e.edits)}` : `${e.path}${e.create ? '+' : ''}:${JSON.stringify(e.edits)}`))
    .join('\n');
}

/** Returns the fixes this module computes for an issue (may be empty). */
function extraFixes(index: BacklogIndex, issue: Issue, text: string): IntelFix[] {
  const story = index.story(issue.path);
  const token = tokenAt(text, issue.range);
  switch (issue.code) {
    case 'missing-acceptance-criteria':
      return !story || story.acceptanceCriteria ? [] : [acceptanceCriteriaFix(issue.path, text, story)];
    case 'missing-vision-link':
      return story ? visionLinkFixes(index, story, text) : [];
    case 'invalid-field': {
      if (!token) return [];
      const options =
        token.key === 'status' ? index.config.statuses : token.key === 'priority' ? index.config.priorities : token.key === 'type' ? ['story', 'epic', 'bug', 'spike', 'task'] : undefined;
      const f = options && nearestValueFix(issue.path, text, token, options);
      return f ? [f] : [];
    }
    case 'front-matter-syntax': {
      const f = quoteValueFix(issue.path, text, issue.range.start.line);
      return f ? [f] : [];
    }
    case 'duplicate-id':
    case 'missing-id': {
      const current = story?.id ?? (token?.key === 'id' ? token.value : undefined);
      const id = freshId(index, current ?? `${index.config.idPrefix}1`);
      return [fix(`Give this story the fresh id ${id}`, issue.path, setField(text, 'id', id), issue.code === 'missing-id')];
    }
    case 'unknown-vision-goal': {
      if (!token) return [];
      const goals = index.vision()?.goals.map((g) => g.id) ?? [];
      const out: IntelFix[] = [];
      const near = suggestNearestId(token.value, goals);
      if (near) out.push(replaceTokenFix(issue.path, token, near, true));
      const create = createGoalFix(index, token.value);
      if (create) out.push(create);
      out.push(removeReferenceFix(issue.path, text, token));
      return out;
    }
    case 'unknown-reference': {
      if (!token) return [];
      const out: IntelFix[] = [];
      const ids = token.key === 'milestone' ? index.milestones().map((m) => m.id) : index.stories().flatMap((s) => (s.id ? [s.id] : []));
      const near = suggestNearestId(token.value, ids);
      if (near) out.push(replaceTokenFix(issue.path, token, near, true));
      if (token.key === 'milestone') {
        const create = createMilestoneFix(index, token.value);
        if (create) out.push(create);
      }
      out.push(removeReferenceFix(issue.path, text, token));
      return out;
    }
    default:
      return [];
  }
}

/** Returns the front-matter value token overlapping `range` (or on its line). */
function tokenAt(text: string, range: Range): FrontMatterToken | undefined {
  const tokens = frontMatterTokens(text).filter((t) => t.range.start.line === range.start.line);
  return (
    tokens.find((t) => t.range.start.character <= range.end.character && range.start.character <= t.range.end.character && range.end.character > range.start.character) ??
    tokens.find((t) => t.range.start.character <= range.start.character && range.start.character <= t.range.end.character) ??
    tokens[0]
  );
}

function fix(title: string, path: string, edits: readonly TextEdit[], isPreferred = false, more: FileEdit[] = []): IntelFix {
  return { title, edits: [{ path, edits }, ...more], isPreferred };
}



/** Returns the fix that adds an acceptance criteria section with a Given/When/Then criterion (placed by the edits module: after the user story, else at the end); the selection covers the template. */
export function acceptanceCriteriaFix(path: string, text: string, story: Story): IntelFix {
  const r = insertAcceptanceCriteriaSection(text, story);
  return {
    title: 'Add an acceptance criteria section (Given/When/Then)',
    edits: [{ path, edits: r.edits }],
    isPreferred: true,
    selection: { path, range: r.selection ?? { start: r.cursor, end: r.cursor } },
  };
}

const STOP_WORDS = new Set('the and for with that this from into their your our are can has have not all any its was were will when then than what who why how want wants able user users story'.split(' '));

/** Returns the lower-cased content words of a text (3+ letters, no stop words). */
function wordsOf(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of text.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? []) {
    if (STOP_WORDS.has(w)) continue;
    out.add(w.length > 4 && w.endsWith('s') ? w.slice(0, -1) : w);
  }
  return out;
}

/** Returns the goals ordered by how many content words their title and metric share with the story (title, user story, epic title); ties keep vision order. */
export function rankGoals(index: BacklogIndex, story: Story, goals: readonly Goal[]): Goal[] {
  const epic = story.epic ? index.byId(story.epic)[0] : undefined;
  const words = wordsOf([story.title, story.userStory?.text ?? '', epic?.title ?? ''].join(' '));
  const scored = goals.map((g, i) => {
    let overlap = 0;
    for (const w of wordsOf(`${g.title} ${g.metric ?? ''}`)) if (words.has(w)) overlap++;
    return { g, i, overlap };
  });
  scored.sort((a, b) => b.overlap - a.overlap || a.i - b.i);
  return scored.map((s) => s.g);
}

/** Returns one "link to goal" fix per vision goal, best guesses first. */
export function visionLinkFixes(index: BacklogIndex, story: Story, text: string): IntelFix[] {
  const goals = index.vision()?.goals ?? [];
  return rankGoals(index, story, goals).map((g) => {
    const edits = story.vision.length > 0 ? addListItem(text, 'vision', g.id) : setField(text, 'vision', g.id);
    return fix(`Link to vision goal ${g.id}: ${g.title}`, story.path, edits);
  });
}

/** Returns the candidate closest to `value` (case, spaces and underscores ignored), with its distance. */
export function nearest(value: string, candidates: readonly string[]): { value: string; distance: number } | undefined {
  const norm = (s: string) => s.toLowerCase().replace(/[\s_]+/g, '-');
  let best: { value: string; distance: number } | undefined;
  for (const c of candidates) {
    const d = editDistance(norm(value), norm(c));
    if (!best || d < best.distance) best = { value: c, distance: d };
  }
  return best;
}

/** Returns the fix replacing an invalid enum value with the nearest valid one (preferred when it is a near miss). */
export function nearestValueFix(path: string, text: string, token: FrontMatterToken, options: readonly string[]): IntelFix | undefined {
  const near = nearest(token.value, options);
  if (!near || near.value === token.value) return undefined;
  const preferred = near.distance <= Math.max(2, Math.floor(token.value.length / 3));
  return { ...replaceTokenFix(path, token, near.value, preferred), title: `Change ${token.key} to '${near.value}'` };
}

function replaceTokenFix(path: string, token: FrontMatterToken, value: string, isPreferred: boolean): IntelFix {
  return fix(`Replace '${token.value}' with '${value}'`, path, [{ range: token.range, newText: value }], isPreferred);
}

/** Returns the fix that quotes the value (or list item) on `line` when YAML cannot read it unquoted (the `assignee: @someone` case). */
export function quoteValueFix(path: string, text: string, line: number): IntelFix | undefined {
  const b = frontMatterBounds(text);
  if (!b || line < b.contentStartLine || (b.closeLine !== -1 && line >= b.closeLine)) return undefined;
  const edits = quoteValue(text, line);
  if (edits.length === 0) return undefined;
  const value = edits.map((e) => e.newText).join(', ');
  return fix(`Quote the value: ${value}`, path, edits, true);
}

/** Returns an id that no story has: the same prefix as `like` with the next free number (e.g. `S-13` after `S-12`). */
export function freshId(index: BacklogIndex, like: string): string {
  const m = splitTrailingNumber(like);
  const prefix = m ? m.prefix : like.endsWith('-') ? like : `${like}-`;
  let max = 0;
  for (const s of index.stories()) {
    if (!s.id || !s.id.startsWith(prefix)) continue;
    const n = /^(\d+)/.exec(s.id.slice(prefix.length));
    if (n) max = Math.max(max, Number(n[1]));
  }
  let n = max + 1;
  while (index.byId(`${prefix}${n}`).length > 0) n++;
  return `${prefix}${n}`;
}

/** Returns the fix removing a dangling reference: the list item, or the whole field when it is a scalar. */
export function removeReferenceFix(path: string, text: string, token: FrontMatterToken): IntelFix {
  const isList = frontMatterTokens(text).filter((t) => t.key === token.key).length > 1 || LIST_KEYS.has(token.key);
  const edits = isList ? removeListItem(text, token.key, token.value) : removeField(text, token.key);
  return fix(`Remove the reference to ${token.value}`, path, edits);
}

/** Returns the fix adding goal `id` to the vision's `goals:` list (creating the vision file when there is none). */
export function createGoalFix(index: BacklogIndex, id: string): IntelFix | undefined {
  const path = index.vision()?.path ?? index.config.vision;
  const text = index.text(path);
  const title = `Create goal ${id} in ${path}`;
  if (text === undefined) {
    const content = `---\ngoals:\n  - id: ${id}\n    title: ${id}\n---\n\n# Vision\n`;
    return { title, edits: [{ path, create: true, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: content }] }] };
  }
  const eol = eolOf(text);
  const b = frontMatterBounds(text);
  if (!b) {
    const newText = `---${eol}goals:${eol}  - id: ${id}${eol}    title: ${id}${eol}---${eol}`;
    return { title, edits: [{ path, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText }] }] };
  }
  if (b.closeLine === -1) return undefined;
  const goalsLine = b.lines.findIndex((l, i) => i > 0 && i < b.closeLine && /^goals[ \t]*:/.test(l));
  if (goalsLine === -1) {
    const at = { line: b.closeLine, character: 0 };
    return { title, edits: [{ path, edits: [{ range: { start: at, end: at }, newText: `goals:${eol}  - id: ${id}${eol}    title: ${id}${eol}` }] }] };
  }
  if (b.lines[goalsLine].replace(/^goals[ \t]*:/, '').replace(/#.*$/, '').trim() !== '') return undefined; // a flow list: leave it to the user
  let end = goalsLine + 1;
  while (end < b.closeLine && (b.lines[end].trim() === '' || /^\s/.test(b.lines[end]) || b.lines[end].startsWith('-'))) end++;
  while (end > goalsLine + 1 && b.lines[end - 1].trim() === '') end--;
  const item = b.lines.slice(goalsLine + 1, end).find((l) => /^\s*-/.test(l));
  const indent = item ? /^(\s*)-/.exec(item)![1] : '  ';
  const at = { line: end, character: 0 };
  return { title, edits: [{ path, edits: [{ range: { start: at, end: at }, newText: `${indent}- id: ${id}${eol}${indent}  title: ${id}${eol}` }] }] };
}

/** Returns the fix creating a milestone file for `id` in the milestones folder (undefined when that file exists). */
export function createMilestoneFix(index: BacklogIndex, id: string): IntelFix | undefined {
  const glob = index.config.milestones;
  const star = glob.search(/[*?[{]/);
  let dir = star === -1 ? glob.slice(0, glob.lastIndexOf('/') + 1) : glob.slice(0, star);
  dir = dir.slice(0, dir.lastIndexOf('/') + 1);
  const path = `${dir}${id.toLowerCase().replace(/[^\w.-]+/g, '-')}.md`;
  if (index.text(path) !== undefined) return undefined;
  const content = `---\nid: ${id}\ntitle: ${id}\n---\n`;
  return {
    title: `Create milestone ${id} (${path})`,
    edits: [{ path, create: true, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: content }] }],
  };
}
