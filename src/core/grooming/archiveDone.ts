import { backlogSubfolder, isDone } from '../config/workflow';
import type { BacklogIndex } from '../index/backlogIndex';
import { trimEndChars } from '../model/trimChars';

/** Moving one file: both paths relative to the root. */
export interface FileRename {
  readonly from: string;
  readonly to: string;
}

/** Returns the archive path of a story: `<backlog>/archive/<its path inside the backlog folder>`. */
export function archivePathOf(path: string, backlog: string): string {
  const base = backlog === '.' || backlog === '' ? '' : `${trimEndChars(backlog, '/')}/`;
  const inner = base && path.startsWith(base) ? path.slice(base.length) : path;
  return `${base}archive/${inner}`;
}

/**
 * Returns the renames that move every done story (by the meaning of its status) into the archive folder; `paths`
 * limits it to some stories. Tasks already in Backlog.md's completed/ folder stay there: that is Backlog.md's archive.
 */
export function archiveDone(index: BacklogIndex, paths?: readonly string[]): FileRename[] {
  const config = index.config;
  const completed = backlogSubfolder(config, 'completed');
  const only = paths && paths.length ? new Set(paths) : undefined;
  const out: FileRename[] = [];
  const taken = new Set<string>();
  for (const s of index.stories()) {
    if (!isDone(s, config) || (only && !only.has(s.path)) || /(^|\/)archive\//.test(s.path) || (config.backlogMd && s.path.startsWith(completed))) continue;
    let to = archivePathOf(s.path, index.config.backlog);
    for (let n = 2; taken.has(to) || index.text(to) !== undefined; n++) to = to.replace(/(-\d+)?\.md$/i, `-${n}.md`);
    taken.add(to);
    out.push({ from: s.path, to });
  }
  return out;
}
