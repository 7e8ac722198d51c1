import { applyEdits } from '../edits/applyEdits';
import { setField } from '../edits/frontMatterEdits';
import type { RudderConfig } from '../model/config';
import type { FileEdit } from '../model/range';
import type { Story } from '../model/story';
import { compareStories } from '../rank/compareStories';
import { ranksBetween } from '../rank/rankBetween';
import { diffEdit, type TextOf } from './fileText';

/** A reordering plan: the order it produces, the new rank of each story that moves, and the edits. */
export interface OrderPlan {
  /** The stories in their new order. */
  readonly order: readonly Story[];
  /** New rank keys, by path, only for stories whose key changes. */
  readonly ranks: ReadonlyMap<string, string>;
  readonly edits: readonly FileEdit[];
  /** Stories that need a new key but whose front matter cannot be edited safely (broken YAML, missing text). */
  readonly skipped: readonly string[];
  /** New Backlog.md `ordinal` values, by path: a story ordered only by `ordinal` that moved among such stories. */
  readonly ordinals?: ReadonlyMap<string, number>;
}

/** Where to put moved stories: before or after a story (by path), or at either end of the list. */
export type MoveTarget = { readonly before: string } | { readonly after: string } | 'top' | 'bottom';

export type MoveDirection = 'up' | 'down' | 'top' | 'bottom';

const ranked = (s: Story): boolean => typeof s.rank === 'string' && s.rank !== '';

/**
 * Returns the plan that makes the backlog follow `desired` (every story of the backlog, in the wanted order),
 * re-keying as few stories as possible: a longest run of already increasing keys stays; the others get keys
 * between their kept neighbours. Stories in `mustMove` are always re-keyed (so a move writes the moved story,
 * not its neighbour). A trailing run of unranked stories already in their natural order stays unranked.
 */
export function reorderStories(desired: readonly Story[], config: RudderConfig, text: TextOf, mustMove: ReadonlySet<string> = new Set()): OrderPlan {
  const n = desired.length;
  // The unranked tail: stories without a rank sort after every ranked one, by ordinal / priority / id.
  let tail = n;
  while (tail > 0 && !ranked(desired[tail - 1]) && !mustMove.has(desired[tail - 1].path) && (tail === n || compareStories(desired[tail - 1], desired[tail], config) < 0)) tail--;
  const keep = longestIncreasing(desired.slice(0, tail), mustMove);
  const ranks = new Map<string, string>();
  let i = 0;
  while (i < tail) {
    if (keep.has(i)) {
      i++;
      continue;
    }
    let j = i;
    while (j < tail && !keep.has(j)) j++;
    const lo = i > 0 ? desired[i - 1].rank : undefined;
    const hi = j < tail ? desired[j].rank : undefined;
    const keys = ranksBetween(lo, hi, j - i);
    for (let k = i; k < j; k++) if (keys[k - i] !== desired[k].rank) ranks.set(desired[k].path, keys[k - i]);
    i = j;
  }
  return { order: desired, ranks, ...rankEdits(ranks, text) };
}

/** Returns the rank edits for new keys, and the paths that could not be edited. */
export function rankEdits(ranks: ReadonlyMap<string, string>, text: TextOf): { edits: FileEdit[]; skipped: string[] } {
  const edits: FileEdit[] = [];
  const skipped: string[] = [];
  for (const [path, key] of ranks) {
    const t = text(path);
    const e = t === undefined ? [] : setField(t, 'rank', key);
    if (e.length) edits.push({ path, edits: e });
    else skipped.push(path);
  }
  return { edits, skipped };
}

/** Returns the indexes of a longest subsequence of ranked stories (not in `exclude`) with strictly increasing keys. */
function longestIncreasing(list: readonly Story[], exclude: ReadonlySet<string>): Set<number> {
  // Patience sorting, O(n log n): tails[k] = index ending the best run of length k+1.
  const tails: number[] = [];
  const prev = new Array<number>(list.length).fill(-1);
  for (let i = 0; i < list.length; i++) {
    const s = list[i];
    if (!ranked(s) || exclude.has(s.path)) continue;
    const key = s.rank as string;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((list[tails[mid]].rank as string) < key) lo = mid + 1;
      else hi = mid;
    }
    prev[i] = lo > 0 ? tails[lo - 1] : -1;
    tails[lo] = i;
  }
  const out = new Set<number>();
  for (let i = tails.length ? tails[tails.length - 1] : -1; i !== -1; i = prev[i]) out.add(i);
  return out;
}

