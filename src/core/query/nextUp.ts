import { isDraft, isEpic, statusCategory, statusIndex, storyCategory } from '../config/workflow';
import type { BacklogIndex } from '../index/backlogIndex';
import type { RudderConfig } from '../model/config';
import { plural } from '../model/plural';
import type { Milestone, Story } from '../model/story';
import { toDayNumber } from '../roadmap/roadmapDates';
import { fitToCapacity } from './capacity';
import { pointsLabel } from './counts';
import { currentMilestone, scheduleOrder } from './milestones';
import { blockersOf, passesDefinitionOfReady, readinessContextOf, type Blocker } from './readiness';
import { teamVelocity, type TeamVelocity } from './velocity';

// Next Up answers "what should the team pull next?", the same way in the sidebar view and in `rudder next`: the
// stories that can be started now (open, at the ready status, passing the Definition of Ready, without an error, not
// an epic, not blocked), the current milestone's first, each group in backlog order; the ready stories that wait for
// a dependency apart, each with what blocks it; a capacity line at the team's velocity and the work in progress
// against the WIP limit.

/** How many weeks the capacity line looks ahead. Why two: the most common sprint length, and what fits in one planning. */
export const NEXT_UP_WEEKS = 2;

/** What Next Up is asked. */
export interface NextUpOptions {
  /** Today, YYYY-MM-DD (the caller reads the clock): which milestone is current, and the derived velocity's window. */
  readonly today: string;
  /** Only this milestone's stories (its id or title). */
  readonly milestone?: string;
  /** The points to fit instead of the velocity × NEXT_UP_WEEKS. */
  readonly capacity?: number;
}

/** One story of Next Up, with the milestone it is planned for (resolved) and whether it fits the capacity. */
export interface NextUpStory {
  readonly story: Story;
  readonly milestone?: Milestone;
  /** True when it fits the capacity line's points, walking Next Up in order; undefined without a capacity or an estimate. */
  readonly fits?: boolean;
}

/** One milestone's stories in Next Up (`milestone` undefined: the stories without one). */
export interface NextUpGroup {
  readonly milestone?: Milestone;
  /** True for the current milestone (its dates contain today, else it is the next due). */
  readonly current: boolean;
  readonly stories: readonly NextUpStory[];
}

/** A story that would be next up but waits for a dependency. */
export interface NextUpBlocked {
  readonly story: Story;
  readonly milestone?: Milestone;
  readonly blockedBy: readonly Blocker[];
}

/** The capacity line: what fits into the next weeks at the team's velocity (or into the points asked for). */
export interface NextUpCapacity {
  /** The points looked at; undefined without a velocity and without `capacity`. */
  readonly points?: number;
  readonly source: 'option' | 'velocity' | 'none';
  /** The weeks looked ahead (when the points come from the velocity). */
  readonly weeks?: number;
  readonly velocity: TeamVelocity;
  /** The points of every estimated story of Next Up. */
  readonly readyPoints: number;
  /** The points of the stories that fit. */
  readonly fitPoints: number;
  readonly fitStories: number;
  /** Next Up stories without an estimate (not sized). */
  readonly unestimated: number;
  /** One sentence: "The next 2 weeks fit 21 of 24 points (velocity 10.5 pts/week)". */
  readonly line: string;
}

/** Work in progress against the WIP limit. */
export interface NextUpWip {
  /** The stories being worked on (a status that means work has started, not done), in backlog order. */
  readonly stories: readonly Story[];
  readonly points: number;
  readonly limit?: number;
  readonly over: boolean;
  /** One sentence: "In progress: 3 stories (WIP limit 4)". */
  readonly line: string;
}

/** Next Up: what the team can pull now, what waits, and how much fits. */
export interface NextUp {
  readonly today: string;
  /** The current milestone, when one is. */
  readonly currentMilestone?: Milestone;
  readonly groups: readonly NextUpGroup[];
  /** Every story of the groups, in group order. */
  readonly stories: readonly NextUpStory[];
  readonly blocked: readonly NextUpBlocked[];
  readonly capacity: NextUpCapacity;
  readonly wip: NextUpWip;
}

/**
 * Returns true when a story is one a team would pull: open and not started, not a draft, not an epic, and at the
 * ready status or later in the workflow. (When the ready status itself means work has started — Backlog.md's "In
 * Progress" — every open story that is not started counts.)
 */
export function isPullable(story: Story, config: RudderConfig): boolean {
  if (isEpic(story) || isDraft(story, config) || storyCategory(story, config) !== 'todo') return false;
  if (statusCategory(config.readyStatus, config) !== 'todo') return true;
  const ready = statusIndex(config, config.readyStatus);
  const at = statusIndex(config, story.status);
  return ready !== -1 && at >= ready;
}

/** Returns true when the story has an issue of severity error (as configured): it is never next up. */
export function hasError(index: BacklogIndex, story: Story): boolean {
  return index.issues(story.path).some((i) => i.severity === 'error');
}

