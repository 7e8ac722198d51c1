// Shared helpers for UI tests: a code-server with Rudder loaded (from the development folder) on a
// throwaway copy of a workspace, a chromium page on it, and screenshots into test-results/screenshots/.
import { mkdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { startCodeServer } from '../host/codeServer.mjs';
import { launchChromium, workbenchUrl } from '../host/browser.mjs';
import { copyWorkspace, repoRoot } from '../host/fixtures.mjs';

export const screenshotDir = join(repoRoot, 'test-results', 'screenshots');

/**
 * Returns { page, server, folder, shot(name), close() } for a workbench on a copy of `source`.
 * `extensionDevelopmentPath` defaults to the repo (dist/extension.js must be built); pass null to
 * rely on extensions installed in `extensionsDir` (the packaged-.vsix test).
 */
export async function openWorkbench({ source = 'test/fixtures/workspace', extensionDevelopmentPath = repoRoot, extensionsDir } = {}) {
  const ws = copyWorkspace(source);
  let server;
  let browser;
  const close = async () => {
    await browser?.close().catch(() => {});
    await server?.stop();
    ws.dispose();
  };
  try {
    server = await startCodeServer({ workspace: ws.folder, extensionsDir });
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 }, colorScheme: 'light' });
    page.on('pageerror', (e) => console.log(`    [page error] ${e.message}`));
    const url = workbenchUrl(server, extensionDevelopmentPath ? { extensionDevelopmentPath } : {});
    await page.goto(url);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    mkdirSync(screenshotDir, { recursive: true });
    const shot = async (name) => {
      const file = join(screenshotDir, `${name}.png`);
      await page.mouse.move(900, 700); // no hover tooltip in the picture
      await page.waitForTimeout(400);
      await page.screenshot({ path: file });
      console.log(`    screenshot: ${file}`);
      return file;
    };
    return { page, server, folder: ws.folder, shot, close };
  } catch (e) {
    await close();
    throw e;
  }
}

/** Clicks the Rudder activity-bar icon; returns when the Backlog view shows at least one row. */
export async function openRudderView(page) {
  const icon = page.locator('.part.activitybar .action-item a[aria-label^="Rudder"]');
  await icon.waitFor({ timeout: 60_000 });
  await icon.click();
  await page.locator('.part.sidebar .monaco-list-row').first().waitFor({ timeout: 30_000 });
  await widenSidebar(page, 460);
}

/** Drags the sidebar's edge so that it is `width` pixels wide (titles are not cut off in screenshots). */
export async function widenSidebar(page, width) {
  const box = await page.locator('.part.sidebar').boundingBox();
  if (!box || box.width >= width) return;
  const edge = box.x + box.width;
  const y = box.y + box.height / 2;
  await page.mouse.move(edge - 1, y);
  await page.mouse.down();
  await page.mouse.move(edge + 40, y, { steps: 4 });
  await page.mouse.move(box.x + width, y, { steps: 4 });
  await page.mouse.up();
}

/** Returns the locator of one sidebar view's pane (`view` is its name, e.g. 'Backlog'). */
export function viewPane(page, view) {
  return page.locator(`.part.sidebar .pane:has(> .pane-header[aria-label^="${view}"])`);
}

/**
 * Returns the visible rows of a sidebar view (default: the Backlog) as { title, id } in screen order;
 * `id` is the first part of the row's description (`S-12 · 3 pts · AC 2/5` -> `S-12`).
 */
export async function readTreeRows(page, view = 'Backlog') {
  const rows = viewPane(page, view).locator('.monaco-list-row');
  return rows.evaluateAll((els) =>
    els
      .map((el) => ({
        top: Number.parseFloat(el.style.top || '0'),
        title: el.querySelector('.label-name')?.textContent?.trim() ?? '',
        id: (el.querySelector('.label-description')?.textContent?.trim() ?? '').split(' · ')[0],
      }))
      .sort((a, b) => a.top - b.top)
      .map(({ title, id }) => ({ title, id })),
  );
}

/** Runs a command through the command palette (F1), as a user would; `label` is its palette text. */
export async function runFromPalette(page, label, shot) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`>${label}`);
  const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: label }).first();
  await row.waitFor();
  if (shot) await shot();
  await input.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/** Returns the texts of the notification toasts currently shown. */
export async function notificationTexts(page) {
  return page.locator('.notifications-toasts .notification-list-item-message').allTextContents();
}

/** Returns true when the demo backlog exists in the repo. */
export function hasDemo() {
  return existsSync(join(repoRoot, 'examples', 'demo'));
}
