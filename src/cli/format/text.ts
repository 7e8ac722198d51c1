import type { Issue, Severity } from '../../core/model/issue';
import { countSeverities, sortIssues, type LintReport } from './lintReport';

/** How `formatText` renders. */
export interface TextFormatOptions {
  /** ANSI colors (only on a TTY without NO_COLOR). */
  readonly color: boolean;
  /** Turns an issue path (relative to root) into what to print in the file header (default: as is). */
  readonly displayPath?: (file: string) => string;
}

const ANSI = {
  reset: '\u001b[0m',
  bold: '\u001b[1m',
  dim: '\u001b[2m',
  underline: '\u001b[4m',
  red: '\u001b[31m',
  yellow: '\u001b[33m',
  blue: '\u001b[34m',
  green: '\u001b[32m',
};

/** Returns the eslint-"stylish"-like text report: per file a header, then aligned `line:col  severity  message  code` rows, then a summary. */
export function formatText(report: LintReport, options: TextFormatOptions): string {
  const paint = (codes: string, text: string): string => (options.color ? codes + text + ANSI.reset : text);
  const display = options.displayPath ?? ((f: string) => f);
  const issues = sortIssues(report.issues);
  if (issues.length === 0) {
    return paint(ANSI.green, `✔ No problems (${plural(report.stories, 'story', 'stories')} in ${plural(report.files, 'file')})`) + '\n';
  }
  const byFile = new Map<string, Issue[]>();
  for (const i of issues) {
    const list = byFile.get(i.path);
    if (list) list.push(i);
    else byFile.set(i.path, [i]);
  }
  let out = '';
  for (const [file, list] of byFile) {
    out += '\n' + paint(ANSI.underline, display(file)) + '\n';
    const rows = list.map((i) => [
      `${i.range.start.line + 1}:${i.range.start.character + 1}`,
      i.severity,
      oneLine(i.message),
      i.code,
    ]);
    // Why per-file widths: the same alignment eslint's stylish uses, so long paths elsewhere do not push columns.
    const w = [0, 1, 2].map((c) => Math.max(...rows.map((r) => r[c].length)));
    for (const r of rows) {
      out +=
        '  ' +
        paint(ANSI.dim, r[0].padEnd(w[0])) +
        '  ' +
        paint(severityColor(r[1] as Severity), r[1].padEnd(w[1])) +
        '  ' +
        r[2].padEnd(w[2]) +
        '  ' +
        paint(ANSI.dim, r[3]) +
        '\n';
    }
  }
  const c = countSeverities(issues);
  const summary =
    `✖ ${plural(issues.length, 'problem')} ` +
    `(${plural(c.errors, 'error')}, ${plural(c.warnings, 'warning')}, ${plural(c.infos, 'info')})`;
  const color = c.errors > 0 ? ANSI.red + ANSI.bold : c.warnings > 0 ? ANSI.yellow + ANSI.bold : ANSI.blue + ANSI.bold;
  out += '\n' + paint(color, summary) + '\n';
  return out;
}

function severityColor(s: Severity): string {
  return s === 'error' ? ANSI.red : s === 'warning' ? ANSI.yellow : ANSI.blue;
}

function oneLine(message: string): string {
  return message.replace(/\s*\r?\n\s*/g, ' ').trim();
}

function plural(n: number, word: string, many = word + 's'): string {
  return `${n} ${n === 1 ? word : many}`;
}
