import type { RudderConfig } from '../model/config';
import type { Issue, IssueCode, Severity } from '../model/issue';
import type { Milestone, Story, Vision } from '../model/story';

/** What a rule may ask about the rest of the backlog. Every answer is an index lookup, never a scan. */
export interface RuleContext {
  readonly config: RudderConfig;
  /** Last text given for a path (to compute insert positions and line endings for fixes). */
  text(path: string): string | undefined;
  /** Stories with this id (case-insensitive; Backlog.md `task-12` also finds `BACK-12`). */
  resolve(id: string): readonly Story[];
  vision(): Vision | undefined;
  /** A milestone by id or title (case-insensitive). */
  milestone(ref: string): Milestone | undefined;
  milestones(): readonly Milestone[];
  /** The shortest dependency cycle through the story (starting and ending with it), or undefined. */
  dependencyCycle(story: Story): readonly Story[] | undefined;
  /** Stories sharing this exact rank key, in backlog order. */
  storiesWithRank(rank: string): readonly Story[];
  /** The nearest distinct rank keys below and above `rank`. */
  rankNeighbours(rank: string): { readonly before?: string; readonly after?: string };
  /** The stories of a milestone (by id or title, or by name), in backlog order. */
  storiesInMilestone(ref: string): readonly Story[];
  /** True when a file that is not a story here (archive, docs, decisions) has this id or title. */
  existsElsewhere(ref: string): boolean;
  /** A fresh id with the configured prefix (one above the highest in use). */
  nextId(): string;
}

/** A rule about one story. Rules report positioned issues with their default severity; they never throw. */
export interface StoryRule {
  readonly code: IssueCode;
  readonly defaultSeverity: Severity;
  check(story: Story, ctx: RuleContext): Issue[];
}

/** A rule about the backlog as a whole (reported once, not per story). */
export interface BacklogRule {
  readonly code: IssueCode;
  readonly defaultSeverity: Severity;
  checkBacklog(ctx: RuleContext & { readonly storyCount: number; readonly configIssues: readonly Issue[] }): Issue[];
}
