import { isDraft } from '../config/workflow';
import type { RudderConfig } from '../model/config';
import type { Story } from '../model/story';

const CHUNK = /(\d+)|(\D+)/g;

/** Returns <0, 0 or >0 comparing ids in natural order (S-2 < S-10, BACK-24.1 < BACK-24.02 < BACK-24.10), case-insensitive. */
export function compareIds(a: string, b: string): number {
  if (a === b) return 0;
  const ca = a.toLowerCase().match(CHUNK) ?? [];
  const cb = b.toLowerCase().match(CHUNK) ?? [];
  const n = Math.min(ca.length, cb.length);
  for (let i = 0; i < n; i++) {
    const x = ca[i];
    const y = cb[i];
    if (x === y) continue;
    const dx = x.charCodeAt(0) >= 48 && x.charCodeAt(0) <= 57;
    const dy = y.charCodeAt(0) >= 48 && y.charCodeAt(0) <= 57;
    if (dx && dy) {
      const d = Number(x) - Number(y);
      if (d !== 0) return d;
      continue; // "02" vs "2": equal numbers, decided below by the raw strings
    }
    return x < y ? -1 : 1;
  }
  if (ca.length !== cb.length) return ca.length - cb.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

function priorityIndex(story: Story, config: RudderConfig): number {
  if (story.priority === undefined) return config.priorities.length + 1;
  const p = story.priority.toLowerCase();
  const i = config.priorities.findIndex((x) => x.toLowerCase() === p);
  return i === -1 ? config.priorities.length : i;
}

// Tier 0: a `rank` key; tier 1: only a Backlog.md `ordinal`; tier 2: unranked.
// Why rank before ordinal: `rank` is what Rudder writes, so a story the user moved in Rudder keeps its place
// ahead of stories only Backlog.md ordered.
function tier(s: Story): number {
  if (typeof s.rank === 'string' && s.rank !== '') return 0;
  if (typeof s.ordinal === 'number' && Number.isFinite(s.ordinal)) return 1;
  return 2;
}

/**
 * Returns <0, 0 or >0: backlog order = Backlog.md drafts after every task, then rank (plain string compare), then
 * ordinal, then unranked by priority; ties by id (natural), then path.
 */
export function compareStories(a: Story, b: Story, config: RudderConfig): number {
  // Why drafts last: Backlog.md keeps drafts apart from the board; ranked among tasks, a draft with
  // `priority: high` became the first row of the backlog.
  const da = isDraft(a, config);
  if (da !== isDraft(b, config)) return da ? 1 : -1;
  const ta = tier(a);
  const tb = tier(b);
  if (ta !== tb) return ta - tb;
  if (ta === 0 && a.rank !== b.rank) return (a.rank as string) < (b.rank as string) ? -1 : 1;
  if (ta === 1 && a.ordinal !== b.ordinal) return (a.ordinal as number) - (b.ordinal as number);
  if (ta === 2) {
    const d = priorityIndex(a, config) - priorityIndex(b, config);
    if (d !== 0) return d;
  }
  // Equal keys (e.g. after a merge) are ordered by id until the equal-rank issue is fixed.
  if (a.id !== undefined && b.id !== undefined) {
    const d = compareIds(a.id, b.id);
    if (d !== 0) return d;
  } else if (a.id !== b.id) {
    return a.id === undefined ? 1 : -1;
  }
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/** Returns a new array of the stories in backlog order. */
export function sortBacklog(stories: readonly Story[], config: RudderConfig): Story[] {
  return [...stories].sort((a, b) => compareStories(a, b, config));
}
