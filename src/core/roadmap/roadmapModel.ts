// The roadmap view model: plain JSON-safe data (no classes, no functions, no Dates), computed by
// `toRoadmap` in the core and drawn as-is by the webview and the exporters.

/** Where a status sits in the workflow. */
export type { StatusCategory } from '../config/workflow';
import type { StatusCategory } from '../config/workflow';

/** One story (or epic) as the roadmap shows it. */
export interface RoadmapStory {
  /** Path relative to the backlog root: the story's unique key (ids may be duplicated). */
  readonly path: string;
  readonly id?: string;
  readonly title: string;
  readonly type: string;
  readonly isEpic: boolean;
  readonly status?: string;
  readonly category: StatusCategory;
  /** The story's estimate (points), when it has one. */
  readonly points?: number;
  readonly acDone: number;
  readonly acTotal: number;
  /** Epic id, when the story belongs to one. */
  readonly epic?: string;
  /** Vision goal ids it serves (its own, else its epic's). */
  readonly goals: readonly string[];
  readonly labels: readonly string[];
  /** The milestone id as written; null when the story has none. */
  readonly milestone: string | null;
  /** The lane id it is drawn in: a dated milestone's id, or 'later'. */
  readonly lane: string;
  /** Ids of the stories it depends on, as written. */
  readonly dependsOn: readonly string[];
  /** The dependencies that still block it (not done or dropped), by the one readiness query; [] for a closed story. */
  readonly blockedBy: readonly string[];
  /** Position in backlog order (0-based). */
  readonly order: number;
  /** The "As a …, I want …, so that …" text, for tooltips. */
  readonly userStory?: string;
  /** Acceptance criteria texts, for tooltips. */
  readonly criteria: readonly { readonly text: string; readonly done: boolean }[];
}

/** Done vs total, over the milestone's stories (epics and dropped stories are not counted). */
export interface RoadmapProgress {
  readonly donePoints: number;
  readonly totalPoints: number;
  readonly doneStories: number;
  readonly totalStories: number;
  /** Stories without an estimate (they add nothing to the point totals). */
  readonly unestimatedStories: number;
}

/** Why no forecast can be made. */
export type NoEstimateReason = 'no-velocity' | 'unestimated-stories' | 'no-due-date' | 'no-stories';

/** How a Monte Carlo forecast was made: everything a reader needs to judge it. */
export interface ForecastBasis {
  readonly trials: number;
  /** What the trials count: finished stories or their points. */
  readonly unit: 'stories' | 'points';
  /** The weeks drawn from: how many, the Mondays of the first and the last, and each week's throughput. */
  readonly weeks: number;
  readonly from: string;
  readonly to: string;
  readonly throughput: readonly number[];
  readonly min: number;
  readonly max: number;
  readonly median: number;
  /** Work left in this milestone, and in the not-done milestones before it (worked on first), in `unit`. */
  readonly remaining: number;
  readonly ahead: number;
}

/**
 * Will the remaining work be done before the due date? Monte Carlo from the throughput of the git history when
 * there is one (`method: 'monte-carlo'`); else the velocity (configured, or derived from `updated:` dates).
 */
export type RoadmapForecast =
  | { readonly kind: 'done'; readonly message: string }
  | {
      readonly kind: 'on-track' | 'at-risk' | 'projected';
      readonly method: 'monte-carlo';
      /** The sentence for people: the dates, the due date, and the inputs. */
      readonly message: string;
      /** Completion dates by likelihood (YYYY-MM-DD); absent when later than ten years in that share of the trials. */
      readonly p50?: string;
      readonly p85?: string;
      readonly p95?: string;
      /** Share (0–1) of the trials that finished by the due date (dated milestones only). */
      readonly likelihood?: number;
      readonly remaining: { readonly stories: number; readonly points: number };
      readonly basis: ForecastBasis;
    }
  | {
      readonly kind: 'on-track';
      readonly method: 'velocity';
      readonly message: string;
      readonly velocity: number;
      readonly remainingPoints: number;
      /** Remaining points of this milestone plus the not-done milestones due before it (worked on first). */
      readonly pointsAhead: number;
      /** Points the team can still deliver before the due date. */
      readonly capacity: number;
      readonly daysLeft: number;
    }
  | {
      readonly kind: 'at-risk';
      readonly method: 'velocity';
      readonly message: string;
      readonly velocity: number;
      readonly remainingPoints: number;
      readonly pointsAhead: number;
      readonly capacity: number;
      readonly daysLeft: number;
      /** Points that do not fit before the due date. */
      readonly pointsOver: number;
      /** Days after the due date when the remaining work would be done. */
      readonly daysLate: number;
    }
  | { readonly kind: 'no-estimate'; readonly message: string; readonly reasons: readonly NoEstimateReason[] };

