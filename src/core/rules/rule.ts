import type { RudderConfig } from '../model/config';
import type { Issue, Severity } from '../model/issue';
import type { Iteration, Milestone, Story, Vision } from '../model/story';

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
  /** An iteration by id or title (case-insensitive). */
  iteration(ref: string): Iteration | undefined;
  iterations(): readonly Iteration[];
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

/**
 * Which changes to OTHER stories can change a rule's findings on a story; the index re-checks exactly those stories
 * (its per-file issue cache is dropped for them). A rule that reads only its own story declares none. The vision, the
 * milestone files and the configuration invalidate every story anyway.
 * - `same-id`: another story with the same id appears, changes or goes (duplicates);
 * - `referenced`: the story or epic this one names (epic, depends_on) appears, changes or goes;
 * - `dependency-cycle`: a story on a dependency cycle with this one changes its links;
 * - `same-rank`: another story takes or leaves this story's rank key;
 * - `rank-neighbours`: the nearest distinct rank keys change (a rank fix proposes a key between them);
 * - `same-milestone`: another story names the same milestone, or moves before this one (milestone-by-name);
 * - `next-id`: the highest id in use changes (a fix proposes the next free id).
 */
export type Invalidation = 'same-id' | 'referenced' | 'dependency-cycle' | 'same-rank' | 'rank-neighbours' | 'same-milestone' | 'next-id';

/** What every rule says about itself: the CLI's help, SARIF's rule list, the docs check and the index derive from it. */
export interface RuleMeta<C extends string = string> {
  /** The stable public code (kebab-case); docs/rules.md#<code> documents it. */
  readonly code: C;
  readonly defaultSeverity: Severity;
  /** One sentence: what is wrong. */
  readonly title: string;
  /** Why it matters and how to fix it (or turn it off). */
  readonly description: string;
  /** Which changes to other stories can change this rule's findings (see Invalidation); none when absent. */
  readonly invalidatedBy?: readonly Invalidation[];
}

/** A rule about one story. Rules report positioned issues with their default severity; they never throw. */
export interface StoryRule<C extends string = string> extends RuleMeta<C> {
  check(story: Story, ctx: RuleContext): Issue[];
}

/** A rule about the backlog as a whole (reported once, not per story). */
export interface BacklogRule<C extends string = string> extends RuleMeta<C> {
  checkBacklog(ctx: RuleContext & { readonly storyCount: number; readonly configIssues: readonly Issue[] }): Issue[];
}

/**
 * A finding about a file as a file that the loading pipeline or the parser reports (it could not be read, it is not
 * UTF-8): no check of its own, only its metadata, so that it gets a severity setting, docs and help like every rule.
 */
export type FileRule<C extends string = string> = RuleMeta<C>;

/** Where the rules are documented: docs/rules.md, one section per code. */
export const RULES_DOC_URL = 'https://github.com/rudder/rudder/blob/main/docs/rules.md';

/** Returns the documentation link of one rule code (its section of docs/rules.md). */
export function ruleDocsUrl(code: string): string {
  return `${RULES_DOC_URL}#${code}`;
}

/** Returns the sentence every rule that can be turned off ends its description with. */
export function turnOff(code: string): string {
  return `Turn it off with \`rules: { ${code}: off }\` in .rudder.yml.`;
}
