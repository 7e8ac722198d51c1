// Launches Debian's chromium through playwright-core (never `npx playwright install`: no downloads here).
import { chromium } from 'playwright-core';
import { findChromium } from './installHost.mjs';
import { onInterrupt } from './codeServer.mjs';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Returns a launched playwright Browser on Debian's chromium. */
export async function launchChromium() {
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS, headless: true });
  const unregister = onInterrupt(() => browser.close());
  browser.on('disconnected', unregister);
  return browser;
}

/** Returns the workbench URL of a server for a folder (or a .code-workspace file), with an optional extension-development/tests payload. */
export function workbenchUrl(server, { folder = server.folder, workspaceFile, extensionDevelopmentPath, extensionTestsPath } = {}) {
  const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
  const payload = [];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  // A multi-root workspace opens from its .code-workspace file (`?workspace=`), a single folder with `?folder=`.
  let url = workspaceFile ? `${server.url}?workspace=${encodeURIComponent(workspaceFile)}` : `${server.url}?folder=${encodeURIComponent(folder)}`;
  if (payload.length) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}
