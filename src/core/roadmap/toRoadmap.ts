// The roadmap view model of a backlog: the milestones in order (milestoneSchedule), the stories placed
// on them (roadmapStories), the velocity (deriveVelocity), the flow metrics and the forecasts' throughput
// from the git history (roadmapFlow), each milestone's progress, forecast and burn-up (roadmapMilestones,
// forecastMilestones), the buckets and lanes (roadmapLanes), goals, dependencies and the axis. This file
// only puts the parts together, in the order they depend on each other.
import type { BacklogHistory } from '../flow/backlogHistory';
import type { RudderConfig } from '../model/config';
import type { Iteration, Milestone, Story, Vision } from '../model/story';
import type { RoadmapModel, RoadmapStory } from './roadmapModel';
import { fromDayNumber, toDayNumber } from './roadmapDates';
import { deriveVelocity } from './deriveVelocity';
import { roadmapIterationsOf } from './roadmapIterations';
import { blockersOf } from '../query/readiness';
import { forecastMilestones } from './forecastMilestones';
import { goalLanesOf } from './goalLanes';
import { barStartsOf, milestoneResolver, scheduleMilestones } from './milestoneSchedule';
import { milestoneBurnups, roadmapFlowOf } from './roadmapFlow';
import { axisOf } from './roadmapAxis';
import { dependenciesOf } from './roadmapDependencies';
import { compareNatural } from './roadmapHelpers';
import { bucketsOf, lanesOf } from './roadmapLanes';
import { hasDoneStatus, isMilestoneDone, progressOf, toRoadmapMilestone } from './roadmapMilestones';
import { membersByMilestone, roadmapStoriesOf } from './roadmapStories';

/** The part of `BacklogIndex` the roadmap reads (the index satisfies it structurally). */
export interface RoadmapSource {
  readonly config: RudderConfig;
  stories(): readonly Story[];
  milestones(): readonly Milestone[];
  /** Milestones named in stories but defined by no file (Backlog.md); drawn like undated milestones. */
  namedMilestones?(): readonly Milestone[];
  /** Stories with this id (the index's id equivalences); without it, ids compare without case. */
  byId?(id: string): readonly Story[];
  vision(): Vision | undefined;
  goalsOf(story: Story): readonly string[];
  /** Iterations (sprints) by start date, and the stories planned into one (none when absent). */
  iterations?(): readonly Iteration[];
  ofIteration?(ref: string): readonly Story[];
}

export interface RoadmapOptions {
  /** Today, YYYY-MM-DD: an input so the model is deterministic. */
  readonly today: string;
  readonly title?: string;
  /** The git history of the backlog folder: flow metrics, Monte Carlo forecasts and burn-ups come from it. */
  readonly history?: BacklogHistory;
}

/** Returns the roadmap view model of a backlog, as of `options.today`. */
export function toRoadmap(index: RoadmapSource, options: RoadmapOptions): RoadmapModel {
  const config = index.config;
  const todayDay = toDayNumber(options.today) ?? 0;

  const schedule = scheduleMilestones([...index.milestones(), ...(index.namedMilestones?.() ?? [])]);
  const { drafts } = schedule;
  // Blocking is the one readiness query's (`blockersOf`), as in Next Up and the CodeLens.
  const byId = index.byId ? (id: string) => index.byId!(id) : simpleById(index.stories());
  const readiness = { config, vision: () => index.vision(), resolve: byId };
  const backlog = roadmapStoriesOf(index.stories(), config, (s) => index.goalsOf(s), schedule, (s) => blockersOf(s, readiness).map((b) => b.id));
  const { ordered } = backlog;
  const velocity = deriveVelocity(backlog.rawByPath, config, todayDay);
  const flowPart = roadmapFlowOf(options.history, index.stories(), config, todayDay);
  const resolve = milestoneResolver(schedule);
  const burnups = milestoneBurnups(flowPart, (ref) => {
    const id = resolve(ref);
    return id !== null && schedule.order.has(id) ? id : undefined;
  }, config.forecastUnit, todayDay);

  const members = membersByMilestone(ordered, schedule);
  const membersOf = (i: number): readonly RoadmapStory[] => members.get(drafts[i].milestone.id) ?? [];
  const progress = drafts.map((_, i) => progressOf(membersOf(i)));
  const done = drafts.map((d, i) => isMilestoneDone(d, progress[i]));
  const method = { ...(flowPart.monteCarlo ? { monteCarlo: flowPart.monteCarlo } : {}), ...(flowPart.note ? { note: flowPart.note } : {}) };
  const forecasts = forecastMilestones(
    drafts.map((d, i) => ({ due: d.due, dueDay: d.dueDay, status: d.milestone.status, progress: progress[i], done: done[i], statusDone: hasDoneStatus(d) })),
    velocity,
    todayDay,
    method,
  );
  const iterations = roadmapIterationsOf(
    index.iterations?.() ?? [],
    { storiesOf: (it) => index.ofIteration?.(it.id) ?? [], stories: backlog.stories, config, vision: () => index.vision() },
    velocity,
    todayDay,
    method,
  );
  const barStarts = barStartsOf(drafts);
  const buckets = bucketsOf(schedule, done, barStarts, todayDay);
  const milestones = drafts.map((d, i) =>
    toRoadmapMilestone(d, { order: i, members: membersOf(i), progress: progress[i], done: done[i], forecast: forecasts[i], barStart: barStarts[i], bucket: buckets[i], burnup: burnups.get(d.milestone.id) }),
  );

  const { dependencies, warnings: dependencyWarnings } = dependenciesOf(ordered, backlog.firstById, milestones, schedule.order);

  const labels = new Set<string>();
  const statuses = new Set<string>();
  for (const s of ordered) {
    for (const l of s.labels) labels.add(l);
    if (s.status !== undefined) statuses.add(s.status);
  }
  const now = milestones.find((m) => m.bucket === 'now');
  const next = milestones.find((m) => m.bucket === 'next');

  return {
    version: 1,
    today: fromDayNumber(todayDay),
    title: options.title ?? 'Roadmap',
    axis: axisOf(milestones, todayDay),
    velocity,
    flow: flowPart.flow,
    milestones,
    iterations,
    lanes: lanesOf(milestones, ordered, schedule),
    stories: backlog.stories,
    epics: backlog.epics,
    goals: goalLanesOf(index.vision(), ordered, milestones),
    buckets: {
      ...(now ? { now: now.id } : {}),
      ...(next ? { next: next.id } : {}),
      later: milestones.filter((m) => m.bucket === 'later').map((m) => m.id),
      done: milestones.filter((m) => m.bucket === 'done').map((m) => m.id),
    },
    dependencies,
    warnings: [...schedule.warnings, ...backlog.warnings, ...dependencyWarnings],
    labels: [...labels].sort(compareNatural),
    statuses: [...statuses].sort((a, b) => {
      const ia = config.statuses.indexOf(a);
      const ib = config.statuses.indexOf(b);
      return (ia < 0 ? 1e9 : ia) - (ib < 0 ? 1e9 : ib) || compareNatural(a, b);
    }),
  };
}

/** Returns a lookup of stories by id without case, for a source that has no index behind it. */
function simpleById(stories: readonly Story[]): (id: string) => readonly Story[] {
  const map = new Map<string, Story[]>();
  for (const s of stories) if (s.id !== undefined) map.set(s.id.toLowerCase(), [...(map.get(s.id.toLowerCase()) ?? []), s]);
  return (id) => map.get(id.trim().toLowerCase()) ?? [];
}