/** Returns Next Up for a backlog (see the module comment). */
export function nextUp(index: BacklogIndex, options: NextUpOptions): NextUp {
  const config = index.config;
  const ctx = readinessContextOf(index);
  const milestones = index.allMilestones();
  const current = currentMilestone(index.milestones(), options.today);
  const only = options.milestone !== undefined ? (index.milestoneOrNamed(options.milestone)?.id ?? options.milestone).toLowerCase() : undefined;
  const milestoneOf = (s: Story): Milestone | undefined => (s.milestone === undefined ? undefined : index.milestoneOrNamed(s.milestone));
  const keyOf = (s: Story): string => (milestoneOf(s)?.id ?? s.milestone ?? '').toLowerCase();

  const ready: Story[] = [];
  const blocked: NextUpBlocked[] = [];
  for (const s of index.stories()) {
    if (!isPullable(s, config) || hasError(index, s)) continue;
    if (only !== undefined && keyOf(s) !== only) continue;
    // Blocking is told apart: a blocked story is listed with what it waits for, whatever the Definition of Ready says about it.
    if (!passesDefinitionOfReady(s, ctx, { skip: ['no-open-dependencies'] })) continue;
    const blockers = blockersOf(s, ctx);
    if (blockers.length) blocked.push({ story: s, milestone: milestoneOf(s), blockedBy: blockers });
    else ready.push(s);
  }

  // The current milestone first, then the others in schedule order (milestones by name after them), then none.
  const order = [...(current ? [current] : []), ...scheduleOrder(index.milestones()).filter((m) => m !== current), ...milestones.filter((m) => m.byName)];
  const rank = new Map(order.map((m, i) => [m.id.toLowerCase(), i]));
  const buckets = new Map<string, Story[]>();
  for (const s of ready) {
    const k = keyOf(s);
    const list = buckets.get(k);
    if (list) list.push(s);
    else buckets.set(k, [s]);
  }
  const keys = [...buckets.keys()].sort((a, b) => (a === '' ? 1 : 0) - (b === '' ? 1 : 0) || (rank.get(a) ?? order.length) - (rank.get(b) ?? order.length));
  const inOrder = keys.flatMap((k) => buckets.get(k)!);

  const velocity = teamVelocity(index.stories(), config, toDayNumber(options.today) ?? 0);
  const points = options.capacity ?? (velocity.pointsPerWeek !== undefined ? Math.round(velocity.pointsPerWeek * NEXT_UP_WEEKS * 10) / 10 : undefined);
  const fit = points === undefined ? undefined : fitToCapacity(inOrder, points);
  const fits = new Set(fit?.fit.map((s) => s.path));
  const sized = (s: Story): boolean | undefined => (fit === undefined || s.estimate === undefined ? undefined : fits.has(s.path));

  const groups: NextUpGroup[] = keys.map((k) => {
    const milestone = k === '' ? undefined : milestoneOf(buckets.get(k)![0]);
    return { milestone, current: milestone !== undefined && milestone === current, stories: buckets.get(k)!.map((story) => ({ story, milestone, fits: sized(story) })) };
  });

  const readyPoints = inOrder.reduce((n, s) => n + (s.estimate ?? 0), 0);
  const unestimated = inOrder.filter((s) => s.estimate === undefined).length;
  const capacity: NextUpCapacity = {
    points,
    source: options.capacity !== undefined ? 'option' : points !== undefined ? 'velocity' : 'none',
    weeks: options.capacity === undefined && points !== undefined ? NEXT_UP_WEEKS : undefined,
    velocity,
    readyPoints: round2(readyPoints),
    fitPoints: fit?.fitPoints ?? 0,
    fitStories: fit?.fit.length ?? 0,
    unestimated,
    line: capacityLine(points, options.capacity !== undefined, velocity, fit?.fitPoints ?? 0, readyPoints, unestimated),
  };

  const doing = index.stories().filter((s) => !isEpic(s) && storyCategory(s, config) === 'doing' && (only === undefined || keyOf(s) === only));
  const limit = config.wipLimit;
  const over = limit !== undefined && doing.length > limit;
  const wipLine =
    `In progress: ${plural(doing.length, 'story', 'stories')}` +
    (limit === undefined ? '' : over ? ` — over the WIP limit of ${limit}: finish one before pulling the next` : ` (WIP limit ${limit})`);
  const wip: NextUpWip = { stories: doing, points: round2(doing.reduce((n, s) => n + (s.estimate ?? 0), 0)), limit, over, line: wipLine };

  return { today: options.today, currentMilestone: current, groups, stories: groups.flatMap((g) => g.stories), blocked, capacity, wip };
}

/** Returns the capacity line in words. */
function capacityLine(points: number | undefined, asked: boolean, velocity: TeamVelocity, fitPoints: number, readyPoints: number, unestimated: number): string {
  const rest = unestimated ? `; ${plural(unestimated, 'story has', 'stories have')} no estimate` : '';
  if (points === undefined) return `No capacity: ${velocity.explanation}. ${pointsLabel(readyPoints)} ready${rest}.`;
  const head = asked ? `A capacity of ${pointsLabel(points)} fits` : `The next ${NEXT_UP_WEEKS} weeks fit`;
  const why = asked ? '' : ` (velocity ${velocity.pointsPerWeek} pts/week)`;
  return `${head} ${round2(fitPoints)} of ${plural(round2(readyPoints), 'point')}${why}${rest}.`;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
