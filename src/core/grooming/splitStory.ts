import { criterionDetails, removeCriteria } from '../edits/bodyEdits';
import { detectEol, setField } from '../edits/frontMatterEdits';
import { applyEdits } from '../edits/applyEdits';
import { newStory, nextId } from '../edits/newStoryText';
import type { BacklogIndex } from '../index/backlogIndex';
import { LineIndex } from '../model/lineIndex';
import type { FileEdit, Range } from '../model/range';
import type { RudderConfig } from '../model/config';
import type { Story } from '../model/story';
import { rankBetween } from '../rank/rankBetween';
import { ordinalBetween } from './reorderStories';
import type { TextOf } from './fileText';
import { trimEndChars } from '../model/trimChars';

/** A plan that creates one file: the edits (the new file among them), where it is, and where the cursor goes. */
export interface CreatePlan {
  readonly edits: readonly FileEdit[];
  readonly path: string;
  readonly id: string;
  /** Range of the title value in the new file. */
  readonly titleRange: Range;
}

/** Returns every id the backlog has ever mentioned: story ids, `split_from`, `depends_on` and `epic` references, plus `extra` (e.g. a remembered high-water mark). */
export function seenIds(index: BacklogIndex, extra: Iterable<string> = []): string[] {
  const out = new Set<string>(extra);
  for (const s of index.stories()) {
    if (s.id !== undefined) out.add(s.id);
    if (s.splitFrom !== undefined) out.add(s.splitFrom);
    if (s.epic !== undefined) out.add(s.epic);
    for (const d of s.dependsOn) out.add(d);
  }
  for (const m of index.milestones()) out.add(m.id);
  // Archived (and other non-story) files keep their ids: a fresh clone must not hand out an archived story's id again.
  for (const id of index.idsElsewhere()) out.add(id);
  return [...out];
}

/** Returns a file-name-safe slug of a title: lowercase words joined by '-', at most 40 characters. */
export function slugOf(title: string): string {
  return title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}

/** How a folder names its story files: `s-1.md` (by id), `s-1-plan-dinners.md` (id and slug), or Backlog.md's `task-1 - Plan-dinners.md`. */
export type FileNaming = 'id' | 'id-title' | 'backlog-md';

/**
 * Returns a title as Backlog.md puts it in a file name (seen from Backlog.md 1.52.0's own files): blanks and the
 * characters Windows forbids in names (`<>:"/\|?*`) become '-', the punctuation `!#$%&'()+,;=@[]^{}` is dropped,
 * anything else is kept (letters in any script, `.`, `_`, `~`, a backtick), and runs of '-' become one.
 */
