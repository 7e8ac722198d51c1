import type { BacklogHistory } from '../../core/flow/backlogHistory';
import { localIsoDate, toDayNumber } from '../../core/roadmap/roadmapDates';
import { GitHistorySource } from '../../node/gitHistorySource';
import { UsageError } from '../cliIo';
import type { CliIo } from '../cliIo';
import type { LoadedBacklog } from '../loadBacklog';
import { folderArgument, openBacklog } from './openBacklog';
import type { OptionSpec, ParsedArgs } from '../parseArgs';

/** The `--today` option of the commands that compute as of a date. */
export const TODAY_OPTION: OptionSpec = { name: 'today', type: 'string', valueName: 'DATE', description: 'The date forecasts and metrics are computed for, YYYY-MM-DD (default: today).' };
/** The `--no-history` option: forecasts by velocity alone, without reading git. */
export const NO_HISTORY_OPTION: OptionSpec = { name: 'no-history', type: 'boolean', description: 'Do not read the git history: forecasts use the velocity.' };

/** Returns the date of `--today` (default: the local date); throws UsageError on a date that is not one. */
export function todayArgument(args: ParsedArgs): string {
  const today = (args.values.today as string | undefined) ?? localIsoDate(new Date());
  if (toDayNumber(today) === undefined) throw new UsageError(`--today must be a date like 2026-03-01, got '${today}'.`);
  return today;
}

/** Returns the git history of the backlog folder (or why there is none); `--no-history` says there is none. */
export async function readHistory(backlog: LoadedBacklog, args: ParsedArgs): Promise<BacklogHistory> {
  if (args.values['no-history']) return { available: false, reason: '--no-history was given' };
  return new GitHistorySource(backlog.root).read({ folder: backlog.index.config.backlog });
}

/** Opens the backlog of the folder argument and its git history, as of `--today`: what `forecast` and `metrics` start from. */
export async function openBacklogWithHistory(args: ParsedArgs, io: CliIo, command: string): Promise<{ backlog: LoadedBacklog; history: BacklogHistory; today: string }> {
  const folder = folderArgument(args, io, command);
  const today = todayArgument(args);
  const backlog = await openBacklog(folder);
  return { backlog, history: await readHistory(backlog, args), today };
}
