import type { FileEdit, Range } from './range';

export type Severity = 'error' | 'warning' | 'info';

/** Stable public codes. Never rename one: users' configs and CI pipelines name them. */
export const ISSUE_CODES = [
  'front-matter-syntax',
  'missing-id',
  'duplicate-id',
  'invalid-field',
  'unknown-reference',
  'unknown-vision-goal',
  'dependency-cycle',
  'missing-acceptance-criteria',
  'missing-vision-link',
  'not-ready',
  'done-with-open-criteria',
  'oversized-story',
  'missing-user-story',
  'vague-criterion',
  'missing-vision',
  'equal-rank',
  'invalid-config',
  'unread-content',
] as const;

export type IssueCode = (typeof ISSUE_CODES)[number];

/** Another place that explains an issue (the other duplicate, the other end of a cycle). */
export interface RelatedLocation {
  readonly path: string;
  readonly range: Range;
  readonly message: string;
}

/** A mechanical fix: minimal edits, possibly across files (e.g. add a goal to the vision). */
export interface Fix {
  readonly title: string;
  readonly edits: readonly FileEdit[];
  /** The obvious fix, applied by "fix all" and shown first. */
  readonly isPreferred?: boolean;
}

/** One positioned finding about one file. Rules report these; they never throw. */
export interface Issue {
  readonly code: IssueCode;
  readonly severity: Severity;
  readonly message: string;
  /** File the issue is about, relative to the backlog root, '/' separators. */
  readonly path: string;
  readonly range: Range;
  readonly related?: readonly RelatedLocation[];
  readonly fixes?: readonly Fix[];
}
