import type { RudderConfig } from '../model/config';
import type { Story } from '../model/story';

/** Where a story is in its life: not started, being worked on, finished, or given up. */
export type StatusCategory = 'todo' | 'doing' | 'done' | 'dropped';

// Why by meaning and not by position: real workflows put "Done" before "Wontfix" (or "Released" after "Done"); the
// last status is not always the done one. A status is done or dropped when it is configured so, or named so.
const DONE_NAMES = new Set(['done', 'closed', 'complete', 'completed', 'shipped', 'released', 'finished', 'resolved', 'delivered']);
const DROPPED_NAMES = new Set(['dropped', 'cancelled', 'canceled', 'wont do', 'wontdo', 'wont fix', 'wontfix', 'rejected', 'abandoned', 'obsolete', 'declined', 'duplicate']);
const DOING_WORDS = /progress|doing|review|active|started|testing|wip|blocked/;

/** Returns a status as compared by meaning: lower case, without apostrophes, runs of spaces, '-' and '_' as one space. */
function normalizeStatus(status: string): string {
  return status
    .trim()
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[\s_-]+/g, ' ');
}

/** Returns true when a status means "finished": the configured done status(es), or a status named like Done, Closed, Complete(d), Shipped, Released. */
export function isDoneStatus(status: string | undefined, config: RudderConfig): boolean {
  if (!status) return false;
  const s = normalizeStatus(status);
  return config.doneStatuses.some((d) => normalizeStatus(d) === s) || normalizeStatus(config.doneStatus) === s || DONE_NAMES.has(s);
}

/** Returns true when a status means "given up": a configured dropped status, or one named like Dropped, Wontfix, Cancelled, Won't do, Rejected. */
export function isDroppedStatus(status: string | undefined, config: RudderConfig): boolean {
  if (!status || isDoneStatus(status, config)) return false;
  const s = normalizeStatus(status);
  return config.droppedStatuses.some((d) => normalizeStatus(d) === s) || DROPPED_NAMES.has(s);
}

/** Returns the first status of a workflow that means done, else its last one (the default `doneStatus` of a replaced workflow). */
export function doneStatusOf(statuses: readonly string[]): string {
  return statuses.find((s) => DONE_NAMES.has(normalizeStatus(s))) ?? statuses[statuses.length - 1];
}

/** Returns the index of a status in the workflow (case-insensitive), or -1. */
export function statusIndex(config: RudderConfig, status: string | undefined): number {
  if (status === undefined) return -1;
  const s = status.trim().toLowerCase();
  return config.statuses.findIndex((x) => x.toLowerCase() === s);
}

// Why a cache: the tree, Next Up and every rule ask what a status means for each story on each change (30,000 calls
// per redraw of a 10,000-story tree), and each answer normalises the status and every configured one. A configuration
// is never changed once parsed (a new one is a new object), so its answers are kept with it.
const CATEGORIES = new WeakMap<RudderConfig, Map<string, StatusCategory>>();

/** Returns what a status means under a configuration. */
export function statusCategory(status: string | undefined, config: RudderConfig): StatusCategory {
  if (!status) return 'todo';
  let known = CATEGORIES.get(config);
  if (!known) CATEGORIES.set(config, (known = new Map()));
  let category = known.get(status);
  if (category === undefined) known.set(status, (category = categoryOf(status, config)));
  return category;
}

function categoryOf(status: string, config: RudderConfig): StatusCategory {
  if (isDoneStatus(status, config)) return 'done';
  if (isDroppedStatus(status, config)) return 'dropped';
  // Past the ready status in the workflow, or named like work in progress ("In Progress" is Backlog.md's ready status).
  const i = statusIndex(config, status);
  const ready = statusIndex(config, config.readyStatus);
  if (i >= 0 && i > Math.max(ready, 0)) return 'doing';
  return DOING_WORDS.test(status.toLowerCase()) ? 'doing' : 'todo';
}

/** Returns true when a backlog item is an epic (`type: epic`, in any case): it groups stories and is counted apart from them. */
export function isEpic(story: Pick<Story, 'type'>): boolean {
  return story.type.trim().toLowerCase() === 'epic';
}

/** Returns a folder of the backlog folder, with a trailing '/' (`<backlog>/completed/`). */
export function backlogSubfolder(config: RudderConfig, name: string): string {
  const b = config.backlog.replace(/^\.\/+/, '').replace(/\/+$/, '');
  return b === '' || b === '.' ? `${name}/` : `${b}/${name}/`;
}

// Why cached: isDraft runs inside the backlog comparator, thousands of times per sort.
const folders = new WeakMap<RudderConfig, { drafts: string; completed: string }>();
function foldersOf(config: RudderConfig): { drafts: string; completed: string } {
  let f = folders.get(config);
  if (!f) folders.set(config, (f = { drafts: backlogSubfolder(config, 'drafts'), completed: backlogSubfolder(config, 'completed') }));
  return f;
}

/** Returns true when a story sits in Backlog.md's drafts folder: a draft whatever its status (Backlog.md mode). */
export function isDraft(story: Pick<Story, 'path'>, config: RudderConfig): boolean {
  return config.backlogMd && story.path.startsWith(foldersOf(config).drafts);
}

/** Returns what a story's status means; every task in Backlog.md's `completed/` folder is done, whatever its status. */
export function storyCategory(story: Pick<Story, 'path' | 'status'>, config: RudderConfig): StatusCategory {
  if (config.backlogMd && story.path.startsWith(foldersOf(config).completed)) return 'done';
  return statusCategory(story.status, config);
}

/** Returns true when a story is done or dropped: most grooming rules skip it. */
export function isClosed(story: Pick<Story, 'path' | 'status'>, config: RudderConfig): boolean {
  const c = storyCategory(story, config);
  return c === 'done' || c === 'dropped';
}

/** Returns true when a story is done (by its status' meaning, or its folder). */
export function isDone(story: Pick<Story, 'path' | 'status'>, config: RudderConfig): boolean {
  return storyCategory(story, config) === 'done';
}

/** Returns true when the status is the ready status or later in the workflow, and the story is neither done nor dropped. */
export function isReadyOrLater(story: Pick<Story, 'path' | 'status'>, config: RudderConfig): boolean {
  if (isClosed(story, config) || isDraft(story, config)) return false;
  const i = statusIndex(config, story.status);
  const ready = statusIndex(config, config.readyStatus);
  return i !== -1 && ready !== -1 && i >= ready;
}