/** A milestone's burn-up: its scope and what of it was done, each day either changed. */
export interface RoadmapBurnup {
  readonly unit: 'stories' | 'points';
  /** From the first day the milestone had work to today, in order. */
  readonly points: readonly { readonly date: string; readonly scope: number; readonly done: number }[];
  /** The days stories joined or left the milestone (ids, else paths). */
  readonly changes: readonly { readonly date: string; readonly added: readonly string[]; readonly removed: readonly string[] }[];
}

/** Flow metrics from the git history, and where the forecasts' throughput comes from. */
export interface RoadmapFlow {
  /** Whether a history was read, and what it covers or why there is none (a sentence for people). */
  readonly history: {
    readonly available: boolean;
    readonly message: string;
    readonly commits: number;
    readonly first?: string;
    readonly last?: string;
    readonly shallow: boolean;
  };
  readonly unit: 'stories' | 'points';
  /** The configured number of weeks to draw from, and of trials. */
  readonly weeks: number;
  readonly trials: number;
  /** What the Monte Carlo forecasts drew from; absent when they could not run (see `note`). */
  readonly sample?: { readonly from: string; readonly to: string; readonly values: readonly number[] };
  /** Why the forecasts fell back to the velocity, when they did. */
  readonly note?: string;
  readonly throughput: readonly { readonly weekStart: string; readonly stories: number; readonly points: number }[];
  readonly cycleTimeDays?: RoadmapPercentiles;
  readonly leadTimeDays?: RoadmapPercentiles;
  /** Finished stories, in the order they finished (the cycle-time scatter). */
  readonly finished: readonly { readonly path: string; readonly id?: string; readonly title?: string; readonly done: string; readonly cycleDays?: number; readonly leadDays?: number; readonly points?: number }[];
  readonly wip: number;
  readonly agingWip: readonly { readonly path: string; readonly id?: string; readonly title?: string; readonly status?: string; readonly days: number; readonly atLeast: boolean; readonly olderThan: number; readonly aboveP85: boolean }[];
}

export interface RoadmapPercentiles {
  readonly p50: number;
  readonly p85: number;
  readonly p95: number;
  readonly count: number;
}

/** The velocity used for forecasts, and where it came from. */
export interface RoadmapVelocity {
  /** Points per week; undefined when neither configured nor derivable. */
  readonly pointsPerWeek?: number;
  readonly source: 'config' | 'derived' | 'none';
  /** How it was derived or why it could not be. */
  readonly explanation: string;
}

export type RoadmapBucket = 'now' | 'next' | 'later' | 'done';

/** One milestone with its work, progress and forecast. */
export interface RoadmapMilestone {
  readonly id: string;
  readonly title: string;
  readonly path: string;
  readonly description: string;
  readonly status?: string;
  /** Valid ISO dates, as written (invalid ones are dropped and warned about). */
  readonly start?: string;
  readonly due?: string;
  /** Start of the drawn bar: `start`, else the previous milestone's due, else two weeks before `due`. */
  readonly barStart?: string;
  readonly startInferred: boolean;
  /** Position in milestone order (dated by due, then undated by id). */
  readonly order: number;
  /** The lane: its own id when it has a due date, else 'later'. */
  readonly lane: string;
  readonly bucket: RoadmapBucket;
  readonly done: boolean;
  /** Epic ids scheduled in it or with stories in it, in backlog order. */
  readonly epics: readonly string[];
  /** Paths of its stories (not epics) in backlog order. */
  readonly stories: readonly string[];
  /** Goal ids its stories serve. */
  readonly goals: readonly string[];
  readonly progress: RoadmapProgress;
  readonly forecast: RoadmapForecast;
  /** Scope and done over time, from the git history (absent without one). */
  readonly burnup?: RoadmapBurnup;
}

