// Helpers for the Backlog.md behaviour tests (issue "real Backlog.md backlogs"): fixture backlogs shaped like the
// real cases, under test/fixtures/backlog-md/<case>/, loaded as the CLI loads them (the core pipeline over Node fs).
import * as path from 'node:path';
import { loadBacklog } from '../../../src/cli/loadBacklog';
import type { BacklogIndex } from '../../../src/core/index/backlogIndex';
import type { Issue } from '../../../src/core/model/issue';

/** Returns the index of a fixture backlog (test/fixtures/backlog-md/<name>). */
export async function loadFixture(name: string): Promise<BacklogIndex> {
  return (await loadBacklog(path.join('test', 'fixtures', 'backlog-md', name))).index;
}

/** Returns the issues of one file as `code@line` (1-based), sorted. */
export function codesOf(index: BacklogIndex, path: string): string[] {
  return index.issues(path).map((i: Issue) => `${i.code}@${i.range.start.line + 1}`).sort();
}

/** Returns the paths with an issue of this code, sorted. */
export function pathsWith(index: BacklogIndex, code: string): string[] {
  return [...new Set(index.allIssues().filter((i) => i.code === code).map((i) => i.path))].sort();
}
