import * as fs from 'node:fs';
import * as path from 'node:path';
import { toRoadmap } from '../core/roadmap/toRoadmap';
import { readRoadmapAssets } from '../webview/exportHtml';
import { exportRoadmap } from '../webview/exportRoadmap';
import { ROADMAP_ASSET_PATHS } from '../webview/roadmapPage';
import { EXPORT_FORMAT_IDS, isExportFormat } from '../webview/exportFormats';
import { writeOutputFile } from './outputFile';
import { UsageError, type CliIo } from './cliIo';
import type { Command } from './command';
import type { ParsedArgs } from './parseArgs';
import { folderArgument, openBacklog } from './commands/openBacklog';
import { NO_HISTORY_OPTION, readHistory, todayArgument, TODAY_OPTION } from './commands/openHistory';

/** `rudder roadmap`: the roadmap as a standalone HTML page, a Mermaid gantt or JSON. */
export const roadmapCommand: Command = {
  name: 'roadmap',
  summary: 'Export the roadmap: standalone HTML, a Mermaid gantt chart, or the JSON view model.',
  usage: `rudder roadmap [folder] [--format ${EXPORT_FORMAT_IDS.join('|')}] [-o file] [--today YYYY-MM-DD] [--no-history]`,
  options: [
    { name: 'format', short: 'f', type: 'string', choices: EXPORT_FORMAT_IDS, description: 'Output format (default: html).' },
    { name: 'output', short: 'o', type: 'string', valueName: 'FILE', description: 'Write to FILE instead of standard output.' },
    TODAY_OPTION,
    NO_HISTORY_OPTION,
  ],
  details: [
    'folder: the repository root (with .rudder.yml or backlog/) or a backlog folder itself. Default: the current folder.',
    'The HTML page is self-contained: no network requests; it opens in any browser. With a git history it holds the',
    'forecast bands, the burn-ups and the Flow view (throughput, cycle times) too.',
    'Example: rudder roadmap --format mermaid -o docs/roadmap.mmd',
  ].join('\n'),
  run: runRoadmap,
};

/** Returns the folder holding the roadmap front end (`media/roadmap.css`, `dist/webview/roadmap.js`), searching up from `start`. */
export function findAssetRoot(start: string = __dirname): string | undefined {
  let dir = start;
  for (let i = 0; i < 6; i++) {
    if (fs.existsSync(path.join(dir, ...ROADMAP_ASSET_PATHS.css)) && fs.existsSync(path.join(dir, ...ROADMAP_ASSET_PATHS.script))) return dir;
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return undefined;
}

/** Returns a file under `root`, or undefined when it cannot be read. */
async function readInstalled(root: string, p: readonly string[]): Promise<Uint8Array | undefined> {
  try {
    return fs.readFileSync(path.join(root, ...p));
  } catch {
    return undefined;
  }
}

/** Runs `rudder roadmap`; returns the exit code (0), throws UsageError on bad arguments. */
export async function runRoadmap(args: ParsedArgs, io: CliIo): Promise<number> {
  const folder = folderArgument(args, io, 'roadmap');
  const format = args.values.format ?? 'html';
  if (!isExportFormat(format)) throw new UsageError(`unknown format '${String(format)}'. Use one of: ${EXPORT_FORMAT_IDS.join(', ')}.`);
  const today = todayArgument(args);
  const backlog = await openBacklog(folder);
  const history = await readHistory(backlog, args);
  const model = toRoadmap(backlog.index, { today, title: `${path.basename(backlog.root)} roadmap`, history });
  const text = await exportRoadmap(model, format, {
    assets: () => {
      const root = findAssetRoot();
      if (!root) throw new Error('the roadmap front end (dist/webview/roadmap.js and media/roadmap.css) was not found next to the rudder CLI; rebuild with `npm run build`.');
      return readRoadmapAssets((p) => readInstalled(root, p));
    },
  });
  const output = args.values.output as string | undefined;
  if (output === undefined) {
    io.writeOut(text);
    return 0;
  }
  writeOutputFile(io, output, text);
  io.writeErr(`rudder roadmap: wrote ${format} (${model.milestones.length} milestones, ${Object.keys(model.stories).length} stories) to ${output}\n`);
  return 0;
}
