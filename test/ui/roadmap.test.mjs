// UI: the roadmap webview in a real workbench (code-server + chromium): opened from the command
// palette on the demo backlog, screenshots of the timeline and the Now/Next/Later board in a light and
// a dark theme and of the List, a real keyboard move sent by the webview itself, and hostile titles shown as text.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openWorkbench, runFromPalette, hasDemo, parkedShot as shot, setTheme } from './workbench.mjs';
import { repoRoot } from '../host/fixtures.mjs';
import { TEST_SETTINGS } from '../host/codeServer.mjs';
import { HOSTILE_TITLES, writeHostileStories } from './hostileBacklog.mjs';

/** Returns the frame that holds the roadmap app once it has drawn story chips (webviews are nested same-origin iframes). */
async function roadmapFrame(page, timeoutMs = 60_000) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    for (const frame of page.frames()) {
      const ok = await frame.evaluate(() => document.querySelector('#rudder-roadmap .chip') !== null).catch(() => false);
      if (ok) return frame;
    }
    await page.waitForTimeout(250);
  }
  throw new Error('the roadmap webview did not draw any story within the timeout');
}

/** Resolves when Rudder's contributions are in the workbench (its activity-bar icon and status-bar item). */
async function extensionLoaded(page) {
  await page.locator('.part.activitybar .action-item a[aria-label^="Rudder"]').waitFor({ timeout: 60_000 });
  await page.locator('.part.statusbar', { hasText: /\d+ stor/ }).waitFor({ timeout: 60_000 });
}

/** Clicks a toolbar toggle in the webview and waits for the layout to be drawn. */
async function showLayout(frame, label, cssClass) {
  await frame.getByRole('button', { name: label, exact: true }).click();
  await frame.locator(`#rudder-roadmap .view.${cssClass}`).waitFor({ timeout: 10_000 });
}

/** The roadmap model of the workbench's demo copy (a git repository with the demo's history), from the CLI (same core as the extension). */
function demoModel(folder) {
  const r = spawnSync(process.execPath, [join(repoRoot, 'dist', 'cli.js'), 'roadmap', folder, '--format', 'json'], { encoding: 'utf8' });
  return r.status === 0 ? JSON.parse(r.stdout) : undefined;
}

