import type { BacklogIndex } from '../index/backlogIndex';
import type { Issue } from '../model/issue';
import type { Story } from '../model/story';

/** One entry of the grooming queue: a story and its issues, most severe first. */
export interface GroomingItem {
  readonly story: Story;
  readonly issues: readonly Issue[];
}

const SEVERITY = { error: 0, warning: 1, info: 2 } as const;

/** Returns the stories that have issues, in backlog order (the grooming queue). */
export function groomingQueue(index: BacklogIndex): GroomingItem[] {
  const out: GroomingItem[] = [];
  for (const story of index.stories()) {
    const issues = index.issues(story.path);
    if (issues.length === 0) continue;
    // Why most severe first, then by position: the first issue is the one the cursor lands on.
    const sorted = [...issues].sort((a, b) => SEVERITY[a.severity] - SEVERITY[b.severity] || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    out.push({ story, issues: sorted });
  }
  return out;
}

/** Returns the next story to groom: the first of the queue after `currentPath` (wrapping around), else the first; undefined when nothing has issues. */
export function nextToGroom(index: BacklogIndex, currentPath?: string): GroomingItem | undefined {
  const queue = groomingQueue(index);
  if (queue.length === 0) return undefined;
  if (currentPath === undefined) return queue[0];
  const order = index.stories();
  const at = order.findIndex((s) => s.path === currentPath);
  if (at < 0) return queue[0];
  const pos = new Map(order.map((s, i) => [s.path, i]));
  return queue.find((q) => (pos.get(q.story.path) ?? -1) > at) ?? queue[0];
}
