import * as path from 'node:path';
import { toRoadmap } from '../../core/roadmap/toRoadmap';
import type { CliIo } from '../cliIo';
import type { Command } from '../command';
import { formatForecastText, toJsonForecast } from '../format/flowReport';
import type { ParsedArgs } from '../parseArgs';
import { NO_HISTORY_OPTION, openBacklogWithHistory, TODAY_OPTION } from './openHistory';

/** `rudder forecast`: when each milestone will be done, with the likelihood of its due date. */
export const forecastCommand: Command = {
  name: 'forecast',
  summary: 'Monte Carlo forecasts per milestone from the git history: 50/85/95% dates against the due date.',
  usage: 'rudder forecast [folder] [--json] [--today YYYY-MM-DD] [--no-history]',
  options: [{ name: 'json', type: 'boolean', description: 'Print JSON: { "version": 1, "trials", "milestones": [...], "iterations": [...] }.' }, TODAY_OPTION, NO_HISTORY_OPTION],
  details: [
    'folder: the repository root (with .rudder.yml or backlog/) or a backlog folder itself. Default: the current folder.',
    'Each forecast draws weekly throughput from the last forecastWeeks complete weeks (.rudder.yml, default 12) in',
    'forecastTrials trials (default 10,000), in forecastUnit (stories or points). Milestones are worked on in order.',
    'Without a history (no git, no throughput) the forecasts use the velocity and say so. See docs/roadmap.md.',
  ].join('\n'),
  run: runForecast,
};

async function runForecast(args: ParsedArgs, io: CliIo): Promise<number> {
  const { backlog, history, today } = await openBacklogWithHistory(args, io, 'forecast');
  const model = toRoadmap(backlog.index, { today, title: `${path.basename(backlog.root)} roadmap`, history });
  io.writeOut(args.values.json ? JSON.stringify(toJsonForecast(model), null, 2) + '\n' : formatForecastText(model));
  return 0;
}
