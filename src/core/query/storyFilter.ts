import type { BacklogIndex } from '../index/backlogIndex';
import { idKey } from '../index/idKey';
import type { Story } from '../model/story';

/** What a view or `rudder list` shows: stories matching every field that is set. Values compare without case. */
export interface StoryFilter {
  /** Substring of the title, id, path or user story. */
  readonly text?: string;
  readonly status?: string;
  readonly label?: string;
  readonly assignee?: string;
  /** The epic's id: its children (and sub-epics). */
  readonly epic?: string;
  /** A milestone's id or title. */
  readonly milestone?: string;
  /** An iteration's id or title. */
  readonly iteration?: string;
  /** A vision goal's id: the stories that serve it, directly or through their epic. */
  readonly goal?: string;
}

/** The fields of a filter, in the order they are shown. */
export const FILTER_FIELDS = ['text', 'status', 'label', 'assignee', 'epic', 'milestone', 'iteration', 'goal'] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];

/** Returns true when the filter has no field set. */
export function isEmptyFilter(filter: StoryFilter | undefined): boolean {
  return !filter || FILTER_FIELDS.every((f) => !filter[f]);
}

/** Returns true when a story matches every field of the filter. */
export function matchesFilter(story: Story, filter: StoryFilter | undefined, index: BacklogIndex): boolean {
  if (!filter) return true;
  const eq = (a: string | undefined, b: string) => (a ?? '').trim().toLowerCase() === b.trim().toLowerCase();
  if (filter.status && !eq(story.status, filter.status)) return false;
  if (filter.label && !story.labels.some((l) => eq(l, filter.label!))) return false;
  if (filter.assignee && !story.assignee.some((a) => eq(a, filter.assignee!))) return false;
  if (filter.epic && (story.epic === undefined || idKey(story.epic, index.config) !== idKey(filter.epic, index.config))) return false;
  if (filter.milestone && !sameMilestone(story.milestone, filter.milestone, index)) return false;
  if (filter.iteration && !sameIteration(story.iteration, filter.iteration, index)) return false;
  if (filter.goal && !index.goalsOf(story).some((g) => eq(g, filter.goal!))) return false;
  if (filter.text) {
    const needle = filter.text.toLowerCase();
    const hay = [story.title, story.id ?? '', story.path, story.userStory?.text ?? ''].join('\n').toLowerCase();
    if (!hay.includes(needle)) return false;
  }
  return true;
}

/** Returns the stories of the index matching a filter, in backlog order. */
export function filterStories(index: BacklogIndex, filter: StoryFilter | undefined): readonly Story[] {
  const all = index.stories();
  return isEmptyFilter(filter) ? all : all.filter((s) => matchesFilter(s, filter, index));
}

/** Returns the filter as one line: `status: ready · "csv"`, or undefined when it is empty. */
export function describeFilter(filter: StoryFilter | undefined): string | undefined {
  if (isEmptyFilter(filter)) return undefined;
  const parts = FILTER_FIELDS.filter((f) => filter![f]).map((f) => (f === 'text' ? `"${filter!.text}"` : `${f}: ${filter![f]}`));
  return parts.join(' · ');
}

/** Returns the milestone key of a reference: the milestone file's id when it resolves, else the name as written. */
export function milestoneKey(ref: string, index: BacklogIndex): string {
  return (index.milestoneOrNamed(ref)?.id ?? ref).trim().toLowerCase();
}

function sameMilestone(ref: string | undefined, wanted: string, index: BacklogIndex): boolean {
  return ref !== undefined && milestoneKey(ref, index) === milestoneKey(wanted, index);
}

/** Returns the iteration key of a reference: the iteration file's id when it resolves, else the name as written. */
function iterationKey(ref: string, index: BacklogIndex): string {
  return (index.iteration(ref)?.id ?? ref).trim().toLowerCase();
}

function sameIteration(ref: string | undefined, wanted: string, index: BacklogIndex): boolean {
  return ref !== undefined && iterationKey(ref, index) === iterationKey(wanted, index);
}
