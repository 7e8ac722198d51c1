import { nextUp } from '../../core/query/nextUp';
import { localIsoDate, toDayNumber } from '../../core/roadmap/roadmapDates';
import { UsageError, type CliIo } from '../cliIo';
import type { Command } from '../command';
import { formatNextUpText, toNextUpJson } from '../format/nextUpJson';
import type { ParsedArgs } from '../parseArgs';
import { folderArgument, openBacklog } from './openBacklog';

/** `rudder next`: what the team should pull next, as the Next Up view shows it. */
export const nextCommand: Command = {
  name: 'next',
  summary: 'Print what the team should pull next: ready, unblocked stories by milestone, with capacity and work in progress.',
  usage: 'rudder next [folder] [--json] [--milestone M] [--capacity N] [--today YYYY-MM-DD]',
  options: [
    { name: 'json', type: 'boolean', description: 'Print JSON: { "version": 1, "stories": [...], "blocked": [...], "capacity": {...}, "wip": {...} }.' },
    { name: 'milestone', type: 'string', valueName: 'M', description: 'Only the stories of this milestone (its id or title).' },
    { name: 'capacity', type: 'string', valueName: 'N', description: 'The points to fit (default: the velocity × 2 weeks).' },
    { name: 'today', type: 'string', valueName: 'DATE', description: 'The date the current milestone and the derived velocity are computed for (default: today).' },
  ],
  details: [
    'folder: the repository root (with .rudder.yml or backlog/) or a backlog folder itself. Default: the current folder.',
    'A story is next up when it is at the ready status, passes the Definition of Ready, has no error, is not an epic and',
    'waits for no story that is not done; ready stories that wait are listed apart with what blocks them.',
    'The current milestone (its dates contain today, else the next due) comes first; each group in backlog order.',
  ].join('\n'),
  run: runNext,
};

async function runNext(args: ParsedArgs, io: CliIo): Promise<number> {
  const folder = folderArgument(args, io, 'next');
  const today = (args.values.today as string | undefined) ?? localIsoDate(new Date());
  if (toDayNumber(today) === undefined) throw new UsageError(`--today must be a date like 2026-03-01, got '${today}'.`);
  const raw = args.values.capacity as string | undefined;
  const capacity = raw === undefined ? undefined : Number(raw);
  if (capacity !== undefined && (raw!.trim() === '' || !Number.isFinite(capacity) || capacity < 0)) throw new UsageError(`--capacity must be a number of points of 0 or more, got '${raw}'.`);
  const backlog = await openBacklog(folder);
  const index = backlog.index;
  const milestone = args.values.milestone as string | undefined;
  if (milestone !== undefined && !index.milestoneOrNamed(milestone)) {
    const known = index.allMilestones().map((m) => m.id);
    throw new UsageError(`unknown milestone '${milestone}'.${known.length ? ` The milestones of this backlog are: ${known.join(', ')}.` : ' This backlog has no milestones.'}`);
  }
  const model = nextUp(index, { today, milestone, capacity });
  io.writeOut(args.values.json ? `${JSON.stringify(toNextUpJson(model), null, 2)}\n` : formatNextUpText(model));
  return 0;
}
