import type { BacklogIndex } from '../index/backlogIndex';
import type { Issue, Severity } from '../model/issue';
import { plural } from '../model/plural';
import type { Story } from '../model/story';

/** One entry of the grooming queue: a story and its issues, most severe first. */
export interface GroomingItem {
  readonly story: Story;
  readonly issues: readonly Issue[];
  /** The most severe of its issues: the queue's tier. */
  readonly severity: Severity;
}

/** The next story to groom, and why it is the next one ("3 errors left; this is the highest-ranked"). */
export interface NextToGroom extends GroomingItem {
  readonly why: string;
}

const SEVERITY = { error: 0, warning: 1, info: 2 } as const;
const WORDS: Record<Severity, [string, string]> = { error: ['error', 'errors'], warning: ['warning', 'warnings'], info: ['info', 'infos'] };

/**
 * Returns the stories that have issues, most severe first, then in backlog order (the grooming queue): every story
 * with an error, highest-ranked first, then those with warnings, then the rest. Why severity before rank: an error
 * (a duplicate id, a broken reference) makes the backlog wrong; a hint on a higher-ranked story can wait.
 */
export function groomingQueue(index: BacklogIndex): GroomingItem[] {
  const out: GroomingItem[] = [];
  for (const story of index.stories()) {
    const issues = index.issues(story.path);
    if (issues.length === 0) continue;
    // Why most severe first, then by position: the first issue is the one the cursor lands on.
    const sorted = [...issues].sort((a, b) => SEVERITY[a.severity] - SEVERITY[b.severity] || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    out.push({ story, issues: sorted, severity: sorted[0].severity });
  }
  // Stable: inside a tier, backlog order stays.
  return out.sort((a, b) => SEVERITY[a.severity] - SEVERITY[b.severity]);
}

/**
 * Returns the next story to groom: the first of the queue after `after` (the story groomed last, in the tier it was
 * in when it was opened: fixing its error does not skip the errors below it), wrapping around; else the first.
 * Undefined when nothing has issues.
 */
export function nextToGroom(index: BacklogIndex, after?: { readonly path: string; readonly severity?: Severity }): NextToGroom | undefined {
  const queue = groomingQueue(index);
  if (queue.length === 0) return undefined;
  let next = queue[0];
  if (after) {
    const pos = new Map(index.stories().map((s, i) => [s.path, i]));
    const at = pos.get(after.path);
    const tier = after.severity ?? queue.find((q) => q.story.path === after.path)?.severity;
    if (at !== undefined && tier !== undefined) {
      const key = (q: GroomingItem) => SEVERITY[q.severity] * 1e9 + (pos.get(q.story.path) ?? 0);
      const current = SEVERITY[tier] * 1e9 + at;
      next = queue.find((q) => q.story.path !== after.path && key(q) > current) ?? queue.find((q) => q.story.path !== after.path) ?? queue[0];
    }
  }
  return { ...next, why: whyNext(queue, next) };
}

/** Returns why `item` is next: how many issues of its tier are left (and that none worse are), and where it ranks among them. */
function whyNext(queue: readonly GroomingItem[], item: GroomingItem): string {
  const count = (s: Severity) => queue.reduce((n, q) => n + q.issues.filter((i) => i.severity === s).length, 0);
  const [one, many] = WORDS[item.severity];
  const worse = (['error', 'warning'] as const).filter((s) => SEVERITY[s] < SEVERITY[item.severity]);
  const none = worse.length ? `No ${worse.map((s) => WORDS[s][1]).join(' or ')} left; ` : '';
  const tier = queue.filter((q) => q.severity === item.severity);
  const place = tier[0] === item ? 'this is the highest-ranked' : `this is the next by rank (${tier.indexOf(item) + 1} of ${tier.length})`;
  return `${none}${plural(count(item.severity), one, many)} left; ${place}`;
}