describe('UI: the roadmap webview on the demo backlog', function () {
  this.timeout(180_000);
  let wb;
  let frame;
  before(async function () {
    if (!hasDemo()) this.skip();
    wb = await openWorkbench({ source: 'examples/demo' });
  });
  after(async () => {
    await wb?.close();
  });
  beforeEach(async () => {
    await wb?.restore({ tree: false });
  });

  it('opens from the command palette and draws every milestone of the demo', async () => {
    await extensionLoaded(wb.page);
    await runFromPalette(wb.page, 'View: Toggle Primary Side Bar Visibility').catch(() => {});
    await runFromPalette(wb.page, 'Rudder: Open Roadmap');
    const tab = wb.page.locator('.tabs-container .tab.active');
    await tab.waitFor();
    assert.match(await tab.innerText(), /Roadmap/);
    frame = await roadmapFrame(wb.page);
    const model = demoModel(wb.folder);
    const text = await frame.locator('#rudder-roadmap').innerText();
    if (model) {
      for (const m of model.milestones) assert.ok(text.includes(m.title), `milestone "${m.title}" is not drawn`);
    }
    assert.equal(await frame.evaluate(() => document.body.classList.contains('vscode-light')), true, 'the webview did not get the light theme class');
    assert.ok((await frame.locator('.chip:not(.epic)').count()) > 10);
    await shot(wb.page, 'roadmap-timeline-light');
  });

  it('shows the Now / Next / Later board', async () => {
    await showLayout(frame, 'Now / Next / Later', 'view-board');
    const text = await frame.locator('#rudder-roadmap .view').innerText();
    assert.match(text, /Now/);
    assert.match(text, /Next/);
    assert.match(text, /Later/);
    await shot(wb.page, 'roadmap-board-light');
  });

  it('shows the List layout: a heading per milestone with its progress and forecast, its stories as a list', async () => {
    const model = demoModel(wb.folder);
    await showLayout(frame, 'List', 'view-list');
    const headings = await frame.locator('.list h2').allInnerTexts();
    if (model) {
      assert.equal(headings.length, model.milestones.length + 1, headings.join(' | '));
      // The forecasts come from the git history, read in the background after the backlog loaded: wait for them.
      let text = '';
      const end = Date.now() + 30_000;
      do {
        text = await frame.locator('#rudder-roadmap .view').innerText();
        if (model.milestones.every((m) => text.includes(m.forecast.message))) break;
        await wb.page.waitForTimeout(300);
      } while (Date.now() < end);
      for (const m of model.milestones) assert.ok(text.includes(m.forecast.message), `the forecast of ${m.id} is not written out: ${m.forecast.message}`);
      assert.equal(await frame.locator('.list-story').count(), Object.values(model.stories).filter((s) => !s.isEpic).length);
    }
    // In VS Code each story's title is a button that opens it.
    assert.ok((await frame.locator('.list-story button.list-title').count()) > 10);
    await shot(wb.page, 'roadmap-list-light');
    await showLayout(frame, 'Now / Next / Later', 'view-board');
  });

  it('follows a dark theme', async () => {
    await setTheme(wb.page, wb.folder, 'Default Dark Modern', 'vscode-dark');
    await frame.waitForFunction(() => document.body.classList.contains('vscode-dark'), undefined, { timeout: 15_000 });
    // Theme variables reach the page: the background is dark now.
    const bg = await frame.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const [r, g, b] = bg.match(/\d+/g).map(Number);
    assert.ok(r + g + b < 200, `the webview background stays light in the dark theme: ${bg}`);
    await shot(wb.page, 'roadmap-board-dark');
    await showLayout(frame, 'Timeline', 'view-timeline');
    await shot(wb.page, 'roadmap-timeline-dark');
    await setTheme(wb.page, wb.folder, TEST_SETTINGS['workbench.colorTheme'], 'vscode-light');
  });

  it('keeps a quarter\'s and a month\'s name in view while their cells are (sticky axis labels)', async () => {
    await showLayout(frame, 'Timeline', 'view-timeline');
    const seen = await frame.evaluate(() => {
      const view = document.querySelector('.view');
      const corner = document.querySelector('.axis-corner').getBoundingClientRect();
      const cell = [...document.querySelectorAll('.axis-row.quarters .axis-cell')].find((c) => c.offsetWidth > 400);
      if (!cell) return undefined;
      const before = view.scrollLeft;
      // Scroll so that the quarter started 150 px left of the visible timeline (under the lanes' label column).
      view.scrollLeft = cell.offsetLeft + 150;
      const label = cell.querySelector('.axis-label').getBoundingClientRect();
      const out = { text: cell.textContent, cellLeft: cell.getBoundingClientRect().left, labelLeft: label.left, labelRight: label.right, timelineLeft: corner.right };
      return { ...out, restore: before };
    });
    assert.ok(seen, 'a quarter wider than 400 px');
    assert.ok(seen.cellLeft < seen.timelineLeft, `the quarter starts out of view: ${JSON.stringify(seen)}`);
    assert.ok(seen.labelLeft >= seen.timelineLeft - 1 && seen.labelRight > seen.labelLeft, `"${seen.text}" stays visible right of the label column: ${JSON.stringify(seen)}`);
    await shot(wb.page, 'roadmap-timeline-scrolled');
    await frame.evaluate((left) => (document.querySelector('.view').scrollLeft = left), seen.restore);
  });

  it('follows a high-contrast theme: chips and lanes get the contrast border', async () => {
    await setTheme(wb.page, wb.folder, 'Default High Contrast', 'vscode-high-contrast');
    await frame.waitForFunction(() => document.body.classList.contains('vscode-high-contrast'), undefined, { timeout: 15_000 });
    await showLayout(frame, 'Timeline', 'view-timeline');
    // The contrast border (a bright colour in this theme) outlines every chip, so chips stay apart without fills.
    const border = await frame.evaluate(() => {
      const chip = document.querySelector('.chip');
      return chip ? getComputedStyle(chip).borderTopColor : 'no chip';
    });
    const contrast = await frame.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--vscode-contrastBorder').trim());
    assert.ok(contrast, 'the high-contrast theme defines --vscode-contrastBorder');
    assert.match(border, /^rgba?\(/, `chip border: ${border}`);
    const [r, g, b, a = 1] = border.match(/[\d.]+/g).map(Number);
    assert.ok(a > 0 && r + g + b > 300, `a visible light border on the black background: ${border}`);
    await shot(wb.page, 'roadmap-timeline-high-contrast');
    await showLayout(frame, 'Now / Next / Later', 'view-board');
    await shot(wb.page, 'roadmap-board-high-contrast');
    await setTheme(wb.page, wb.folder, TEST_SETTINGS['workbench.colorTheme'], 'vscode-light');
  });

  it('a keyboard move in the webview (Alt+Up) writes only that story\'s milestone: value', async () => {
    const model = demoModel(wb.folder);
    assert.ok(model, 'dist/cli.js roadmap --format json failed');
    const m3 = model.milestones.find((m) => m.id === 'M3');
    assert.ok(m3 && m3.stories.length > 0);
    const path = m3.stories[m3.stories.length - 1];
    const file = join(wb.folder, ...path.split('/'));
    const before = readFileSync(file, 'utf8');
    assert.match(before, /^milestone: M3$/m);
    const chip = frame.locator(`.chip[data-path="${path}"]`);
    await chip.scrollIntoViewIfNeeded();
    await chip.focus();
    await wb.page.keyboard.press('Alt+ArrowUp');
    const end = Date.now() + 15_000;
    let after = before;
    // An empty read is a save caught half way (the file is truncated, then written): keep polling.
    while ((after === before || after === '') && Date.now() < end) {
      await wb.page.waitForTimeout(200);
      after = readFileSync(file, 'utf8');
    }
    assert.equal(after, before.replace(/^milestone: M3$/m, 'milestone: M2'));
    // The open roadmap follows the file: the chip is now in M2's lane.
    await frame.locator(`[data-summary="M2"] .chip[data-path="${path}"]`).waitFor({ timeout: 10_000 });

    // Ctrl+Z with the focus in the roadmap is Rudder's Undo of that move: the file comes back byte for byte.
    const undo = wb.page.locator('.statusbar-item', { hasText: 'Undo' });
    await undo.waitFor({ timeout: 10_000 });
    assert.match((await undo.innerText()).trim(), /^Set milestone \S+ · Undo$/);
    await frame.locator(`.chip[data-path="${path}"]`).focus();
    await wb.page.keyboard.press('Control+z');
    const back = Date.now() + 15_000;
    while (readFileSync(file, 'utf8') !== before && Date.now() < back) await wb.page.waitForTimeout(200);
    assert.equal(readFileSync(file, 'utf8'), before, 'Ctrl+Z in the roadmap puts the file back');
    await frame.locator(`[data-summary="M3"] .chip[data-path="${path}"]`).waitFor({ timeout: 10_000 });
    await undo.waitFor({ state: 'hidden', timeout: 10_000 });
  });

  it('in the List, Alt+Down on a story\'s title moves it to the next milestone', async () => {
    const model = demoModel(wb.folder);
    assert.ok(model, 'dist/cli.js roadmap --format json failed');
    const m2 = model.milestones.find((m) => m.id === 'M2');
    assert.ok(m2 && m2.stories.length > 0);
    const path = m2.stories[m2.stories.length - 1];
    const file = join(wb.folder, ...path.split('/'));
    const before = readFileSync(file, 'utf8');
    assert.match(before, /^milestone: M2$/m);
    await showLayout(frame, 'List', 'view-list');
    const title = frame.locator(`[data-summary="M2"] [data-path="${path}"] button.list-title`);
    await title.waitFor({ timeout: 10_000 });
    await title.focus();
    await wb.page.keyboard.press('Alt+ArrowDown');
    const end = Date.now() + 15_000;
    let after = before;
    while ((after === before || after === '') && Date.now() < end) {
      await wb.page.waitForTimeout(200);
      after = readFileSync(file, 'utf8');
    }
    assert.equal(after, before.replace(/^milestone: M2$/m, 'milestone: M3'));
    await frame.locator(`[data-summary="M3"] [data-path="${path}"]`).waitFor({ timeout: 10_000 });
    await showLayout(frame, 'Timeline', 'view-timeline');
  });
});

describe('UI: hostile story titles in the roadmap webview', function () {
  this.timeout(180_000);
  let wb;
  const dialogs = [];
  before(async () => {
    wb = await openWorkbench();
    wb.page.on('dialog', async (d) => {
      dialogs.push(d.message());
      await d.dismiss().catch(() => {});
    });
  });
  after(async () => {
    await wb?.close();
  });

  it('renders <img onerror>, <script> and friends as text, and runs none of them', async () => {
    writeHostileStories(wb.folder);
    await extensionLoaded(wb.page);
    await runFromPalette(wb.page, 'Rudder: Open Roadmap');
    const frame = await roadmapFrame(wb.page);
    const end = Date.now() + 20_000;
    let chips = [];
    while (Date.now() < end) {
      chips = await frame.locator('.chip').allInnerTexts();
      if (HOSTILE_TITLES.every((t) => chips.some((c) => c.includes(t)))) break;
      await wb.page.waitForTimeout(300);
    }
    for (const title of HOSTILE_TITLES) assert.ok(chips.some((c) => c.includes(title)), `"${title}" is not shown literally; chips: ${chips.join(' | ')}`);
    const injected = await frame.evaluate(() => ({
      imgs: document.querySelectorAll('img').length,
      svgOnload: document.querySelectorAll('svg[onload]').length,
      bold: document.querySelectorAll('#rudder-roadmap b').length,
      handlers: [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${el.tagName}[${a.name}]`)),
      // VS Code injects one inline script (acquireVsCodeApi) into every webview; ours is roadmap.js.
      scripts: [...document.scripts].filter((s) => s.src !== '').map((s) => s.src.split('/').pop()),
      alertsInScripts: [...document.scripts].filter((s) => s.textContent.includes('alert(')).length,
    }));
    assert.deepEqual(injected, { imgs: 0, svgOnload: 0, bold: 0, handlers: [], scripts: ['roadmap.js'], alertsInScripts: 0 }, JSON.stringify(injected));
    await shot(wb.page, 'roadmap-hostile');
    assert.deepEqual(dialogs, []);
  });
});
