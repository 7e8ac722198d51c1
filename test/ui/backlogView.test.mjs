// UI: the Rudder view in a real workbench (code-server + chromium), with screenshots.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openWorkbench, openRudderView, readTreeRows, runFromPalette, notificationTexts, hasDemo, screenshotDir } from './workbench.mjs';
import { repoRoot } from '../host/fixtures.mjs';
import { FIXTURE_ROWS } from './fixtureBacklog.mjs';

const FIXTURE = FIXTURE_ROWS;

after(() => console.log(`\n  UI screenshots: ${screenshotDir}\n`));

describe('UI: the Rudder backlog view on the fixture workspace', function () {
  this.timeout(120_000);
  let wb;
  before(async () => {
    wb = await openWorkbench();
  });
  after(async () => {
    await wb?.close();
  });

  it('opens from the activity bar and lists the stories in backlog order', async () => {
    await openRudderView(wb.page);
    assert.deepEqual(await readTreeRows(wb.page), FIXTURE);
    await wb.shot('01-backlog-view');
  });

  it('runs "Rudder: Refresh Backlog" from the command palette', async () => {
    await runFromPalette(wb.page, 'Rudder: Refresh Backlog', () => wb.shot('02-command-palette'));
    await wb.page.waitForTimeout(500);
    const toasts = await notificationTexts(wb.page);
    assert.deepEqual(toasts.filter((t) => /not found|error|failed/i.test(t)), [], `notifications: ${toasts.join(' | ')}`);
    assert.deepEqual(await readTreeRows(wb.page), FIXTURE);
  });

  it('opens a story in the editor when its row is clicked', async () => {
    await wb.page.locator('.part.sidebar .monaco-list-row', { hasText: 'Show the import preview' }).click();
    const tab = wb.page.locator('.tabs-container .tab.active');
    await tab.waitFor();
    assert.match(await tab.innerText(), /s-2\.md/);
    await wb.page.locator('.monaco-editor .view-lines').first().waitFor();
    await wb.shot('03-story-opened');
  });
});

describe('UI: the Rudder backlog view on the demo backlog', function () {
  this.timeout(120_000);
  let wb;
  before(async function () {
    if (!hasDemo()) this.skip();
    wb = await openWorkbench({ source: 'examples/demo' });
  });
  after(async () => {
    await wb?.close();
  });

  it('shows the demo backlog in the same order as `rudder list --json`', async () => {
    await openRudderView(wb.page);
    const rows = await readTreeRows(wb.page);
    await wb.shot('04-demo-backlog');
    assert.ok(rows.length >= 5, `only ${rows.length} rows`);
    const cli = join(repoRoot, 'dist', 'cli.js');
    if (existsSync(cli)) {
      const r = spawnSync(process.execPath, [cli, 'list', join(repoRoot, 'examples', 'demo'), '--json'], { encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      // Open stories in backlog order; done and dropped ones wait in the collapsed group at the end.
      const ids = JSON.parse(r.stdout).stories.filter((s) => !/^(done|dropped)$/.test(s.status ?? '')).map((s) => s.id);
      // The tree is virtualised: compare the rows that are rendered, a prefix of the backlog.
      assert.deepEqual(rows.map((r) => r.id), ids.slice(0, rows.length));
    }
  });
});
