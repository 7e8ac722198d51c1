// UI: Rudder in the browser's web worker extension host (what vscode.dev and github.dev run), in a real workbench
// (code-server + chromium) on a copy of the demo backlog, with screenshots: the tree and the Output line that says
// which host activated it, a squiggle with its quick fix and the undo, a grooming command from the tree's context menu
// and its undo, and the roadmap webview. The extension is a copy whose manifest has only the `browser` entry
// (test/host/webExtension.mjs), so nothing here can have run in the Node extension host.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { openWorkbench, openRudderView, readTreeRows, runFromPalette, rudderActivationLine, viewPane, hasDemo, screenshotDir } from './workbench.mjs';
import { repoRoot } from '../host/fixtures.mjs';
import { prepareWebExtension } from '../host/webExtension.mjs';

/** Polls `probe` every 100 ms until it returns a truthy value; fails with `what` and what `seen()` says after `timeoutMs`. */
async function until(what, probe, timeoutMs = 20_000, seen = async () => '') {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; seen: ${await seen()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Screenshot without moving the mouse (menus and hovers stay open). */
async function still(page, name) {
  const file = join(screenshotDir, `${name}.png`);
  await page.waitForTimeout(300);
  await page.screenshot({ path: file });
  console.log(`    screenshot: ${file}`);
}

/** Returns the demo copy's story file for an id (`S-11` -> …/backlog/stories/S-11-….md). */
function storyFile(folder, id) {
  const dir = join(folder, 'backlog', 'stories');
  return join(dir, readdirSync(dir).find((f) => f.startsWith(`${id}-`)));
}

/** The text of the editor in the active tab, with the non-breaking spaces the DOM shows as spaces. */
async function editorText(page) {
  return (await page.locator('.editor-instance .view-lines').first().innerText()).replace(/\u00a0/g, ' ');
}

/** Returns the frame of the roadmap app once it has drawn story chips (webviews are nested same-origin iframes). */
async function roadmapFrame(page, timeoutMs = 60_000) {
  return until(
    'the roadmap webview to draw a story',
    async () => {
      for (const frame of page.frames()) {
        if (await frame.evaluate(() => document.querySelector('#rudder-roadmap .chip') !== null).catch(() => false)) return frame;
      }
      return undefined;
    },
    timeoutMs,
    async () => `${page.frames().length} frames`,
  );
}

describe('UI: Rudder in the web worker extension host, on a copy of the demo backlog', function () {
  this.timeout(180_000);
  let web;
  let wb;
  before(async function () {
    if (!hasDemo()) this.skip();
    web = prepareWebExtension();
    wb = await openWorkbench({ source: 'examples/demo', extensionDevelopmentPath: web.folder });
    await openRudderView(wb.page);
  });
  after(async () => {
    await wb?.close();
    web?.dispose();
    console.log(`\n  UI screenshots: ${screenshotDir}\n`);
  });
  beforeEach(async () => {
    await wb?.restore();
  });

  it('lists the backlog in the order `rudder list` reads, activated in the web worker (its Output says so)', async () => {
    const { page, folder } = wb;
    const rows = await readTreeRows(page);
    const cli = spawnSync(process.execPath, [join(repoRoot, 'dist', 'cli.js'), 'list', folder, '--json'], { encoding: 'utf8' });
    // Open stories in backlog order; done and dropped ones wait in the collapsed group at the end.
    const ids = JSON.parse(cli.stdout).stories.filter((s) => !/^(done|dropped)$/.test(s.status ?? '')).map((s) => s.id);
    assert.ok(rows.length >= 5, `rows: ${JSON.stringify(rows)}`);
    assert.deepEqual(rows.map((r) => r.id), ids.slice(0, rows.length), 'the tree is a prefix of the backlog order');
    const line = await rudderActivationLine(page);
    console.log(`    ${line}`);
    assert.match(line, /activated in the web worker extension host in [\d.]+ ms/);
    await wb.shot('web-01-backlog-tree-and-output');
    await runFromPalette(page, 'View: Hide Panel');
  });

  it('shows a squiggle on a misspelt status; its quick fix writes the nearest status, and undo brings the text back', async () => {
    const { page } = wb;
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.fill('S-11-quantities-with-units.md');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'S-11-quantities-with-units.md' }).first().waitFor();
    await input.press('Enter');
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 30_000 });
    await page.keyboard.press('Control+G');
    await input.fill(':4:10');
    await input.press('Enter');
    await wb.shot('web-02-squiggle');
    const menu = page.locator('.action-widget');
    // The first Ctrl+. can come before the editor has its code-action support ready: try a few times.
    for (let attempt = 0; attempt < 4; attempt++) {
      await page.locator('.monaco-editor textarea').first().focus();
      await page.keyboard.press('Control+.');
      if (await menu.waitFor({ timeout: 4_000 }).then(() => true, () => false)) break;
    }
    await menu.locator('.monaco-list-row', { hasText: 'in-progress' }).first().waitFor({ timeout: 4_000 });
    await still(page, 'web-03-squiggle-quick-fix');
    // The menu takes the keyboard (a pointer block covers the page): walk to the fix and press Enter, as a user would.
    const focused = menu.locator('.monaco-list-row.focused');
    for (let i = 0; i < 5 && !/in-progress/.test((await focused.getAttribute('aria-label').catch(() => '')) ?? ''); i++) await page.keyboard.press('ArrowDown');
    assert.match((await focused.getAttribute('aria-label')) ?? '', /Change status to "in-progress"/);
    await page.keyboard.press('Enter');
    await until('the quick fix in the editor', async () => (await editorText(page)).includes('status: in-progress'), 20_000, () => editorText(page));
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ state: 'detached', timeout: 20_000 });
    await wb.shot('web-04-quick-fix-applied');
    await page.keyboard.press('Control+z');
    await until('the undo in the editor', async () => /status: in progres\n/.test(await editorText(page)), 20_000, () => editorText(page));
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 30_000 });
  });

  it('sets a priority from the tree\'s context menu (one scalar in one file), and one undo restores the file', async () => {
    const { page, folder } = wb;
    const pane = viewPane(page, 'Backlog');
    const rows = await readTreeRows(page);
    const story = rows.find((r) => /^S-\d+$/.test(r.id));
    const file = storyFile(folder, story.id);
    const original = readFileSync(file, 'utf8');
    const current = /^priority: (\S+)$/m.exec(original)?.[1];
    assert.ok(current, `${story.id} has a priority`);
    const value = ['could', 'wont', 'should'].find((p) => p !== current);
    // The story open in an editor (its row clicked), so the edit and its undo show in the buffer; saved by hand.
    await pane.locator('.monaco-list-row', { hasText: story.title }).first().click();
    await page.locator('.tabs-container .tab.active', { hasText: story.id }).waitFor({ timeout: 15_000 });
    await pane.locator('.monaco-list-row', { hasText: story.title }).first().click({ button: 'right' });
    const item = page.locator('.monaco-menu .action-item', { hasText: 'Set Priority' }).first();
    await item.waitFor({ timeout: 10_000 });
    await wb.shot('web-05-grooming-context-menu');
    await item.click();
    await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Set Priority' }).waitFor({ timeout: 15_000 });
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: value }).first().click();
    await until(`priority ${value} in ${story.id}'s editor`, async () => (await editorText(page)).includes(`priority: ${value}\n`), 20_000, () => editorText(page));
    await wb.shot('web-06-grooming-priority-set');
    await page.locator('.editor-instance .view-lines').first().click();
    await page.keyboard.press('Control+s');
    const expected = original.replace(/^priority: \S+$/m, `priority: ${value}`);
    await until(`${story.id} saved with priority ${value} and nothing else`, () => readFileSync(file, 'utf8') === expected, 20_000, () => readFileSync(file, 'utf8'));
    // Undo as a user would: Ctrl+Z once in the story's editor, then save.
    await page.keyboard.press('Control+z');
    await until(`${story.id} back to priority ${current} in its editor`, async () => (await editorText(page)).includes(`priority: ${current}\n`), 20_000, () => editorText(page));
    await page.keyboard.press('Control+s');
    await until(`${story.id} restored on disk`, () => readFileSync(file, 'utf8') === original, 20_000, () => readFileSync(file, 'utf8'));
    await wb.shot('web-07-grooming-undone');
  });

  it('opens the roadmap webview and draws every milestone of the demo', async () => {
    const { page, folder } = wb;
    await runFromPalette(page, 'Rudder: Open Roadmap');
    await page.locator('.tabs-container .tab.active', { hasText: 'Roadmap' }).waitFor({ timeout: 30_000 });
    const frame = await roadmapFrame(page);
    const cli = spawnSync(process.execPath, [join(repoRoot, 'dist', 'cli.js'), 'roadmap', folder, '--format', 'json'], { encoding: 'utf8' });
    const model = JSON.parse(cli.stdout);
    const text = await frame.locator('#rudder-roadmap').innerText();
    for (const m of model.milestones) assert.ok(text.includes(m.title), `milestone "${m.title}" is not drawn`);
    assert.ok((await frame.locator('.chip:not(.epic)').count()) > 10, 'story chips drawn');
    await wb.shot('web-08-roadmap');
  });
});
