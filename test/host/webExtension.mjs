// A copy of the extension that code-server 4.100.3 runs in its web worker extension host, for the host suite, the UI
// tests and the benchmark. What decides it there (read in its workbench.js, then tried; see TESTING.md):
//  - a manifest with a `browser` entry and no `main` runs in the web worker (kind ["web"]) — what this copy does;
//  - the user setting `"remote.extensionKind": { "rudder.rudder": ["web"] }` does it for an installed package;
//  - not `extensionKind: ["web"]` in the manifest: the workbench keeps only "ui" and "workspace" from it, so with
//    `main` present the extension runs in the Node host; and not `extensionDevelopmentKind` in the URL payload:
//    code-server's browser environment service calls it `extensionDevelopmentLocationKind`, and the code that picks
//    the host reads `extensionDevelopmentKind`, so it is never seen.
// The tests module must sit inside the extension folder: the workbench runs extensionTestsPath in the host of the
// extension whose folder contains it.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './fixtures.mjs';

/** The files of the extension the web worker needs (the browser entry, the roadmap front end, media, grammars). */
const FILES = ['dist/web/extension.js', 'dist/webview', 'media', 'syntaxes', 'README.md', 'CHANGELOG.md', 'LICENSE'];

/**
 * Returns { folder, testsPath, dispose() }: a throwaway copy of the built extension whose manifest has only the browser
 * entry (no `main`), so the workbench runs it in the web worker host. With `testsBundle` (a built suite, e.g. out/host-web/index.js) the copy holds
 * it at out/host-web/index.js (testsPath) and `options` as test-options.json (the web worker has no environment).
 */
export function prepareWebExtension({ testsBundle, options } = {}) {
  const tmp = mkdtempSync(join(tmpdir(), 'rudder-web-ext-'));
  const folder = join(tmp, 'rudder');
  mkdirSync(folder);
  for (const f of FILES) if (existsSync(join(repoRoot, f))) cpSync(join(repoRoot, f), join(folder, f), { recursive: true });
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  if (!existsSync(join(folder, manifest.browser))) throw new Error(`${manifest.browser} is missing: build first (node esbuild.js)`);
  const { main: _node, ...webOnly } = manifest;
  writeFileSync(join(folder, 'package.json'), JSON.stringify(webOnly, null, 2));
  let testsPath;
  if (testsBundle) {
    testsPath = join(folder, 'out', 'host-web', 'index.js');
    mkdirSync(join(folder, 'out', 'host-web'), { recursive: true });
    cpSync(testsBundle, testsPath);
  }
  if (options) writeFileSync(join(folder, 'test-options.json'), JSON.stringify(options, null, 2));
  return { folder, testsPath, dispose: () => rmSync(tmp, { recursive: true, force: true }) };
}
