import * as path from 'node:path';
import { BacklogIndex } from '../core/index/backlogIndex';
import { findBacklog } from '../core/load/discoverBacklog';
import { LoadPipeline } from '../core/load/loadPipeline';
import type { Issue } from '../core/model/issue';
import { NodeFileSource } from '../node/nodeFileSource';
import { UsageError } from './cliIo';

/** A backlog read from disk into an index, through the core loading pipeline. */
export interface LoadedBacklog {
  /** Absolute root: the folder paths in issues are relative to. */
  readonly root: string;
  /** Backlog folder relative to root when there is no `.rudder.yml` to say it ('backlog' or '.'). */
  readonly backlogFolder: string;
  readonly index: BacklogIndex;
  /** Number of backlog files listed (stories, vision, milestones and other Markdown under the backlog's folders). */
  readonly files: number;
  /** Problems of the configuration (code invalid-config), already given to the index. */
  readonly configIssues: readonly Issue[];
  /** Files that exist but could not be read (path → why). */
  readonly failures: ReadonlyMap<string, string>;
}

/** Returns the backlog of `folder` read into a BacklogIndex; throws UsageError when the folder does not exist or holds no backlog. */
export async function loadBacklog(folder: string): Promise<LoadedBacklog> {
  const root = path.resolve(folder);
  const source = new NodeFileSource(root);
  const kind = await source.kindOf('');
  if (kind === undefined) throw new UsageError(`folder not found: ${folder}. Pass the folder that holds your backlog (or run rudder from it).`);
  if (kind !== 'folder') throw new UsageError(`not a folder: ${folder}. Pass the folder that holds your backlog, not a file.`);
  const location = await findBacklog(source);
  if (!location) {
    throw new UsageError(
      `no backlog found in ${folder}: expected a .rudder.yml, a backlog/ folder, or a backlog folder itself ` +
        `(a Backlog.md config.yml with statuses, tasks/, milestones/ or vision.md). Pass the repository root or the backlog folder.`,
    );
  }
  const index = new BacklogIndex();
  const pipeline = new LoadPipeline(index, source, location);
  const files = (await pipeline.loadAll()) ?? 0;
  return { root, backlogFolder: location.backlogFolder, index, files, configIssues: index.configIssues(), failures: pipeline.failures };
}

/** Returns true when some config issue is an error: the configuration cannot be trusted and the CLI exits 2. */
export function hasConfigErrors(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}
