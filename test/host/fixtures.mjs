// Copies a fixture workspace to a temp folder, so tests can change files without touching the repo.
import { cpSync, mkdtempSync, rmSync, mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { TEST_SETTINGS } from './codeServer.mjs';
import { tmpdir } from 'node:os';
import { basename, join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Returns { folder, dispose() }: a throwaway copy of `source` (relative to the repo root), with the
 * quiet test settings as workspace settings: a window opened with extensionDevelopmentPath uses a
 * throwaway profile that ignores the user-data-dir's settings.json, but workspace settings apply.
 */
export function copyWorkspace(source = 'test/fixtures/workspace') {
  const tmp = mkdtempSync(join(tmpdir(), 'rudder-ws-'));
  const folder = join(tmp, basename(source));
  cpSync(join(repoRoot, source), folder, { recursive: true });
  const settings = join(folder, '.vscode', 'settings.json');
  if (!existsSync(settings)) {
    mkdirSync(join(folder, '.vscode'), { recursive: true });
    writeFileSync(settings, JSON.stringify(TEST_SETTINGS, null, 2));
  }
  return { folder, dispose: () => rmSync(tmp, { recursive: true, force: true }) };
}

/**
 * Returns { folder, workspaceFile, dispose() }: a throwaway multi-root workspace with five folders: `alpha` (a copy of
 * the fixture workspace), `beta` (a Backlog.md project: the cli/backlog-md fixture as its `backlog/` folder), `gamma`
 * (no backlog), `delta` (a backlog moved by `.rudder.yml`, with its own Backlog.md config.yml: moved-backlog) and
 * `epsilon` (a Backlog.md backlog with drafts, a milestone by name, a Definition of Done and completed/:
 * backlog-md/editor-agreement), and a `.code-workspace` file listing them with the quiet test settings.
 */
export function copyMultiRootWorkspace() {
  const tmp = mkdtempSync(join(tmpdir(), 'rudder-multi-'));
  cpSync(join(repoRoot, 'test/fixtures/workspace'), join(tmp, 'alpha'), { recursive: true });
  cpSync(join(repoRoot, 'test/fixtures/cli/backlog-md'), join(tmp, 'beta', 'backlog'), { recursive: true });
  cpSync(join(repoRoot, 'test/fixtures/no-backlog'), join(tmp, 'gamma'), { recursive: true });
  cpSync(join(repoRoot, 'test/fixtures/moved-backlog'), join(tmp, 'delta'), { recursive: true });
  cpSync(join(repoRoot, 'test/fixtures/backlog-md/editor-agreement'), join(tmp, 'epsilon'), { recursive: true });
  const workspaceFile = join(tmp, 'multi.code-workspace');
  writeFileSync(workspaceFile, JSON.stringify({ folders: [{ path: 'alpha' }, { path: 'beta' }, { path: 'gamma' }, { path: 'delta' }, { path: 'epsilon' }], settings: TEST_SETTINGS }, null, 2));
  return { folder: tmp, workspaceFile, dispose: () => rmSync(tmp, { recursive: true, force: true }) };
}
