import type { Severity } from '../../core/model/issue';
import { ruleDocsUrl } from '../../core/rules/rule';
import { ALL_RULES } from '../../core/rules/rules';
import { sortIssues, type LintReport } from './lintReport';

/** How `formatSarif` names the tool and locates files. */
export interface SarifOptions {
  /** Rudder's version (tool.driver.version). */
  readonly toolVersion: string;
  /**
   * Prefix ('/'-separated, ending in '/' or empty) put before each issue path so artifact URIs are
   * relative to where the scan runs (the repository root for GitHub code scanning), e.g. 'examples/demo/'.
   */
  readonly uriPrefix?: string;
}

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const RUDDER_INFORMATION_URI = 'https://github.com/rudder/rudder';

type SarifLevel = 'error' | 'warning' | 'note';

/** Returns the SARIF level of a Rudder severity. */
export function sarifLevel(severity: Severity): SarifLevel {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note';
}

/** Returns a SARIF 2.1.0 log (plain JSON data) with one run, one rule per issue code and one result per issue. */
export function toSarifLog(report: LintReport, options: SarifOptions): Record<string, unknown> {
  const prefix = options.uriPrefix ?? '';
  // One SARIF rule per Rudder rule, from the rule's own metadata.
  const rules = ALL_RULES.map((rule) => ({
    id: rule.code,
    name: pascalCase(rule.code),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.description },
    help: { text: `${rule.description}\nDocumentation: ${ruleDocsUrl(rule.code)}`, markdown: `${rule.description}\n\n[Documentation](${ruleDocsUrl(rule.code)})` },
    helpUri: ruleDocsUrl(rule.code),
    defaultConfiguration: { level: sarifLevel(rule.defaultSeverity) },
  }));
  const ruleIndex = new Map<string, number>(ALL_RULES.map((r, i) => [r.code, i]));
  const results = sortIssues(report.issues).map((issue) => {
    const result: Record<string, unknown> = {
      ruleId: issue.code,
      level: sarifLevel(issue.severity),
      message: { text: issue.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: encodeUriPath(prefix + issue.path) },
            region: {
              startLine: issue.range.start.line + 1,
              startColumn: issue.range.start.character + 1,
              endLine: issue.range.end.line + 1,
              endColumn: issue.range.end.character + 1,
            },
          },
        },
      ],
    };
    const index = ruleIndex.get(issue.code);
    if (index !== undefined) result.ruleIndex = index;
    if (issue.related && issue.related.length > 0) {
      result.relatedLocations = issue.related.map((r, id) => ({
        id,
        message: { text: r.message },
        physicalLocation: {
          artifactLocation: { uri: encodeUriPath(prefix + r.path) },
          region: {
            startLine: r.range.start.line + 1,
            startColumn: r.range.start.character + 1,
            endLine: r.range.end.line + 1,
            endColumn: r.range.end.character + 1,
          },
        },
      }));
    }
    return result;
  });
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'rudder',
            version: options.toolVersion,
            semanticVersion: options.toolVersion,
            informationUri: RUDDER_INFORMATION_URI,
            rules,
          },
        },
        // Why: our columns count UTF-16 code units (as VS Code does); SARIF's default is Unicode code points.
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

/** Returns the text printed by `rudder lint --format sarif`. */
export function formatSarif(report: LintReport, options: SarifOptions): string {
  return JSON.stringify(toSarifLog(report, options), null, 2) + '\n';
}

function pascalCase(code: string): string {
  return code.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase());
}

/** Returns a relative URI reference for a '/'-separated path (spaces, '#', '%' and non-ASCII escaped). */
function encodeUriPath(p: string): string {
  return p.split('/').map(encodeURIComponent).join('/');
}
