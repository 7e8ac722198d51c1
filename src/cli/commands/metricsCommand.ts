import { toDayNumber } from '../../core/roadmap/roadmapDates';
import { roadmapFlowOf } from '../../core/roadmap/roadmapFlow';
import type { CliIo } from '../cliIo';
import type { Command } from '../command';
import { formatMetricsText, toJsonMetrics } from '../format/flowReport';
import type { ParsedArgs } from '../parseArgs';
import { openBacklogWithHistory, TODAY_OPTION } from './openHistory';

/** `rudder metrics`: flow metrics from the git history of the backlog folder. */
export const metricsCommand: Command = {
  name: 'metrics',
  summary: 'Flow metrics from the git history: throughput, cycle and lead time, work in progress.',
  usage: 'rudder metrics [folder] [--json] [--today YYYY-MM-DD]',
  options: [{ name: 'json', type: 'boolean', description: 'Print JSON: { "version": 1, "throughput": [...], "cycleTimeDays", "leadTimeDays", "wip", "agingWip" }.' }, TODAY_OPTION],
  details: [
    'folder: the repository root (with .rudder.yml or backlog/) or a backlog folder itself. Default: the current folder.',
    'Reads every commit that touched the backlog folder (one git log pass); without git, or outside a repository, it says so.',
    'Days are calendar days, both ends counted: a story started and finished the same day took 1 day. See docs/roadmap.md.',
  ].join('\n'),
  run: runMetrics,
};

async function runMetrics(args: ParsedArgs, io: CliIo): Promise<number> {
  const { backlog, history, today } = await openBacklogWithHistory(args, io, 'metrics');
  const { flow } = roadmapFlowOf(history, backlog.index.stories(), backlog.index.config, toDayNumber(today)!);
  io.writeOut(args.values.json ? JSON.stringify(toJsonMetrics(flow, today), null, 2) + '\n' : formatMetricsText(flow, today));
  return 0;
}