/** Returns the plan that moves `paths` (kept in their backlog order) before/after a story or to an end of `order` (the whole backlog). */
export function moveStories(order: readonly Story[], paths: readonly string[], target: MoveTarget, config: RudderConfig, text: TextOf): OrderPlan {
  const moving = new Set(paths);
  const moved = order.filter((s) => moving.has(s.path));
  const rest = order.filter((s) => !moving.has(s.path));
  let at: number;
  if (target === 'top') at = 0;
  else if (target === 'bottom') at = rest.length;
  else if ('before' in target) {
    at = rest.findIndex((s) => s.path === target.before);
    if (at < 0) at = moving.has(target.before) ? order.slice(0, order.findIndex((s) => s.path === target.before)).filter((s) => !moving.has(s.path)).length : rest.length;
  } else {
    const i = rest.findIndex((s) => s.path === target.after);
    at = i < 0 ? (moving.has(target.after) ? order.slice(0, order.findIndex((s) => s.path === target.after)).filter((s) => !moving.has(s.path)).length : rest.length) : i + 1;
  }
  const desired = [...rest.slice(0, at), ...moved, ...rest.slice(at)];
  if (desired.every((s, i) => s === order[i])) return { order, ranks: new Map(), edits: [], skipped: [] };
  return (moved.length === 1 && ordinalMove(desired, moved[0], config, text)) || reorderStories(desired, config, text, moving);
}

const hasOrdinal = (s: Story | undefined): s is Story & { ordinal: number } => s !== undefined && !ranked(s) && typeof s.ordinal === 'number' && Number.isFinite(s.ordinal);
// Backlog.md spaces ordinals 1000 apart; a story moved past either end of the ordinal-ordered stories keeps that step.
const ORDINAL_STEP = 1000;

/**
 * Returns the Backlog.md `ordinal` that puts `story` between `prev` and `next` (either may be absent) when they are
 * ordered by ordinal (Backlog.md's step of 1000 past either end), or undefined when they are not, or when no value
 * orders it exactly there (equal or too close ordinals: ranks must decide).
 */
export function ordinalBetween(prev: Story | undefined, next: Story | undefined, story: Story, config: RudderConfig): number | undefined {
  let value: number;
  if (hasOrdinal(prev) && hasOrdinal(next)) value = (prev.ordinal + next.ordinal) / 2;
  else if (hasOrdinal(prev) && (next === undefined || (!ranked(next) && !hasOrdinal(next)))) value = Math.floor(prev.ordinal) + ORDINAL_STEP;
  else if (hasOrdinal(next) && (prev === undefined || ranked(prev))) value = Math.ceil(next.ordinal) - ORDINAL_STEP;
  else return undefined;
  const placed: Story = { ...story, rank: undefined, ordinal: value };
  if ((prev && compareStories(prev, placed, config) >= 0) || (next && compareStories(placed, next, config) >= 0)) return undefined;
  return value;
}

/**
 * Returns the plan that moves a story ordered only by Backlog.md's `ordinal` among other such stories by writing
 * a new `ordinal` (one value in one file, in the field Backlog.md reads) instead of giving it, and maybe its
 * neighbours, a `rank`; undefined when the move leaves the ordinal-ordered stories or the value would not order it.
 */
function ordinalMove(desired: readonly Story[], story: Story, config: RudderConfig, text: TextOf): OrderPlan | undefined {
  if (!hasOrdinal(story)) return undefined;
  const at = desired.indexOf(story);
  const prev = desired[at - 1];
  const next = desired[at + 1];
  const value = ordinalBetween(prev, next, story, config);
  if (value === undefined) return undefined;
  const t = text(story.path);
  const edits = t === undefined ? [] : setField(t, 'ordinal', value);
  if (edits.length === 0) return undefined;
  return { order: desired, ranks: new Map(), ordinals: new Map([[story.path, value]]), edits: [{ path: story.path, edits }], skipped: [] };
}

/**
 * Returns the plan for moveUp/moveDown/moveToTop/moveToBottom of one story ("bottom" = after the last ranked story, or
 * after the last story with an ordinal for a story ordered by ordinal). `group` is the visible list the
 * story is shown in (a tree group); its neighbours are taken there, the keys in the whole backlog `order`.
 */
