import type { Severity } from '../../core/model/issue';
import { sortIssues, type LintReport } from './lintReport';

/** One issue in `rudder lint --format json`: 1-based line/column, end exclusive. */
export interface JsonIssue {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
}

/** The document printed by `rudder lint --format json` (public API: version 1). */
export interface JsonLintOutput {
  readonly version: 1;
  readonly root: string;
  readonly files: number;
  readonly stories: number;
  readonly issues: readonly JsonIssue[];
}

/** Returns the JSON document of a lint report, issues sorted by file then position. */
export function toJsonLintOutput(report: LintReport): JsonLintOutput {
  return {
    version: 1,
    root: report.root,
    files: report.files,
    stories: report.stories,
    issues: sortIssues(report.issues).map((i) => ({
      file: i.path,
      line: i.range.start.line + 1,
      column: i.range.start.character + 1,
      endLine: i.range.end.line + 1,
      endColumn: i.range.end.character + 1,
      code: i.code,
      severity: i.severity,
      message: i.message,
    })),
  };
}

/** Returns the text printed by `rudder lint --format json`. */
export function formatJson(report: LintReport): string {
  return JSON.stringify(toJsonLintOutput(report), null, 2) + '\n';
}