export function backlogMdTitle(title: string): string {
  return title
    .trim()
    .replace(/[\s<>:"/\\|?*]/g, '-')
    .replace(/[!#$%&'()+,;=@[\]^{}]/g, '')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * Returns a path for a new story file that is not taken: `<dir>/<id>-<slug>.md`, `<dir>/<id>.md` when the folder names
 * files by id alone, or `<dir>/<id> - <Title>.md` in a Backlog.md backlog (Backlog.md lists only files named so).
 */
export function newFilePath(dir: string, id: string, title: string, taken: (path: string) => boolean, naming: FileNaming = 'id-title'): string {
  const readable = backlogMdTitle(title);
  const base =
    naming === 'id' ? id.toLowerCase() : naming === 'backlog-md' ? (readable ? `${id.toLowerCase()} - ${readable}` : id.toLowerCase()) : [id, slugOf(title)].filter(Boolean).join('-');
  const prefix = dir === '' || dir === '.' ? '' : `${trimEndChars(dir, '/')}/`;
  let path = `${prefix}${base}.md`;
  for (let n = 2; taken(path); n++) path = `${prefix}${base}-${n}.md`;
  return path;
}

/** Returns how new story files in a folder are named: Backlog.md's way in a Backlog.md backlog, else like `sample`. */
export function fileNamingOf(config: RudderConfig, sample: Story | undefined): FileNaming {
  if (config.backlogMd) return 'backlog-md';
  return sample !== undefined && namedByIdOnly(sample) ? 'id' : 'id-title';
}

/** Returns the folder of a root-relative path ('' at the root). */
export function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

/** Returns true when the files of a folder are named by id alone (`s-1.md`), judging from `story`'s own name. */
function namedByIdOnly(story: Story): boolean {
  const name = story.path.slice(story.path.lastIndexOf('/') + 1).replace(/\.md$/i, '');
  return story.id !== undefined && name.toLowerCase() === story.id.toLowerCase();
}

export interface SplitOptions {
  /** Indexes (into the acceptance criteria) of the criteria that move to the new story. */
  readonly criteria: readonly number[];
  readonly title: string;
  /** Ids to avoid besides the backlog's (a persisted high-water mark). */
  readonly knownIds?: Iterable<string>;
  /** Gives ids a random suffix (collision-free across branches). */
  readonly random?: () => number;
  /** Now, as Backlog.md writes `created_date` ('YYYY-MM-DD HH:mm', local time), for a new task in a Backlog.md backlog. */
  readonly now?: string;
}

/**
 * Returns the plan of "split story": a new story (same type, epic, milestone, goals and priority; `split_from`
 * the original; the picked criteria; ranked right after the original) and the original without those criteria.
 */
export function splitStory(story: Story, index: BacklogIndex, text: TextOf, options: SplitOptions): CreatePlan | undefined {
  const original = text(story.path);
  if (original === undefined) return undefined;
  const items = story.acceptanceCriteria?.items ?? [];
  const picked = [...new Set(options.criteria)].filter((i) => i >= 0 && i < items.length).sort((a, b) => a - b);
  const id = nextId(seenIds(index, options.knownIds), idPrefixOf(story, index), options.random ? { random: options.random } : {});
  const order = index.stories();
  const at = order.findIndex((s) => s.path === story.path);
  const next = order.slice(at + 1).find((s) => s.rank !== undefined && s.rank !== story.rank);
  const md = index.config.backlogMd;
  // In a Backlog.md backlog a task ordered by `ordinal` splits into one right after it, by `ordinal` too.
  const path = newFilePath(dirOf(story.path), id, options.title, (p) => index.text(p) !== undefined, fileNamingOf(index.config, story));
  const ordinal = md && (story.rank === undefined || story.rank === '') ? ordinalBetween(story, order[at + 1], { ...story, path, id }, index.config) : undefined;
  const rank = story.rank !== undefined && story.rank !== '' ? rankBetween(story.rank, next?.rank) : undefined;
  const created = newStory({
    id,
    title: options.title,
    type: story.type,
    status: index.config.statuses[0],
    rank,
    epic: story.epic,
    milestone: story.milestone,
    vision: story.vision,
    splitFrom: story.id,
    definitionOfDone: index.config.definitionOfDone,
    // A criterion moves with its nested items and continuation lines (removeCriteria takes them out of the original).
    criteria: picked.map((i) => [items[i].text, ...criterionDetails(original, items[i]).map((l) => (l === '' ? '' : `  ${l}`))].join(detectEol(original))),
    // Criteria already checked stay checked in the new story.
    checked: picked.map((i) => items[i].checked === true),
    ordinal,
    eol: detectEol(original),
    ...(md ? { backlogMd: { created: options.now } } : {}),
  });
  let newText = created.text;
  if (story.priority !== undefined) newText = applyEdits(newText, setField(newText, 'priority', story.priority));
  const edits: FileEdit[] = [];
  const removal = removeCriteria(original, story, picked);
  if (removal.length) edits.push({ path: story.path, edits: removal });
  edits.push({ path, create: true, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText }] });
  return { edits, path, id, titleRange: titleRangeIn(newText, created.titleRange) };
}

/** Returns the id prefix for new items like `story`: the configured prefix for stories, the prefix the epics use for epics. */
export function idPrefixOf(story: Pick<Story, 'type'>, index: BacklogIndex): string {
  if (story.type !== 'epic') return index.config.idPrefix;
  return commonPrefix(index.stories().filter((s) => s.type === 'epic').map((s) => s.id)) ?? 'E-';
}

/** Returns the prefix (letters and separators before the number) most ids share, or undefined. */
export function commonPrefix(ids: readonly (string | undefined)[]): string | undefined {
  const counts = new Map<string, number>();
  for (const id of ids) {
    const m = id === undefined ? null : /^(\D+)\d/.exec(id);
    if (m) counts.set(m[1], (counts.get(m[1]) ?? 0) + 1);
  }
  let best: string | undefined;
  for (const [p, n] of counts) if (best === undefined || n > (counts.get(best) ?? 0)) best = p;
  return best;
}

function titleRangeIn(text: string, fallback: Range): Range {
  // The priority line is added below the title, so the title range is unchanged; recomputed for safety.
  const m = /^title: (.*)$/m.exec(text);
  if (!m) return fallback;
  const lines = new LineIndex(text);
  const start = m.index + 'title: '.length;
  return lines.rangeOf(start, start + m[1].replace(/\r$/, '').length);
}
