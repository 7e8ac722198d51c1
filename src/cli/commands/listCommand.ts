import { rice, wsjf } from '../../core/rank/scores';
import type { Story } from '../../core/model/story';
import { UsageError, type CliIo } from '../cliIo';
import type { Command } from '../command';
import { formatListJson, formatListText, LIST_SORTS, sortEntries, toJsonListStory, type ListSort } from '../format/storyList';
import type { ParsedArgs } from '../parseArgs';
import { folderArgument, openBacklog } from './openBacklog';

/** `rudder list`: the backlog in order. */
export const listCommand: Command = {
  name: 'list',
  summary: 'Print the backlog in order (a table, or JSON with --json).',
  usage: 'rudder list [folder] [--json] [--status S] [--sort rank|wsjf|rice|priority]',
  options: [
    { name: 'json', type: 'boolean', description: 'Print JSON: { "version": 1, "stories": [...] }.' },
    { name: 'status', short: 's', type: 'string', valueName: 'S', description: 'Only stories with this status.' },
    { name: 'sort', type: 'string', choices: LIST_SORTS, description: 'Order: backlog rank (default), WSJF or RICE score (highest first), or priority.' },
  ],
  details: [
    'folder: the repository root (with .rudder.yml or backlog/) or a backlog folder itself. Default: the current folder.',
    'Stories without a WSJF/RICE score come last when sorting by score, in backlog order.',
  ].join('\n'),
  run: runList,
};

async function runList(args: ParsedArgs, io: CliIo): Promise<number> {
  const folder = folderArgument(args, io, 'list');
  const status = args.values.status as string | undefined;
  const sort = ((args.values.sort as string | undefined) ?? 'rank') as ListSort;
  const backlog = await openBacklog(folder);
  const config = backlog.index.config;
  let stories: readonly Story[] = backlog.index.stories();
  if (status !== undefined) {
    if (!config.statuses.includes(status) && !stories.some((s) => s.status === status)) {
      throw new UsageError(`unknown status '${status}'. The statuses of this backlog are: ${config.statuses.join(', ')}.`);
    }
    stories = stories.filter((s) => s.status === status);
  }
  const entries = stories.map((s) => toJsonListStory(s, { wsjf: wsjf(s)?.value, rice: rice(s)?.value }));
  const sorted = sortEntries(entries, sort, config.priorities);
  io.writeOut(args.values.json ? formatListJson(sorted) : formatListText(sorted));
  return 0;
}
