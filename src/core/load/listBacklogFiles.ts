import type { RudderConfig } from '../model/config';
import { scopeOf, walkStarts, walksInto } from './backlogScope';
import { joinPath, type FileSource } from './fileSource';

/** The backlog files found under a root, and the folders that could not be listed. */
export interface BacklogListing {
  /** Root-relative paths of every file in scope (stories, vision, milestones, other Markdown under the walked folders), sorted. */
  readonly paths: readonly string[];
  /** Folders that exist but could not be listed, with the reason. */
  readonly unlistable: readonly { readonly path: string; readonly message: string }[];
  /** Markdown entries in scope that are not regular files (a device, a pipe, a link leading outside the root). */
  readonly irregular: readonly string[];
}

/** Returns every file of the backlog that `scopeOf` keeps, by walking the configuration's start folders. */
export async function listBacklogFiles(source: FileSource, config: RudderConfig): Promise<BacklogListing> {
  const found = new Set<string>();
  const unlistable: { path: string; message: string }[] = [];
  const irregular: string[] = [];
  const walk = async (folder: string): Promise<void> => {
    const listed = await source.list(folder);
    if (!listed.ok) {
      if (!listed.missing) unlistable.push({ path: folder, message: listed.message });
      return;
    }
    const subfolders: string[] = [];
    for (const entry of listed.entries) {
      const p = joinPath(folder, entry.name);
      if (entry.kind === 'folder') {
        if (walksInto(config, folder, entry.name)) subfolders.push(p);
      } else if (scopeOf(config, p) !== 'outside') {
        if (entry.kind === 'file') found.add(p);
        else irregular.push(p);
      }
    }
    // Why in parallel: through `vscode.workspace.fs` each listing is a round trip; siblings need not wait for each other.
    await Promise.all(subfolders.map(walk));
  };
  await Promise.all(
    walkStarts(config).map(async (start) => {
      if (start !== '' && /\.md$/i.test(start)) {
        // A start that names one file (the vision, or a glob without wildcards).
        const kind = await source.kindOf(start);
        if (kind === 'file' && scopeOf(config, start) !== 'outside') found.add(start);
        else if (kind === 'folder') await walk(start);
        return;
      }
      await walk(start);
    }),
  );
  // Why sorted: the file count, the order of issues and what wins a duplicate must not depend on listing order.
  return { paths: [...found].sort(), unlistable: unlistable.sort((a, b) => (a.path < b.path ? -1 : 1)), irregular: irregular.sort() };
}