/** One iteration (sprint): its dates, what is committed against its capacity, its progress and forecast against its `end`. */
export interface RoadmapIteration {
  readonly id: string;
  readonly title: string;
  readonly path: string;
  readonly start?: string;
  readonly end?: string;
  /** Paths of its stories (not epics) in backlog order. */
  readonly stories: readonly string[];
  /** Points of its stories (never an epic's), done ones included. */
  readonly committed: number;
  readonly capacity?: number;
  /** The sprint goal: a vision goal's title and id (`Never buy the same thing twice (G1)`), else the text. */
  readonly goal?: string;
  /** True when its dates contain today. */
  readonly current: boolean;
  readonly progress: RoadmapProgress;
  readonly done: boolean;
  /** Will its remaining work be done by its end? Iterations are worked on in start order, like milestones in theirs. */
  readonly forecast: RoadmapForecast;
}

/** A row of the timeline. */
export interface RoadmapLane {
  /** A milestone id, or 'later'. */
  readonly id: string;
  readonly title: string;
  readonly kind: 'milestone' | 'later';
  /** Milestones drawn in it: one for a milestone lane; the undated ones for Later. */
  readonly milestones: readonly string[];
  /** Stories in it that belong to no (known) milestone, in backlog order (Later lane only). */
  readonly unscheduled: readonly string[];
}

/** A vision goal and the work that serves it; the goal id '' is "no goal". */
export interface RoadmapGoalLane {
  readonly id: string;
  readonly title: string;
  readonly metric?: string;
  readonly milestones: readonly string[];
  readonly epics: readonly string[];
  readonly stories: readonly string[];
}

/** `from` depends on `to` (paths). */
export interface RoadmapDependency {
  readonly from: string;
  readonly to: string;
  /** The id as written in `depends_on`. */
  readonly toId: string;
}

export type RoadmapWarningCode = 'dependency-order' | 'dependency-unscheduled' | 'unknown-milestone' | 'invalid-date';

/** Something the roadmap shows as a warning. */
export interface RoadmapWarning {
  readonly code: RoadmapWarningCode;
  readonly message: string;
  /** The story or milestone file it is about. */
  readonly path: string;
  /** The other story, for dependency warnings. */
  readonly relatedPath?: string;
}

export interface RoadmapMonth {
  /** First day, ISO. */
  readonly start: string;
  /** Day after the last day, ISO. */
  readonly end: string;
  readonly label: string;
}

export interface RoadmapQuarter {
  readonly start: string;
  readonly end: string;
  readonly label: string;
}

/** The time axis: whole months from the earliest to the latest date shown. */
export interface RoadmapAxis {
  /** First day shown (first of a month). */
  readonly start: string;
  /** Day after the last day shown (first of a month). */
  readonly end: string;
  readonly today: string;
  readonly months: readonly RoadmapMonth[];
  readonly quarters: readonly RoadmapQuarter[];
}

/** Everything the roadmap draws. JSON-safe. */
export interface RoadmapModel {
  readonly version: 1;
  readonly today: string;
  readonly title: string;
  readonly axis: RoadmapAxis;
  readonly velocity: RoadmapVelocity;
  /** Flow metrics and the forecasts' inputs (from the git history, when there is one). */
  readonly flow: RoadmapFlow;
  /** In milestone order. */
  readonly milestones: readonly RoadmapMilestone[];
  /** Iterations (sprints) by start date; empty when the backlog has none. */
  readonly iterations: readonly RoadmapIteration[];
  /** Dated milestone lanes in order, then Later. */
  readonly lanes: readonly RoadmapLane[];
  /** Every story and epic by path. */
  readonly stories: Readonly<Record<string, RoadmapStory>>;
  /** Epic paths by epic id (first epic with that id). */
  readonly epics: Readonly<Record<string, string>>;
  /** Vision goals in vision order, then "no goal" (id ''). */
  readonly goals: readonly RoadmapGoalLane[];
  readonly buckets: { readonly now?: string; readonly next?: string; readonly later: readonly string[]; readonly done: readonly string[] };
  readonly dependencies: readonly RoadmapDependency[];
  readonly warnings: readonly RoadmapWarning[];
  /** All labels and statuses in use, sorted, for the filters. */
  readonly labels: readonly string[];
  readonly statuses: readonly string[];
}
