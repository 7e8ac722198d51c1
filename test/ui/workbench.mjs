// Shared helpers for UI tests: a code-server with Rudder loaded (from the development folder) on a
// throwaway copy of a workspace, a chromium page on it, and screenshots into test-results/screenshots/.
import { mkdirSync, existsSync, readdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join, relative } from 'node:path';
import { startCodeServer } from '../host/codeServer.mjs';
import { launchChromium, workbenchUrl } from '../host/browser.mjs';
import { copyWorkspace, repoRoot } from '../host/fixtures.mjs';
import { buildDemoHistory } from '../../examples/buildDemoHistory.mjs';

export const screenshotDir = join(repoRoot, 'test-results', 'screenshots');

/**
 * Returns { page, server, folder, shot(name), close() } for a workbench on a copy of `source`.
 * `extensionDevelopmentPath` defaults to the repo (dist/extension.js must be built); pass null to
 * rely on extensions installed in `extensionsDir` (the packaged-.vsix test). `settings` go into the user settings.
 * The demo's copy is a git repository with the demo's history (examples/buildDemoHistory.mjs), so the roadmap shows
 * real forecasts.
 */
export async function openWorkbench({ source = 'test/fixtures/workspace', extensionDevelopmentPath = repoRoot, extensionsDir, settings } = {}) {
  const ws = copyWorkspace(source);
  if (source === 'examples/demo') buildDemoHistory(ws.folder);
  const pristine = readTree(ws.folder);
  let server;
  let browser;
  const close = async () => {
    await browser?.close().catch(() => {});
    await server?.stop();
    ws.dispose();
  };
  try {
    server = await startCodeServer({ workspace: ws.folder, extensionsDir, settings });
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
    const wb = { page, server, folder: ws.folder, shot, close, restore: (options) => restoreWorkbench(wb, pristine, options) };
    return wb;
  } catch (e) {
    await close();
    throw e;
  }
}

/** Returns every file under a folder: relative path → bytes. */
function readTree(root) {
  const out = new Map();
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.name === '.git') continue; // the demo's history: restoring files never rewrites it
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.set(relative(root, p), readFileSync(p));
    }
  };
  walk(root);
  return out;
}

/** Writes the pristine bytes back into the workspace copy; returns the paths it changed (extra files and folders removed). */
function writePristine(root, pristine) {
  const now = readTree(root);
  const changed = [];
  for (const [p, bytes] of pristine) {
    const cur = now.get(p);
    if (cur === undefined || !cur.equals(bytes)) {
      mkdirSync(dirname(join(root, p)), { recursive: true });
      writeFileSync(join(root, p), bytes);
      changed.push(p);
    }
  }
  for (const p of now.keys()) {
    if (!pristine.has(p)) {
      rmSync(join(root, p), { force: true });
      changed.push(p);
    }
  }
  const dirs = new Set([...pristine.keys()].flatMap((p) => p.split('/').slice(0, -1).map((_, i, a) => a.slice(0, i + 1).join('/'))));
  const prune = (dir) => {
    for (const e of readdirSync(join(root, dir), { withFileTypes: true })) {
      if (!e.isDirectory() || e.name === '.git') continue;
      const rel = dir ? `${dir}/${e.name}` : e.name;
      if (!dirs.has(rel)) rmSync(join(root, rel), { recursive: true, force: true });
      else prune(rel);
    }
  };
  prune('');
  return changed;
}

/**
 * Puts a UI test's workbench back to the pristine workspace before a test, whatever the test before it left: closes
 * menus and quick inputs, reverts unsaved editors, rewrites the files, and (with `tree`, the default) shows the
 * Backlog view ungrouped and waits until its rows are the order `rudder list --json` reads from the disk (the index
 * equals the files). Never throws: what it could not restore is logged and the test fails on its own assertions.
 */
async function restoreWorkbench(wb, pristine, { tree = true } = {}) {
  const { page, folder } = wb;
  try {
    for (let i = 0; i < 3; i++) await page.keyboard.press('Escape');
    for (let i = 0; i < 10; i++) {
      const dirty = page.locator('.tabs-container .tab.dirty').first();
      if (!(await dirty.count())) break;
      await dirty.click();
      await runFromPalette(page, 'File: Revert File');
    }
    const changed = writePristine(folder, pristine);
    if (changed.length) console.log(`    [restore] wrote the pristine fixture back: ${changed.join(', ')}`);
    if (!tree) return;
    await runFromPalette(page, 'Focus on Backlog View');
    await viewPane(page, 'Backlog').locator('.monaco-list-row').first().waitFor({ timeout: 30_000 });
    if (await viewPane(page, 'Backlog').locator('.monaco-list-row .monaco-tl-twistie.collapsible').count()) {
      await runFromPalette(page, 'Rudder: Group Backlog By', undefined, 'None');
      await runFromPalette(page, 'Focus on Backlog View');
    }
    await page.keyboard.press('Home'); // the first rows in view (a test may have scrolled the tree)
    const r = spawnSync(process.execPath, [join(repoRoot, 'dist', 'cli.js'), 'list', folder, '--json'], { encoding: 'utf8' });
    // The ungrouped view lists open stories in backlog order; done and dropped ones (and drafts) sit in collapsed sections.
    const ids = JSON.parse(r.stdout)
      .stories.filter((s) => !s.draft && !/^(done|dropped)$/i.test(s.status ?? ''))
      .map((s) => s.id);
    let seen = [];
    const end = Date.now() + 20_000;
    for (;;) {
      seen = (await readTreeRows(page)).map((row) => row.id);
      if (seen.length > 0 && seen.join() === ids.slice(0, seen.length).join()) return;
      if (Date.now() > end) break;
      await page.waitForTimeout(200);
    }
    console.log(`    [restore] the Backlog view did not follow the files: rows ${seen.join(',')}; rudder list ${ids.slice(0, seen.length).join(',')}`);
  } catch (e) {
    console.log(`    [restore] could not restore the workbench: ${e.message}`);
  }
}

