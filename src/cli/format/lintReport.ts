import type { Issue } from '../../core/model/issue';

/** The result of one `rudder lint` run, the input of every formatter. */
export interface LintReport {
  /** Absolute root folder; issue paths are relative to it. */
  readonly root: string;
  /** `.md` files read. */
  readonly files: number;
  /** Stories found among them. */
  readonly stories: number;
  readonly issues: readonly Issue[];
}

/** Returns the issues sorted by file, then start position, then end position, then code (a stable, diff-friendly order). */
export function sortIssues(issues: readonly Issue[]): Issue[] {
  return [...issues].sort(
    (a, b) =>
      compareText(a.path, b.path) ||
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      a.range.end.line - b.range.end.line ||
      a.range.end.character - b.range.end.character ||
      compareText(a.code, b.code) ||
      compareText(a.message, b.message),
  );
}

/** Returns counts of issues per severity. */
export function countSeverities(issues: readonly Issue[]): { errors: number; warnings: number; infos: number } {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const i of issues) {
    if (i.severity === 'error') errors++;
    else if (i.severity === 'warning') warnings++;
    else infos++;
  }
  return { errors, warnings, infos };
}

// Why not localeCompare: the order must be the same on every machine and locale (CI diffs).
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
