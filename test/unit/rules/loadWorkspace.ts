// Test helpers: load a fixture mini-workspace into a BacklogIndex, format issues as expected.txt lines.
import { BacklogIndex } from '../../../src/core/index/backlogIndex';
import { findBacklog } from '../../../src/core/load/discoverBacklog';
import { LoadPipeline } from '../../../src/core/load/loadPipeline';
import { NodeFileSource } from '../../../src/node/nodeFileSource';
import type { Issue } from '../../../src/core/model/issue';

/** Loads a mini-workspace the way the CLI and the editor do: the core loading pipeline over the folder's files. */
export async function loadWorkspace(root: string): Promise<BacklogIndex> {
  const source = new NodeFileSource(root);
  const index = new BacklogIndex();
  await new LoadPipeline(index, source, (await findBacklog(source)) ?? { backlogFolder: 'backlog' }).loadAll();
  return index;
}

/** Returns an issue as one expected.txt line (1-based line and column). */
export function formatIssue(i: Issue): string {
  const r = i.range;
  return `${i.path}:${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1}: ${i.severity} ${i.code} ${i.message}`;
}