/**
 * Returns a view's title-bar action, made visible without hovering: the view gets the focus through its "Focus on
 * … View" command (title actions show while a view has the focus, on every chromium build), then the action is found.
 */
export async function viewTitleAction(page, view, label) {
  await runFromPalette(page, `Focus on ${view} View`);
  const action = viewPane(page, view).locator(`.pane-header .action-label[aria-label^="${label}"]`);
  await action.waitFor({ state: 'visible', timeout: 10_000 });
  return action;
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
 * Returns the visible rows of a sidebar view (default: the Backlog) as { title, id } in screen order. A
 * story row's label is `S-12 · 3 pts  Title` (the id and points first, two spaces, the title): `id` is `S-12` and
 * `title` the title. Any other row (a group, a section) has its label as `title` and the first part of its
 * description as `id` (an epic group's `E-1 · 9 stories` -> `E-1`).
 */
export async function readTreeRows(page, view = 'Backlog') {
  const rows = viewPane(page, view).locator('.monaco-list-row');
  return rows.evaluateAll((els) =>
    els
      .map((el) => {
        const label = el.querySelector('.label-name')?.textContent?.trim() ?? '';
        const description = el.querySelector('.label-description')?.textContent?.trim() ?? '';
        const split = label.indexOf('  ');
        const story = split > 0;
        return {
          top: Number.parseFloat(el.style.top || '0'),
          title: story ? label.slice(split + 2) : label,
          id: story ? label.slice(0, split).split(' · ')[0] : description.split(' · ')[0],
          description,
        };
      })
      .sort((a, b) => a.top - b.top)
      .map(({ title, id }) => ({ title, id })),
  );
}

/**
 * Runs a command through the command palette (F1), as a user would; `label` is its palette text. When the command
 * opens a quick pick of its own, `pick` is the item to choose there.
 */
export async function runFromPalette(page, label, shot, pick) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`>${label}`);
  const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: label }).first();
  await row.waitFor();
  if (shot) await shot();
  await input.press('Enter');
  if (pick) {
    // The command's own quick pick replaces the palette in the same widget.
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: pick }).first().waitFor();
    await input.fill(pick);
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: pick }).first().waitFor();
    await input.press('Enter');
  }
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

/**
 * Opens Rudder's Output channel and returns its activation line (`[rudder] activated in the web worker extension host
 * in 12.3 ms (1 backlog(s))`): which extension host runs the extension, as the extension itself saw it.
 */
export async function rudderActivationLine(page, timeoutMs = 30_000) {
  await runFromPalette(page, 'Output: Show Output Channels...', undefined, 'Rudder');
  const output = page.locator('.part.panel .monaco-editor .view-lines');
  const end = Date.now() + timeoutMs;
  let text = '';
  for (;;) {
    text = (await output.innerText().catch(() => '')).replace(/\u00a0/g, ' ');
    const line = /\[rudder\] activated in the (web worker|Node) extension host[^\n]*/.exec(text)?.[0];
    if (line) return line;
    if (Date.now() > end) throw new Error(`no activation line in Rudder's Output; it shows: ${text.slice(0, 500) || '(nothing)'}`);
    await page.waitForTimeout(200);
  }
}

/** Screenshot of the whole page with the mouse parked on the status bar (no hover tooltip, no dependency highlight). */
export async function parkedShot(page, name) {
  await page.mouse.move(640, 852);
  await page.waitForTimeout(600);
  const file = join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: file });
  console.log(`    screenshot: ${file}`);
  return file;
}

const THEME_CLASSES = { 'vscode-light': '.monaco-workbench.vs', 'vscode-dark': '.monaco-workbench.vs-dark', 'vscode-high-contrast': '.monaco-workbench.hc-black' };

/**
 * Switches the theme through the workspace settings (a development window ignores the user settings file) and waits
 * for the workbench to wear it: `kind` is the webview body class the theme gives ('vscode-light', 'vscode-dark',
 * 'vscode-high-contrast').
 */
export async function setTheme(page, folder, theme, kind) {
  const file = join(folder, '.vscode', 'settings.json');
  writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), 'workbench.colorTheme': theme }, null, 2));
  await page.locator(THEME_CLASSES[kind]).waitFor({ timeout: 30_000 });
}
