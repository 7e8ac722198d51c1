// UI: forecasts from the git history in a real workbench, on a copy of the demo made a git repository with its
// history (examples/buildDemoHistory.mjs): the forecast band on the timeline, the Flow layout (throughput
// histogram, cycle-time scatter, aging work in progress) and a milestone's burn-up, each with a screenshot in the
// light, dark and high-contrast themes; the dates and sentences drawn are those `rudder forecast --json` computes
// on the same folder; a story's hover says how old it is and, in progress, how it compares with finished stories.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { openWorkbench, runFromPalette, hasDemo, screenshotDir, parkedShot as shot, setTheme } from './workbench.mjs';
import { repoRoot } from '../host/fixtures.mjs';
import { TEST_SETTINGS } from '../host/codeServer.mjs';

function isoToday() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** `rudder <command> <folder> --json` on the workbench's copy (the same core and history as the extension). */
function cli(command, folder) {
  const r = spawnSync(process.execPath, [join(repoRoot, 'dist', 'cli.js'), command, folder, '--json', '--today', isoToday()], { encoding: 'utf8' });
  assert.equal(r.status, 0, `rudder ${command} failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

/** Returns the roadmap app's frame once it has drawn a forecast band (the history is read after the backlog loads). */
async function roadmapFrameWithBands(page, timeoutMs = 90_000) {
  const end = Date.now() + timeoutMs;
  let seen = 'no roadmap frame';
  while (Date.now() < end) {
    for (const frame of page.frames()) {
      const state = await frame.evaluate(() => (document.querySelector('#rudder-roadmap .chip') ? document.querySelectorAll('#rudder-roadmap .forecast-band').length : -1)).catch(() => -1);
      if (state > 0) return frame;
      if (state === 0) seen = 'the roadmap is drawn but shows no forecast band yet';
    }
    await page.waitForTimeout(250);
  }
  throw new Error(`no forecast band within the timeout: ${seen}`);
}

async function showLayout(frame, label, cssClass) {
  await frame.getByRole('button', { name: label, exact: true }).click();
  await frame.locator(`#rudder-roadmap .view.${cssClass}`).waitFor({ timeout: 10_000 });
}

describe('UI: forecasts, burn-ups and the Flow view from the demo\'s git history', function () {
  this.timeout(240_000);
  let wb;
  let frame;
  let forecast;
  before(async function () {
    if (!hasDemo()) this.skip();
    wb = await openWorkbench({ source: 'examples/demo' });
    forecast = cli('forecast', wb.folder);
    assert.ok(forecast.sample, `the demo's history gives the forecasts a sample: ${forecast.note}`);
  });
  after(async () => {
    await wb?.close();
  });

  it('draws a forecast band per open milestone on the timeline, with the dates rudder forecast computes', async () => {
    await wb.page.locator('.part.statusbar', { hasText: /\d+ stor/ }).waitFor({ timeout: 60_000 });
    await runFromPalette(wb.page, 'View: Toggle Primary Side Bar Visibility').catch(() => {});
    await runFromPalette(wb.page, 'Rudder: Open Roadmap');
    frame = await roadmapFrameWithBands(wb.page);
    const dated = forecast.milestones.filter((m) => m.p50 && m.due);
    assert.ok(dated.length >= 2, JSON.stringify(forecast.milestones.map((m) => [m.id, m.p50])));
    const bands = await frame.locator('.forecast-band').evaluateAll((els) => els.map((e) => ({ lane: e.closest('[data-lane]')?.getAttribute('data-lane'), label: e.getAttribute('aria-label') })));
    assert.deepEqual(bands.map((b) => b.lane), dated.map((m) => m.id));
    for (const m of dated) {
      const band = bands.find((b) => b.lane === m.id);
      const day = (iso) => new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
      assert.equal(band.label, `Forecast: 50% likely by ${day(m.p50)}, 85% by ${day(m.p85)}, 95% by ${day(m.p95)}`);
    }
    // The badge speaks Monte Carlo: "At risk: 85% by …" rather than points over.
    const m2 = forecast.milestones.find((m) => m.id === 'M2');
    assert.match(await frame.locator('[data-lane="M2"] .lane-label').innerText(), m2.onTrack ? /On track: 85% by/ : /At risk: 85% by/);
    const lane = frame.locator('[data-lane="M2"]');
    await lane.locator('.forecast-band').scrollIntoViewIfNeeded();
    await shot(wb.page, 'roadmap-forecast-band-light');
  });

  it('shows the Flow view: the throughput the forecasts draw from, cycle times and aging work in progress', async () => {
    const metrics = cli('metrics', wb.folder);
    await showLayout(frame, 'Flow', 'view-flow');
    const inputs = await frame.locator('.flow-inputs').innerText();
    assert.match(inputs, new RegExp(`one of the ${forecast.sample.values.length} weeks`));
    const bars = await frame.locator('svg.throughput rect.tp-bar').count();
    assert.equal(bars, Math.min(26, metrics.throughput.length));
    assert.equal(await frame.locator('svg.throughput rect.tp-bar.sampled').count(), forecast.sample.values.length);
    const dots = await frame.locator('svg.scatter circle.dot').count();
    assert.equal(dots, metrics.cycleTimeDays.count);
    const wip = await frame.locator('.flow-wip-list li').allInnerTexts();
    assert.deepEqual(wip.map((t) => t.split(/\s/)[0]), metrics.agingWip.map((a) => a.id));
    assert.ok(wip.some((t) => t.includes('older than 85% of finished stories')), wip.join(' | '));
    // Accessible: each chart is an image with a sentence, and its numbers are a table.
    const labels = await frame.locator('svg.chart').evaluateAll((els) => els.map((e) => [e.getAttribute('role'), e.getAttribute('aria-label')]));
    for (const [role, label] of labels) {
      assert.equal(role, 'img');
      assert.ok(label && label.length > 20, `a chart without a label: ${label}`);
    }
    await frame.locator('.view').evaluate((v) => (v.scrollTop = 0));
    await shot(wb.page, 'roadmap-flow-light');
  });

  it('draws a burn-up per milestone: done against scope, the scope changes, the forecast band and the due date', async () => {
    const model = JSON.parse(spawnSync(process.execPath, [join(repoRoot, 'dist', 'cli.js'), 'roadmap', wb.folder, '--format', 'json', '--today', isoToday()], { encoding: 'utf8' }).stdout);
    const withBurnup = model.milestones.filter((m) => m.burnup?.points.length);
    const drawn = await frame.locator('.flow-burnup').evaluateAll((els) => els.map((e) => e.getAttribute('data-summary')));
    assert.deepEqual([...drawn].sort(), withBurnup.map((m) => m.id).sort());
    const m2 = withBurnup.find((m) => m.id === 'M2');
    const section = frame.locator('.flow-burnup[data-summary="M2"]');
    assert.equal(await section.locator('circle.burnup-change').count(), m2.burnup.changes.length);
    assert.equal(await section.locator('.chart-band').count(), 1);
    assert.equal(await section.locator('.chart-due').count(), 1);
    assert.ok((await section.innerText()).includes(m2.forecast.message));
    await section.scrollIntoViewIfNeeded();
    await shot(wb.page, 'roadmap-burnup-light');
  });

  for (const [theme, bodyClass, suffix] of [
    ['Default Dark Modern', 'vscode-dark', 'dark'],
    ['Default High Contrast', 'vscode-high-contrast', 'high-contrast'],
  ]) {
    it(`follows the ${suffix} theme: the band, the Flow view and the burn-up take its colours`, async () => {
      await setTheme(wb.page, wb.folder, theme, bodyClass);
      await frame.waitForFunction((cls) => document.body.classList.contains(cls), bodyClass, { timeout: 15_000 });
      // The charts' colours are the theme's: the scope line is the foreground colour, the bars the charts' blue.
      const colours = await frame.evaluate(() => {
        const style = getComputedStyle(document.documentElement);
        const probe = document.createElement('div');
        document.body.append(probe);
        const resolve = (v) => {
          probe.style.color = v;
          return getComputedStyle(probe).color;
        };
        const out = {
          scope: getComputedStyle(document.querySelector('.burnup-scope')).stroke,
          foreground: resolve(style.getPropertyValue('--vscode-foreground').trim()),
          bar: getComputedStyle(document.querySelector('.tp-bar.sampled')).fill,
          blue: resolve(style.getPropertyValue('--vscode-charts-blue').trim()),
        };
        probe.remove();
        return out;
      });
      assert.equal(colours.scope, colours.foreground, JSON.stringify(colours));
      assert.equal(colours.bar, colours.blue, JSON.stringify(colours));
      await frame.locator('.view').evaluate((v) => (v.scrollTop = 0));
      await shot(wb.page, `roadmap-flow-${suffix}`);
      await frame.locator('.flow-burnup[data-summary="M2"]').scrollIntoViewIfNeeded();
      await shot(wb.page, `roadmap-burnup-${suffix}`);
      await showLayout(frame, 'Timeline', 'view-timeline');
      await frame.locator('[data-lane="M2"] .forecast-band').scrollIntoViewIfNeeded();
      await shot(wb.page, `roadmap-forecast-band-${suffix}`);
      await showLayout(frame, 'Flow', 'view-flow');
    });
  }

  it('a story\'s hover tells its age and, in progress, that it is older than 85% of finished stories', async () => {
    await setTheme(wb.page, wb.folder, TEST_SETTINGS['workbench.colorTheme'], 'vscode-light');
    const metrics = cli('metrics', wb.folder);
    const aging = metrics.agingWip.find((a) => a.aboveP85);
    assert.ok(aging, JSON.stringify(metrics.agingWip));
    const name = aging.path.split('/').pop();
    const page = wb.page;
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(name);
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: name }).first().waitFor();
    await input.press('Enter');
    await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor();
    await page.locator('.monaco-editor .view-lines').first().waitFor();
    // The cursor on the `id:` value (line 2, "id: S-15"), then "Show or Focus Hover"; the history may still be read.
    let text = '';
    const end = Date.now() + 30_000;
    while (Date.now() < end) {
      await page.keyboard.press('Control+G');
      await input.waitFor();
      await input.fill(':2:6');
      await input.press('Enter');
      await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
      await runFromPalette(page, 'Show or Focus Hover');
      const hover = page.locator('.monaco-hover:not(.hidden)').first();
      await hover.waitFor({ timeout: 10_000 }).catch(() => {});
      text = await hover.innerText().catch(() => '');
      if (text.includes('older than')) break;
      await page.keyboard.press('Escape');
      await page.waitForTimeout(500);
    }
    assert.match(text, new RegExp(`in progress ${aging.days} days: older than \\d+% of finished stories \\(85% finished within \\d+ days\\)`), text);
    assert.match(text, /Age \d+ days \(since it first appeared in the git history\)/);
    const file = join(screenshotDir, 'story-hover-age.png');
    await page.screenshot({ path: file }); // the mouse stays put: the hover stays open
    console.log(`    screenshot: ${file}`);
  });
});