export function moveStory(order: readonly Story[], path: string, direction: MoveDirection, config: RudderConfig, text: TextOf, group?: readonly Story[]): OrderPlan {
  const list = group ?? order;
  const i = list.findIndex((s) => s.path === path);
  const none: OrderPlan = { order, ranks: new Map(), edits: [], skipped: [] };
  if (i < 0) return none;
  let target: MoveTarget | undefined;
  if (direction === 'up') target = i > 0 ? { before: list[i - 1].path } : undefined;
  else if (direction === 'down') target = i < list.length - 1 ? { after: list[i + 1].path } : undefined;
  else if (direction === 'top') target = i > 0 ? (group ? { before: list[0].path } : 'top') : undefined;
  else {
    // Why after the last ranked story and not after the unranked tail: unranked stories are "not prioritised yet"
    // and sort after every ranked one, so going below them would mean ranking them all. A story ordered by a
    // Backlog.md `ordinal` goes after the last story with a rank or an ordinal (it gets a higher ordinal).
    const byOrdinal = hasOrdinal(list[i]);
    const lastRanked = [...list].reverse().find((s) => s.path !== path && (ranked(s) || (byOrdinal && hasOrdinal(s))));
    const lastAt = lastRanked ? list.indexOf(lastRanked) : -1;
    target = lastAt > i ? { after: lastRanked!.path } : undefined;
  }
  return target === undefined ? none : moveStories(order, [path], target, config, text);
}

/**
 * Returns where a block of selected stories goes for a move (several rows selected): up = before the story above the
 * block's first, down = after the story below its last, top/bottom = before the first / after the last story of
 * `list`. `list` is the visible list (a tree group, or the whole backlog); with `inGroup` the ends are the group's,
 * else the backlog's own ends. Undefined when the block cannot move that way.
 */
export function selectionMoveTarget(list: readonly Story[], paths: readonly string[], direction: MoveDirection, inGroup: boolean): MoveTarget | undefined {
  if (paths.length === 0 || list.length === 0) return undefined;
  const first = list.findIndex((s) => s.path === paths[0]);
  const last = list.findIndex((s) => s.path === paths[paths.length - 1]);
  switch (direction) {
    case 'top':
      return inGroup ? { before: list[0].path } : 'top';
    case 'bottom':
      return inGroup ? { after: list[list.length - 1].path } : 'bottom';
    case 'up':
      return first > 0 ? { before: list[first - 1].path } : undefined;
    case 'down':
      return last >= 0 && last < list.length - 1 ? { after: list[last + 1].path } : undefined;
  }
}

/**
 * Returns the plan of moveUp/moveDown/moveToTop/moveToBottom on the selected `paths` (in backlog order): one story
 * moves as `moveStory` says; several move as one block (keeping their order) past their neighbour in `group` (the
 * visible tree group) or in the backlog `order`.
 */
export function moveSelection(order: readonly Story[], paths: readonly string[], direction: MoveDirection, config: RudderConfig, text: TextOf, group?: readonly Story[]): OrderPlan {
  if (paths.length === 1) return moveStory(order, paths[0], direction, config, text, group);
  const target = selectionMoveTarget(group ?? order, paths, direction, group !== undefined);
  return target ? moveStories(order, paths, target, config, text) : { order, ranks: new Map(), edits: [], skipped: [] };
}

/**
 * Returns field edits (a drop into a group) with the new rank keys, or ordinals, of `plan` chained in: one edit per
 * file, so a story that changes group and place is written once.
 */
export function mergeOrderEdits(fieldEdits: readonly FileEdit[], plan: OrderPlan, text: TextOf): FileEdit[] {
  const byPath = new Map(fieldEdits.map((e) => [e.path, e]));
  const out: FileEdit[] = [];
  for (const fe of plan.edits) {
    const fields = byPath.get(fe.path);
    if (!fields) {
      out.push(fe);
      continue;
    }
    byPath.delete(fe.path);
    const base = text(fe.path) ?? '';
    const afterFields = applyEdits(base, fields.edits);
    const rank = plan.ranks.get(fe.path);
    const ordinal = plan.ordinals?.get(fe.path);
    const order = rank !== undefined ? setField(afterFields, 'rank', rank) : ordinal !== undefined ? setField(afterFields, 'ordinal', ordinal) : [];
    out.push({ path: fe.path, edits: diffEdit(base, applyEdits(afterFields, order)) });
  }
  return [...out, ...byPath.values()];
}
