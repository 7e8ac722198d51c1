import { newStory, nextId } from '../edits/newStoryText';
import type { BacklogIndex } from '../index/backlogIndex';
import type { Story } from '../model/story';
import { rankBetween } from '../rank/rankBetween';
import type { CreatePlan } from './splitStory';
import { commonPrefix, dirOf, fileNamingOf, idPrefixOf, newFilePath, seenIds } from './splitStory';
import { ordinalBetween } from './reorderStories';
import { backlogSubfolder } from '../config/workflow';
import { trimEndChars } from '../model/trimChars';

export type NewItemKind = 'story' | 'epic' | 'milestone';

const NO_RANGE = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** Where a new story goes in the backlog. */
export type NewItemPosition = 'top' | 'bottom' | { readonly after: string };

export interface NewItemOptions {
  readonly kind: NewItemKind;
  readonly title: string;
  readonly position?: NewItemPosition;
  /** Ids to avoid besides the backlog's (a persisted high-water mark). */
  readonly knownIds?: Iterable<string>;
  readonly random?: () => number;
  /** Line ending of the new file; default '\n'. */
  readonly eol?: string;
  /** Now, as Backlog.md writes `created_date` ('YYYY-MM-DD HH:mm', local time): a new task in a Backlog.md backlog gets it. */
  readonly now?: string;
}

/** Returns the rank key for a new story at `position` (undefined when it lands among unranked stories). */
export function rankFor(order: readonly Story[], position: NewItemPosition): string | undefined {
  const ranked = order.filter((s) => s.rank !== undefined && s.rank !== '');
  if (position === 'top') return rankBetween(undefined, ranked[0]?.rank);
  if (position === 'bottom') return rankBetween(ranked[ranked.length - 1]?.rank, undefined);
  const at = order.findIndex((s) => s.path === position.after);
  const sel = order[at];
  if (!sel) return rankBetween(ranked[ranked.length - 1]?.rank, undefined);
  if (sel.rank === undefined || sel.rank === '') return undefined;
  const next = order.slice(at + 1).find((s) => s.rank !== undefined && s.rank !== sel.rank);
  return rankBetween(sel.rank, next?.rank);
}

/**
 * Returns where a new item goes in a Backlog.md backlog, as Backlog.md orders it: an `ordinal` between its neighbours
 * at `position` (at the bottom, the last ordinal plus 1000, as Backlog.md's own new tasks get), or undefined when the
 * neighbours are ordered by rank (then the item gets a rank).
 */
export function ordinalFor(order: readonly Story[], position: NewItemPosition, draft: Story, config: BacklogIndex['config']): number | undefined {
  let at: number;
  if (position === 'top') at = 0;
  else if (position === 'bottom') {
    // After the last task ordered by ordinal: tasks without one (often the completed ones) sort after those.
    let last = order.length - 1;
    while (last >= 0 && !((order[last].rank === undefined || order[last].rank === '') && typeof order[last].ordinal === 'number')) last--;
    at = last < 0 ? order.length : last + 1;
  } else {
    const i = order.findIndex((s) => s.path === position.after);
    at = i < 0 ? order.length : i + 1;
  }
  return ordinalBetween(order[at - 1], order[at], draft, config);
}

/** Returns the plan that creates a new story, epic or milestone from the template with a fresh id, ranked at `position`. */
export function newItem(index: BacklogIndex, options: NewItemOptions): CreatePlan {
  const order = index.stories();
  const kind = options.kind;
  const prefix = kind === 'milestone' ? (commonPrefix(index.milestones().map((m) => m.id)) ?? 'M') : idPrefixOf({ type: kind }, index);
  const id = nextId(seenIds(index, options.knownIds), prefix, options.random ? { random: options.random } : {});
  const cfg = index.config;
  const position = options.position ?? 'bottom';
  const dir = folderFor(index, kind, options.position);
  const sample = kind === 'milestone' ? undefined : order.find((s) => s.type === kind && dirOf(s.path) === dir) ?? order.find((s) => dirOf(s.path) === dir);
  const path = newFilePath(dir, id, options.title, (p) => index.text(p) !== undefined, kind === 'milestone' ? 'id-title' : fileNamingOf(cfg, sample));
  const md = cfg.backlogMd && kind !== 'milestone';
  const status = kind === 'milestone' ? 'planned' : cfg.statuses[0];
  // In a Backlog.md backlog a task ordered among tasks by `ordinal` gets one (Backlog.md drops a `rank` it rewrites).
  const draft: Story = { path, id, title: options.title, titleRange: NO_RANGE, type: kind, status, vision: [], dependsOn: [], labels: [], assignee: [], bodyStartLine: 0, lineCount: 0, problems: [] };
  const ordinal = md ? ordinalFor(order, position, draft, cfg) : undefined;
  const rank = kind === 'milestone' || ordinal !== undefined ? undefined : rankFor(order, position);
  const created = newStory({
    id,
    title: options.title,
    type: kind,
    status,
    rank,
    ordinal,
    definitionOfDone: cfg.definitionOfDone,
    eol: options.eol,
    ...(md ? { backlogMd: { created: options.now } } : {}),
  });
  return {
    edits: [{ path, create: true, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: created.text }] }],
    path,
    id,
    titleRange: created.titleRange,
  };
}

/** Returns the folder for a new item: the milestones folder; for stories the selected story's folder, else where most items of that kind live. */
function folderFor(index: BacklogIndex, kind: NewItemKind, position: NewItemPosition | undefined): string {
  const cfg = index.config;
  // Backlog.md lists new tasks from its tasks folder: not drafts/ or completed/ (a task there is done), whatever is selected.
  if (cfg.backlogMd && kind !== 'milestone') return trimEndChars(backlogSubfolder(cfg, 'tasks'), '/');
  if (kind === 'milestone') {
    const m = index.milestones()[0];
    if (m) return dirOf(m.path);
    return globFolder(cfg.milestones) || `${cfg.backlog}/milestones`;
  }
  if (position && typeof position === 'object' && kind === 'story') {
    const sel = index.story(position.after);
    if (sel && sel.type !== 'epic') return dirOf(sel.path);
  }
  const counts = new Map<string, number>();
  for (const s of index.stories()) if ((kind === 'epic') === (s.type === 'epic')) counts.set(dirOf(s.path), (counts.get(dirOf(s.path)) ?? 0) + 1);
  let best: string | undefined;
  for (const [d, n] of counts) if (best === undefined || n > (counts.get(best) ?? 0)) best = d;
  if (best !== undefined) return best;
  const base = cfg.backlog === '.' || cfg.backlog === '' ? '' : trimEndChars(cfg.backlog, '/');
  return [base, kind === 'epic' ? 'epics' : 'stories'].filter(Boolean).join('/');
}

/** Returns the fixed folder part of a glob (before the first segment with a wildcard). */
function globFolder(glob: string): string {
  const parts = glob.split('/');
  const fixed: string[] = [];
  for (const p of parts.slice(0, -1)) {
    if (/[*?[{]/.test(p)) break;
    fixed.push(p);
  }
  return fixed.join('/');
}
