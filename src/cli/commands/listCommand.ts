import { isDone, isDraft } from '../../core/config/workflow';
import { rice, wsjf } from '../../core/rank/scores';
import { GROUPINGS, groupStories, type Grouping } from '../../core/query/groupStories';
import { FILTER_FIELDS, filterStories, type StoryFilter } from '../../core/query/storyFilter';
import type { Story } from '../../core/model/story';
import { UsageError, type CliIo } from '../cliIo';
import type { Command } from '../command';
import { formatListJson, formatListText, LIST_SORTS, sortEntries, toJsonListStory, type JsonListStory, type ListSort } from '../format/storyList';
import type { ParsedArgs } from '../parseArgs';
import { folderArgument, openBacklog } from './openBacklog';

const FILTER_HELP: Record<(typeof FILTER_FIELDS)[number], string> = {
  text: 'Only stories whose title, id, file or user story contains this text.',
  status: 'Only stories with this status.',
  label: 'Only stories with this label.',
  assignee: 'Only stories assigned to this person.',
  epic: 'Only the stories of this epic (its id).',
  milestone: 'Only the stories of this milestone (its id or title).',
  iteration: 'Only the stories planned into this iteration (its id or title).',
  goal: 'Only the stories that serve this vision goal (directly or through their epic).',
};

/** `rudder list`: the backlog in order. */
export const listCommand: Command = {
  name: 'list',
  summary: 'Print the backlog in order (a table, or JSON with --json).',
  usage: 'rudder list [folder] [--json] [--status S] [--text T] [--label L] [--assignee A] [--epic E] [--milestone M] [--iteration I] [--goal G] [--group-by status|epic|milestone|iteration|goal] [--sort rank|wsjf|rice|priority]',
  options: [
    { name: 'json', type: 'boolean', description: 'Print JSON: { "version": 1, "stories": [...] } (and "groups" with --group-by).' },
    ...FILTER_FIELDS.map((f) => ({ name: f, ...(f === 'status' ? { short: 's' } : {}), type: 'string' as const, valueName: f[0].toUpperCase(), description: FILTER_HELP[f] })),
    { name: 'group-by', type: 'string', choices: GROUPINGS, description: 'Group the stories as the Backlog view does.' },
    { name: 'sort', type: 'string', choices: LIST_SORTS, description: 'Order: backlog rank (default), WSJF or RICE score (highest first), or priority.' },
  ],
  details: [
    'folder: the repository root (with .rudder.yml or backlog/) or a backlog folder itself. Default: the current folder.',
    'Filters compare without case and combine: every one given must match (the Backlog view filters the same way).',
    'Stories without a WSJF/RICE score come last when sorting by score, in backlog order.',
  ].join('\n'),
  run: runList,
};

async function runList(args: ParsedArgs, io: CliIo): Promise<number> {
  const folder = folderArgument(args, io, 'list');
  const sort = ((args.values.sort as string | undefined) ?? 'rank') as ListSort;
  const groupBy = args.values['group-by'] as Grouping | undefined;
  const filter: StoryFilter = Object.fromEntries(FILTER_FIELDS.map((f) => [f, args.values[f] as string | undefined]).filter(([, v]) => v !== undefined));
  const backlog = await openBacklog(folder);
  const index = backlog.index;
  const config = index.config;
  if (filter.status !== undefined) {
    const wanted = filter.status.trim().toLowerCase();
    if (!config.statuses.some((s) => s.toLowerCase() === wanted) && !index.stories().some((s) => (s.status ?? '').trim().toLowerCase() === wanted)) {
      throw new UsageError(`unknown status '${filter.status}'. The statuses of this backlog are: ${config.statuses.join(', ')}.`);
    }
  }
  const entry = (s: Story): JsonListStory => toJsonListStory(s, { wsjf: wsjf(s)?.value, rice: rice(s)?.value, draft: isDraft(s, config) });
  // Drafts after every task whatever the sort (Backlog.md keeps them apart from the board).
  const all = sortEntries(filterStories(index, filter).map(entry), sort, config.priorities);
  const sorted = [...all.filter((e) => !e.draft), ...all.filter((e) => e.draft)];
  const groups = groupBy
    ? groupStories(index, groupBy, filter).map((g) => ({
        key: g.key,
        label: g.label,
        notFound: g.notFound,
        stories: sortEntries(g.stories.map(entry), sort, config.priorities),
        // A milestone's progress, as Backlog.md shows it ("2.0.0 (38/38 done)").
        ...(groupBy === 'milestone' && g.key !== '' ? { done: g.stories.filter((s) => isDone(s, config)).length } : {}),
      }))
    : undefined;
  io.writeOut(args.values.json ? formatListJson(sorted, groups) : formatListText(sorted, groups));
  return 0;
}
