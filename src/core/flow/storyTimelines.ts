// Each story's life, read from the history of its file: the states it went through (status, estimate,
// milestone, by day), and the events people ask about — created, every status change, estimate changes,
// done. "In progress" and "done" come from the workflow by meaning (statusCategory, Backlog.md's
// completed/ folder), so a renamed workflow or a move into completed/ reads the same. What the working tree
// holds and no commit has yet (a status set but not committed) is the last state, dated today.
import { backlogSubfolder, storyCategory, type StatusCategory } from '../config/workflow';
import { scopeOf } from '../load/backlogScope';
import type { RudderConfig } from '../model/config';
import type { Story } from '../model/story';
import { fromDayNumber, toDayNumber } from '../roadmap/roadmapDates';
import type { BacklogHistory, FileLineage, HistoryField, HistoryTime } from './backlogHistory';

/** A story as it was from `day` on (until the next state). */
export interface TimelineState {
  readonly day: number;
  readonly path: string;
  readonly status?: string;
  readonly category: StatusCategory;
  readonly estimate?: number;
  readonly milestone?: string;
  readonly iteration?: string;
  /** Its path was a story of the backlog then (not the archive, not deleted). */
  readonly inScope: boolean;
}

/** What happened to a story, as the CLI, the hover and the tests tell it. */
export type StoryEvent =
  | { readonly kind: 'created'; readonly date: string; readonly commit: string; readonly status?: string }
  | { readonly kind: 'status'; readonly date: string; readonly commit: string; readonly from?: string; readonly to?: string }
  | { readonly kind: 'estimate'; readonly date: string; readonly commit: string; readonly from?: number; readonly to?: number }
  | { readonly kind: 'milestone'; readonly date: string; readonly commit: string; readonly from?: string; readonly to?: string }
  | { readonly kind: 'moved'; readonly date: string; readonly commit: string; readonly from: string; readonly to: string }
  | { readonly kind: 'done'; readonly date: string; readonly commit: string };

/** One story's life. Days are day numbers (days since 1970-01-01, by the author's calendar date). */
export interface StoryTimeline {
  /** Its path now, or its last path. */
  readonly path: string;
  readonly id?: string;
  readonly title?: string;
  readonly epic: boolean;
  /** A story of the backlog now. */
  readonly inBacklog: boolean;
  /** What its status means now. */
  readonly category: StatusCategory;
  /** The day it first appeared; undefined when it existed before the history starts (a shallow clone). */
  readonly created?: number;
  /** The first day it was in progress. */
  readonly started?: number;
  /** False when it was already in progress where the history starts: `started` is a lower bound. */
  readonly startedExact: boolean;
  /** The day it last became done, when it is done now. */
  readonly done?: number;
  /** Its estimate when it became done (else now). */
  readonly points?: number;
  readonly events: readonly StoryEvent[];
  readonly states: readonly TimelineState[];
}

const UNCOMMITTED = '';

