import type { BacklogIndex } from '../index/backlogIndex';
import { idKey } from '../index/idKey';
import type { Story } from '../model/story';
import { filterStories, isEmptyFilter, milestoneKey, type StoryFilter } from './storyFilter';
import { iterationGoal, iterationLoad, type IterationLoad } from './iterations';

/** How the backlog is grouped (the tree's Group By, `rudder list --group-by`). */
export const GROUPINGS = ['status', 'epic', 'milestone', 'iteration', 'goal'] as const;
export type Grouping = (typeof GROUPINGS)[number];

/** One group: the stories that share a value of the grouping field (key '' = none set), in backlog order. */
export interface StoryGroup {
  readonly grouping: Grouping;
  /** Lower-cased value ('' = no value). */
  readonly key: string;
  readonly label: string;
  readonly stories: readonly Story[];
  /** The epic story behind an epic group. */
  readonly epic?: Story;
  /** Extra text (an id) shown beside the label. */
  readonly detail?: string;
  readonly tooltip?: string;
  /** True when the value names nothing that exists (an unknown epic, milestone, iteration or goal). */
  readonly notFound: boolean;
  /** An iteration group: what is committed against what fits. */
  readonly load?: IterationLoad;
}

/**
 * Returns the groups of a backlog, each with its matching stories in backlog order: the configured statuses in
 * workflow order (then statuses not in the workflow), epics, milestones, iterations and vision goals in their own order,
 * then values that name nothing, then "No …". Empty groups are left out, except epics without children and iterations
 * with nothing planned when no filter is set. A story serving two goals is in both goal groups; an epic is the row of its own group, not a member.
 */
