import type { NextUp } from '../../core/query/nextUp';

/** One story of `rudder next --json` (public API: version 1). Absent values are null. */
export interface JsonNextStory {
  readonly id: string | null;
  readonly title: string;
  readonly file: string;
  readonly milestone: string | null;
  readonly estimate: number | null;
  readonly status: string | null;
  readonly priority: string | null;
  readonly epic: string | null;
  readonly iteration: string | null;
  /** True when it fits the capacity line, walking Next Up in order; null without a capacity or an estimate. */
  readonly fits: boolean | null;
}

/** `rudder next --json`: what the Next Up view shows, as data (version 1). */
export interface JsonNextUp {
  readonly version: 1;
  readonly today: string;
  readonly milestone: { readonly id: string; readonly title: string; readonly start: string | null; readonly due: string | null } | null;
  readonly stories: readonly JsonNextStory[];
  readonly blocked: readonly { readonly id: string | null; readonly title: string; readonly file: string; readonly milestone: string | null; readonly blockedBy: readonly string[] }[];
  readonly capacity: {
    readonly points: number | null;
    readonly source: 'option' | 'velocity' | 'none';
    readonly weeks: number | null;
    readonly velocity: number | null;
    readonly velocitySource: 'config' | 'derived' | 'none';
    readonly readyPoints: number;
    readonly fitPoints: number;
    readonly fitStories: number;
    readonly unestimated: number;
    readonly line: string;
  };
  readonly wip: { readonly count: number; readonly points: number; readonly limit: number | null; readonly over: boolean; readonly line: string; readonly stories: readonly { readonly id: string | null; readonly file: string }[] };
}

/** Returns Next Up as `rudder next --json` prints it (and as the host tests compare with the view). */
export function toNextUpJson(n: NextUp): JsonNextUp {
  return {
    version: 1,
    today: n.today,
    milestone: n.currentMilestone ? { id: n.currentMilestone.id, title: n.currentMilestone.title, start: n.currentMilestone.start ?? null, due: n.currentMilestone.due ?? null } : null,
    stories: n.stories.map(({ story: s, milestone, fits }) => ({
      id: s.id ?? null,
      title: s.title,
      file: s.path,
      milestone: milestone?.id ?? s.milestone ?? null,
      estimate: s.estimate ?? null,
      status: s.status ?? null,
      priority: s.priority ?? null,
      epic: s.epic ?? null,
      iteration: s.iteration ?? null,
      fits: fits ?? null,
    })),
    blocked: n.blocked.map((b) => ({ id: b.story.id ?? null, title: b.story.title, file: b.story.path, milestone: b.milestone?.id ?? b.story.milestone ?? null, blockedBy: b.blockedBy.map((x) => x.id) })),
    capacity: {
      points: n.capacity.points ?? null,
      source: n.capacity.source,
      weeks: n.capacity.weeks ?? null,
      velocity: n.capacity.velocity.pointsPerWeek ?? null,
      velocitySource: n.capacity.velocity.source,
      readyPoints: n.capacity.readyPoints,
      fitPoints: n.capacity.fitPoints,
      fitStories: n.capacity.fitStories,
      unestimated: n.capacity.unestimated,
      line: n.capacity.line,
    },
    wip: { count: n.wip.stories.length, points: n.wip.points, limit: n.wip.limit ?? null, over: n.wip.over, line: n.wip.line, stories: n.wip.stories.map((s) => ({ id: s.id ?? null, file: s.path })) },
  };
}

/** Returns the text `rudder next` prints: the capacity and WIP lines, the stories by milestone, then the blocked ones. */
export function formatNextUpText(n: NextUp): string {
  const lines: string[] = [n.capacity.line, n.wip.line, ''];
  if (n.stories.length === 0) lines.push('Nothing is ready to pull: no story is at the ready status, passes the Definition of Ready, has no error and waits for nothing.');
  for (const g of n.groups) {
    const head = g.milestone ? `${g.milestone.title}${g.milestone.byName ? '' : ` (${g.milestone.id})`}${g.current ? ' — current milestone' : ''}` : 'No milestone';
    lines.push(head);
    for (const { story: s, fits } of g.stories) {
      const pts = s.estimate === undefined ? '—' : `${s.estimate} pts`;
      lines.push(`  ${(s.id ?? '—').padEnd(8)} ${pts.padStart(7)}  ${s.title}${fits === false ? '  (beyond the capacity)' : ''}`);
    }
    lines.push('');
  }
  if (n.blocked.length) {
    lines.push('Blocked');
    for (const b of n.blocked) lines.push(`  ${(b.story.id ?? '—').padEnd(8)} waits for ${b.blockedBy.map((x) => x.id).join(', ')}  ${b.story.title}`);
    lines.push('');
  }
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
}
