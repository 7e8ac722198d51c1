import * as path from 'node:path';
import { version } from '../../../package.json';
import { UsageError, useColor, type CliIo } from '../cliIo';
import type { Command } from '../command';
import { formatJson } from '../format/json';
import { countSeverities, type LintReport } from '../format/lintReport';
import { formatSarif } from '../format/sarif';
import { formatText } from '../format/text';
import type { ParsedArgs } from '../parseArgs';
import { writeOutputFile } from '../outputFile';
import { folderArgument, openBacklog } from './openBacklog';

/** `rudder lint`: checks every story and prints the issues. */
export const lintCommand: Command = {
  name: 'lint',
  summary: 'Check every story of the backlog and report issues (text, JSON or SARIF).',
  usage: 'rudder lint [folder] [--format text|json|sarif] [--max-warnings N] [-o file]',
  options: [
    { name: 'format', short: 'f', type: 'string', choices: ['text', 'json', 'sarif'], description: 'Output format (default: text).' },
    { name: 'max-warnings', type: 'string', valueName: 'N', description: 'Exit 1 when there are more than N warnings (default: no limit).' },
    { name: 'output', short: 'o', type: 'string', valueName: 'file', description: 'Write the report to a file instead of stdout.' },
  ],
  details: [
    'folder: the repository root (with .rudder.yml or backlog/) or a backlog folder itself. Default: the current folder.',
    '',
    'Exit codes: 0 no errors and warnings within --max-warnings; 1 otherwise;',
    '            2 usage error or invalid .rudder.yml.',
    '',
    'Examples:',
    '  rudder lint',
    '  rudder lint examples/demo --format json',
    '  rudder lint --format sarif -o rudder.sarif   # for GitHub code scanning',
  ].join('\n'),
  run: runLint,
};

async function runLint(args: ParsedArgs, io: CliIo): Promise<number> {
  const folder = folderArgument(args, io, 'lint');
  const format = (args.values.format as string | undefined) ?? 'text';
  const maxWarnings = parseMaxWarnings(args.values['max-warnings'] as string | undefined);
  const output = args.values.output as string | undefined;
  const backlog = await openBacklog(folder);
  const issues = backlog.index.allIssues();
  const report: LintReport = { root: backlog.root, files: backlog.files, stories: backlog.index.stories().length, issues };
  const outFile = output === undefined ? undefined : path.resolve(io.cwd, output);
  let text: string;
  if (format === 'json') text = formatJson(report);
  else if (format === 'sarif') text = formatSarif(report, { toolVersion: version, uriPrefix: uriPrefix(io.cwd, backlog.root) });
  else {
    const base = outFile ? path.dirname(outFile) : io.cwd;
    text = formatText(report, {
      color: outFile === undefined && useColor(io),
      displayPath: (file) => path.relative(base, path.join(backlog.root, file)) || file,
    });
  }
  if (output !== undefined) {
    writeOutputFile(io, output, text);
  } else {
    io.writeOut(text);
  }
  const counts = countSeverities(issues);
  if (counts.errors > 0) return 1;
  if (maxWarnings !== undefined && counts.warnings > maxWarnings) {
    io.writeErr(`rudder lint: too many warnings (${counts.warnings}); the maximum allowed is ${maxWarnings}.\n`);
    return 1;
  }
  return 0;
}

function parseMaxWarnings(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`--max-warnings needs a whole number of 0 or more, got '${value}'.`);
  return Number(value);
}

/** Returns the root relative to cwd ('/'-separated, trailing '/'), or '' when the root is not inside cwd. */
function uriPrefix(cwd: string, root: string): string {
  const rel = path.relative(cwd, root);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return '';
  return rel.split(path.sep).join('/') + '/';
}