export function groupStories(index: BacklogIndex, grouping: Grouping, filter?: StoryFilter): StoryGroup[] {
  const matching = filterStories(index, filter);
  const buckets = new Map<string, Story[]>();
  const put = (key: string, s: Story) => {
    const list = buckets.get(key);
    if (list) list.push(s);
    else buckets.set(key, [s]);
  };
  const out: StoryGroup[] = [];
  const group = (key: string, label: string, stories: readonly Story[], extra: Partial<StoryGroup> = {}): StoryGroup => ({ grouping, key, label, stories, notFound: false, ...extra });
  const unknown = (key: string, label: string, stories: readonly Story[]) => group(key, `${label} (not found)`, stories, { notFound: true });
  const rest = (): void => {
    for (const [key, list] of buckets) if (key !== '') out.push(unknown(key, labelOf(grouping, key, list, index), list));
    if (buckets.has('')) out.push(group('', NONE_LABEL[grouping], buckets.get('')!));
  };

  if (grouping === 'status') {
    const config = index.config;
    for (const s of matching) put((s.status ?? '').trim().toLowerCase(), s);
    const order = [...config.statuses.map((st) => st.toLowerCase()), ...buckets.keys()];
    const seen = new Set<string>();
    for (const key of order) {
      if (key === '' || seen.has(key) || !buckets.has(key)) continue;
      seen.add(key);
      const label = config.statuses.find((st) => st.toLowerCase() === key) ?? buckets.get(key)![0].status ?? key;
      out.push(group(key, label, buckets.get(key)!));
    }
    if (buckets.has('')) out.push(group('', NONE_LABEL.status, buckets.get('')!));
    return out;
  }

  if (grouping === 'epic') {
    // Stories are matched to epics by id key (Backlog.md's `task-4` is `BACK-4`); a group's key is its epic's id.
    const epics = index.stories().filter((s) => s.type === 'epic' && s.id !== undefined);
    const epicKeys = new Set(epics.map((e) => idKey(e.id!, index.config)));
    const byKey = new Map<string, Story[]>();
    for (const s of matching) {
      if (s.type === 'epic' && s.id !== undefined && epicKeys.has(idKey(s.id, index.config)) && !s.epic) continue; // shown as its group row
      if (!s.epic) put('', s);
      else {
        const k = idKey(s.epic, index.config);
        const list = byKey.get(k);
        if (list) list.push(s);
        else byKey.set(k, [s]);
      }
    }
    const emptyFilter = filter === undefined || Object.values(filter).every((v) => !v);
    for (const e of epics) {
      const k = idKey(e.id!, index.config);
      const list = byKey.get(k) ?? [];
      byKey.delete(k);
      if (list.length === 0 && !emptyFilter) continue; // an empty epic is worth seeing, unless a filter is on
      out.push(group(e.id!.toLowerCase(), e.title || e.id!, list, { epic: e, detail: e.id }));
    }
    for (const list of byKey.values()) out.push(unknown(list[0].epic!.toLowerCase(), list[0].epic!, list));
    if (buckets.has('')) out.push(group('', NONE_LABEL.epic, buckets.get('')!));
    return out;
  }

  if (grouping === 'milestone') {
    for (const s of matching) put(s.milestone ? milestoneKey(s.milestone, index) : '', s);
    for (const m of index.allMilestones()) {
      const key = m.id.toLowerCase();
      const list = buckets.get(key);
      if (!list) continue;
      buckets.delete(key);
      const dates = [m.start, m.due].filter(Boolean).join(' → ');
      const tooltip = m.byName ? `${m.title}\nA milestone by name: no milestone file defines it (no dates)` : [m.title, dates, m.status].filter(Boolean).join('\n');
      out.push(group(key, m.title || m.id, list, { detail: m.byName ? undefined : m.id, tooltip }));
    }
    rest();
    return out;
  }

  if (grouping === 'iteration') {
    for (const s of matching) put(s.iteration ? (index.iteration(s.iteration)?.id ?? s.iteration).trim().toLowerCase() : '', s);
    for (const it of index.iterations()) {
      const key = it.id.toLowerCase();
      const list = buckets.get(key) ?? [];
      buckets.delete(key);
      // An iteration with nothing planned yet is worth seeing (that is where planning starts), unless a filter is on.
      if (list.length === 0 && !isEmptyFilter(filter)) continue;
      const load = iterationLoad(index, it);
      const goal = iterationGoal(index, it);
      const tooltip = [it.title, [it.start, it.end].filter(Boolean).join(' → '), `Capacity: ${load.capacity.explanation}`, goal ? `Goal: ${goal.text}` : undefined].filter(Boolean).join('\n');
      out.push(group(key, it.title || it.id, list, { detail: it.id, tooltip, load }));
    }
    rest();
    return out;
  }

  for (const s of matching) {
    const ids = index.goalsOf(s);
    if (ids.length === 0) put('', s);
    for (const id of new Set(ids.map((g) => g.toLowerCase()))) put(id, s);
  }
  for (const g of index.vision()?.goals ?? []) {
    const key = g.id.toLowerCase();
    const list = buckets.get(key);
    if (!list) continue;
    buckets.delete(key);
    out.push(group(key, g.title || g.id, list, { detail: g.id, tooltip: g.metric ? `${g.title}\nMetric: ${g.metric}` : g.title }));
  }
  rest();
  return out;
}

/** Returns the stories of one group (by grouping and key), in backlog order: exactly the group's rows. */
export function storiesOfGroup(index: BacklogIndex, grouping: Grouping, key: string): readonly Story[] {
  const k = key.trim().toLowerCase();
  const groups = groupStories(index, grouping);
  const exact = groups.find((g) => g.key === k);
  if (exact || grouping !== 'epic' || k === '') return exact?.stories ?? [];
  // An epic named by another spelling of its id (Backlog.md: `task-4` for `BACK-4`).
  return groups.find((g) => g.epic?.id !== undefined && idKey(g.epic.id, index.config) === idKey(k, index.config))?.stories ?? [];
}

const NONE_LABEL: Record<Grouping, string> = { status: 'No status', epic: 'No epic', milestone: 'No milestone', iteration: 'No iteration', goal: 'No goal' };

function labelOf(grouping: Grouping, key: string, list: readonly Story[], index: BacklogIndex): string {
  if (grouping === 'milestone') return list[0].milestone!;
  if (grouping === 'iteration') return list[0].iteration!;
  return index.vision()?.goals.find((g) => g.id.toLowerCase() === key)?.id ?? key.toUpperCase();
}
