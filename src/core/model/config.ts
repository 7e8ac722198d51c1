import type { Severity } from './issue';

export type RuleSetting = Severity | 'off';

/** A Definition of Ready check name. */
export type ReadyCheck = 'acceptance-criteria' | 'vision-link' | 'estimate' | 'user-story' | 'no-open-dependencies';

/** The effective configuration of one backlog (defaults merged with `.rudder.yml` or Backlog.md's config.yml). */
export interface RudderConfig {
  /** Backlog folder, relative to the root. Default 'backlog'. */
  readonly backlog: string;
  /** Globs (relative to root) of story files. */
  readonly stories: readonly string[];
  /** Globs excluded from stories (in addition to the vision and milestone files). */
  readonly exclude: readonly string[];
  /** Vision file, relative to root. */
  readonly vision: string;
  /** Glob of milestone files. */
  readonly milestones: string;
  /** Glob of iteration (sprint) files. */
  readonly iterations: string;
  /** Ordered workflow. */
  readonly statuses: readonly string[];
  readonly readyStatus: string;
  /** The status a story is set to when it is finished (Mark Done, the done count). */
  readonly doneStatus: string;
  /** Every status that means finished (besides those named like Done, Closed, Shipped…); includes doneStatus. */
  readonly doneStatuses: readonly string[];
  /** Statuses that are terminal without being done (besides those named like Dropped, Wontfix, Cancelled…). */
  readonly droppedStatuses: readonly string[];
  readonly priorities: readonly string[];
  readonly definitionOfReady: readonly ReadyCheck[];
  /**
   * The team's Definition of Done: the checklist a new story starts with (`.rudder.yml definitionOfDone`, or
   * Backlog.md's `definition_of_done`). Each story's own "Definition of Done" section is what is checked.
   */
  readonly definitionOfDone: readonly string[];
  readonly rules: Readonly<Record<string, RuleSetting>>;
  readonly splitThreshold: number;
  readonly idPrefix: string;
  /** Points per week, for the roadmap forecast when there is no history to draw throughput from, Next Up's capacity and an iteration without a capacity. */
  readonly velocity?: number;
  /** How many stories may be in progress at once (Next Up compares the work in progress with it); none when unset. */
  readonly wipLimit?: number;
  /** Monte Carlo forecasts: how many complete weeks of throughput (before this week) they draw from. */
  readonly forecastWeeks: number;
  /** Monte Carlo forecasts: what they count, finished stories or their points. */
  readonly forecastUnit: 'stories' | 'points';
  /** Monte Carlo forecasts: how many futures they simulate. */
  readonly forecastTrials: number;
  /** Where the configuration came from: '.rudder.yml' (over Backlog.md's settings when both exist), '<backlog>/config.yml' (Backlog.md) or 'defaults'. */
  readonly source: string;
  /** True when a Backlog.md `config.yml` was read: Backlog.md's conventions apply (id folding, its statuses and priorities). */
  readonly backlogMd: boolean;
}