function estimateOf(v: string | undefined): number | undefined {
  if (v === undefined || v.trim() === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

const blank = (v: string | undefined): string | undefined => (v === undefined || v.trim() === '' ? undefined : v.trim());

interface Replay {
  values: Partial<Record<HistoryField, string>>;
  path: string;
}

interface TimelineCache {
  readonly config: RudderConfig;
  readonly todayDay: number;
  readonly byPath: ReadonlyMap<string, FileLineage>;
  /** Per lineage (or story without one): the story fields its timeline was made from, and the timeline. */
  readonly timelines: Map<FileLineage | string, { readonly key: string; readonly timeline: StoryTimeline | undefined }>;
}

// Why cached per history: the roadmap is rebuilt on every index change, and replaying 20,000 commits each
// time cost more than the rest of the model. A story's timeline is made again only when what the index holds
// for it (path, status, estimate, milestone, type, id, title) changed; the history object is immutable.
const caches = new WeakMap<BacklogHistory, TimelineCache>();

/** Returns the fields of an index story a timeline depends on, as one string. */
function storyKey(story: Story | undefined): string {
  return story ? JSON.stringify([story.path, story.status, story.estimate, story.milestone, story.type, story.id, story.title]) : '';
}

/** Returns the timelines of the stories a history and the current backlog know, as of `today` (a day number). */
export function storyTimelines(history: BacklogHistory, stories: readonly Story[], config: RudderConfig, todayDay: number): StoryTimeline[] {
  if (!history.available) return [];
  let cache = caches.get(history);
  if (!cache || cache.config !== config || cache.todayDay !== todayDay) {
    const byPath = new Map<string, FileLineage>();
    for (const l of history.lineages) if (!l.deleted) byPath.set(l.path, l);
    cache = { config, todayDay, byPath, timelines: new Map() };
    caches.set(history, cache);
  }
  const category = categoryCache(config);
  const out: StoryTimeline[] = [];
  const seen = new Set<string>();
  const used = new Set<FileLineage | string>();
  const cached = (slot: FileLineage | string, lineage: FileLineage | undefined, story: Story | undefined): void => {
    used.add(slot);
    const key = storyKey(story);
    let entry = cache.timelines.get(slot);
    if (!entry || entry.key !== key) cache.timelines.set(slot, (entry = { key, timeline: timelineOf(lineage, story, config, todayDay, category) }));
    if (entry.timeline) out.push(entry.timeline);
  };
  for (const story of stories) {
    const lineage = cache.byPath.get(story.path);
    if (lineage) seen.add(story.path);
    cached(lineage ?? story.path, lineage, story);
  }
  for (const l of history.lineages) {
    if (!l.deleted && seen.has(l.path)) continue;
    cached(l, l, undefined);
  }
  for (const slot of [...cache.timelines.keys()]) if (!used.has(slot)) cache.timelines.delete(slot);
  return out;
}

/** Returns storyCategory for a configuration, remembered per path folder and status (it runs for every state). */
function categoryCache(config: RudderConfig): (path: string, status: string | undefined) => StatusCategory {
  const memo = new Map<string, StatusCategory>();
  const completed = backlogSubfolder(config, 'completed');
  return (path, status) => {
    // Only Backlog.md's completed/ folder makes the path matter.
    const key = `${config.backlogMd && path.startsWith(completed) ? 1 : 0}|${status ?? ''}`;
    let c = memo.get(key);
    if (c === undefined) memo.set(key, (c = storyCategory({ path, status }, config)));
    return c;
  };
}

/** Returns one story's timeline: its file's history, then what the working tree holds now; undefined for a file that never was a story. */
function timelineOf(
  lineage: FileLineage | undefined,
  story: Story | undefined,
  config: RudderConfig,
  todayDay: number,
  categoryOf: (path: string, status: string | undefined) => StatusCategory,
): StoryTimeline | undefined {
  const states: TimelineState[] = [];
  const events: StoryEvent[] = [];
  const r: Replay = { values: {}, path: lineage?.path ?? story?.path ?? '' };
  let created: number | undefined;
  let everStory = false;
  let last: TimelineState | undefined;
  const push = (day: number, at: HistoryTime | undefined, alive: boolean): void => {
    const status = blank(r.values.status);
    const inScope = alive && scopeOf(config, r.path) === 'story';
    everStory ||= inScope;
    const state: TimelineState = {
      day,
      path: r.path,
      ...(status !== undefined ? { status } : {}),
      category: categoryOf(r.path, status),
      ...(estimateOf(r.values.estimate) !== undefined ? { estimate: estimateOf(r.values.estimate) } : {}),
      ...(blank(r.values.milestone) !== undefined ? { milestone: blank(r.values.milestone) } : {}),
      ...(blank(r.values.iteration) !== undefined ? { iteration: blank(r.values.iteration) } : {}),
      inScope,
    };
    if (last && last.category !== 'done' && state.category === 'done' && at) events.push({ kind: 'done', date: fromDayNumber(day), commit: at.commit });
    last = state;
    // Every state is kept, several a day too (started and finished on one day is a cycle time of one day);
    // `stateOn` reads the last one of a day.
    states.push(state);
  };
  let pending: { day: number; at: HistoryTime } | undefined;
  let alive = true;
  const flush = (): void => {
    if (pending) push(pending.day, pending.at, alive);
    pending = undefined;
  };
  for (const e of lineage?.events ?? []) {
    const day = toDayNumber(e.at.date) ?? 0;
    // Events of one commit are applied together, then the state is taken.
    if (pending && pending.at.commit !== e.at.commit) flush();
    pending = { day, at: e.at };
    switch (e.kind) {
      case 'created':
        r.values = { ...e.values };
        r.path = e.path;
        alive = true;
        if (!e.truncated) created ??= day;
        events.push({ kind: 'created', date: e.at.date, commit: e.at.commit, ...(blank(e.values.status) !== undefined ? { status: blank(e.values.status) } : {}) });
        if (e.truncated) {
          // Existing before the history: what it was then is not a change.
          push(day, undefined, true);
          pending = undefined;
        }
        break;
      case 'changed': {
        const from = r.values[e.field];
        if (e.to === undefined) delete r.values[e.field];
        else r.values[e.field] = e.to;
        if (e.field === 'status') events.push({ kind: 'status', date: e.at.date, commit: e.at.commit, ...(blank(from) !== undefined ? { from: blank(from) } : {}), ...(blank(e.to) !== undefined ? { to: blank(e.to) } : {}) });
        else if (e.field === 'estimate') events.push({ kind: 'estimate', date: e.at.date, commit: e.at.commit, ...optionalNumber('from', estimateOf(from)), ...optionalNumber('to', estimateOf(e.to)) });
        else if (e.field === 'milestone') events.push({ kind: 'milestone', date: e.at.date, commit: e.at.commit, ...(blank(from) !== undefined ? { from: blank(from) } : {}), ...(blank(e.to) !== undefined ? { to: blank(e.to) } : {}) });
        break;
      }
      case 'moved':
        r.path = e.to;
        events.push({ kind: 'moved', date: e.at.date, commit: e.at.commit, from: e.from, to: e.to });
        break;
      case 'deleted':
        alive = false;
        break;
    }
  }
  flush();
  if (story) {
    // The working tree: what the index holds now, when no commit has it yet.
    const now: Replay = {
      path: story.path,
      values: {
        ...r.values,
        status: story.status,
        estimate: story.estimate !== undefined ? String(story.estimate) : undefined,
        milestone: story.milestone,
        type: story.type,
      },
    };
    const changed = !last || last.path !== story.path || blank(last.status) !== blank(story.status) || last.estimate !== story.estimate || last.milestone !== blank(story.milestone);
    if (changed) {
      const at: HistoryTime = { commit: UNCOMMITTED, date: fromDayNumber(todayDay), time: todayDay * 86_400 };
      if (!last) {
        created ??= todayDay;
        events.push({ kind: 'created', date: at.date, commit: UNCOMMITTED, ...(blank(story.status) !== undefined ? { status: blank(story.status) } : {}) });
      } else if (blank(last.status) !== blank(story.status)) {
        events.push({ kind: 'status', date: at.date, commit: UNCOMMITTED, ...(last.status !== undefined ? { from: last.status } : {}), ...(blank(story.status) !== undefined ? { to: blank(story.status) } : {}) });
      }
      if (last && last.estimate !== story.estimate) events.push({ kind: 'estimate', date: at.date, commit: UNCOMMITTED, ...optionalNumber('from', last.estimate), ...optionalNumber('to', story.estimate) });
      r.values = now.values;
      r.path = now.path;
      alive = true;
      push(todayDay, at, true);
    }
  }
  if (!everStory && !story) return undefined;
  const final = states[states.length - 1];
  const category = final?.category ?? 'todo';
  const epic = (story?.type ?? r.values.type ?? 'story').trim().toLowerCase() === 'epic';
  const firstDoing = states.findIndex((s) => s.category === 'doing');
  const started = firstDoing >= 0 ? states[firstDoing].day : undefined;
  // Already in progress where a shallow history starts: the real start is earlier.
  const startedExact = firstDoing > 0 || (firstDoing === 0 && created !== undefined);
  let done: number | undefined;
  let points: number | undefined = final?.estimate;
  if (category === 'done') {
    let i = states.length - 1;
    while (i > 0 && states[i - 1].category === 'done') i--;
    // A story that was done when it first appeared was recorded, not finished, then.
    if (i > 0) {
      done = states[i].day;
      points = states[i].estimate ?? final.estimate;
    }
  }
  const id = story?.id ?? blank(r.values.id);
  return {
    path: story?.path ?? r.path,
    ...(id !== undefined ? { id } : {}),
    ...(story ? { title: story.title } : {}),
    epic,
    inBacklog: story !== undefined,
    category,
    ...(created !== undefined ? { created } : {}),
    ...(started !== undefined ? { started } : {}),
    startedExact: started !== undefined && startedExact,
    ...(done !== undefined ? { done } : {}),
    ...(points !== undefined ? { points } : {}),
    events,
    states,
  };
}

function optionalNumber<K extends string>(key: K, n: number | undefined): { [P in K]?: number } {
  return (n === undefined ? {} : { [key]: n }) as { [P in K]?: number };
}

/** Returns the state of a timeline on a day (the last state from that day or before), or undefined before it existed. */
export function stateOn(t: StoryTimeline, day: number): TimelineState | undefined {
  const s = t.states;
  let lo = 0;
  let hi = s.length - 1;
  let found: TimelineState | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (s[mid].day <= day) {
      found = s[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
