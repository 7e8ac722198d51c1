// UI: the roadmap exports in a real chromium. `rudder roadmap --format html` renders the demo roadmap
// with every non-file request blocked and recorded (there must be none); a story with a hostile title
// renders as text; `--format mermaid` parses (and renders) with the real Mermaid 11 in the browser. The demo is a
// copy made a git repository with its history, so the page holds forecast bands, burn-ups and the Flow view.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium } from '../host/browser.mjs';
import { repoRoot } from '../host/fixtures.mjs';
import { hasDemo, screenshotDir } from './workbench.mjs';
import { HOSTILE_TITLES, writeHostileStories } from './hostileBacklog.mjs';
import { copyDemoWithHistory } from '../../examples/buildDemoHistory.mjs';

let cliCommand;
/** Returns [node, script] for a `rudder` that has the roadmap subcommand (dist/cli.js, else a test bundle). */
async function rudderCli() {
  if (cliCommand) return cliCommand;
  const dist = join(repoRoot, 'dist', 'cli.js');
  const probe = spawnSync(process.execPath, [dist, 'roadmap', '--help'], { encoding: 'utf8' });
  if (probe.status === 0) {
    cliCommand = [dist];
  } else {
    // `rudder roadmap` is not wired into src/cli/runCli.ts yet: bundle runCli + roadmapCommand for the test.
    console.log(`    note: dist/cli.js has no roadmap command (${(probe.stderr || probe.stdout).trim().split('\n')[0]}); using test/ui/roadmapCli.ts`);
    const { build } = await import('esbuild');
    const outfile = join(repoRoot, 'out', 'ui', 'roadmapCli.js');
    await build({ entryPoints: [join(repoRoot, 'test', 'ui', 'roadmapCli.ts')], bundle: true, platform: 'node', target: 'node20', format: 'cjs', mainFields: ['module', 'main'], outfile, logLevel: 'warning' });
    cliCommand = [outfile];
  }
  return cliCommand;
}

/** Runs `rudder roadmap <args>`; returns stdout (asserts exit code 0). */
async function roadmap(args) {
  const r = spawnSync(process.execPath, [...(await rudderCli()), 'roadmap', ...args], { encoding: 'utf8', cwd: repoRoot });
  assert.equal(r.status, 0, `rudder roadmap ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

function isoToday() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Opens a file in a fresh page that blocks (and records) every request that is not file: or data:. */
async function openOffline(browser, file) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, colorScheme: 'light' });
  const page = await context.newPage();
  const requests = [];
  const blocked = [];
  const dialogs = [];
  const errors = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('dialog', async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:') || url.startsWith('data:')) return route.continue();
    blocked.push(url);
    return route.abort('blockedbyclient');
  });
  await page.goto(pathToFileURL(file).href);
  return { page, context, requests, blocked, dialogs, errors };
}

/** The expected render summary of a model: stories per milestone, unscheduled stories in 'later'. */
function expectedLanes(model) {
  const lanes = {};
  for (const m of model.milestones) lanes[m.id] = m.stories.length;
  lanes.later = model.lanes.find((l) => l.id === 'later')?.unscheduled.length ?? 0;
  return lanes;
}

/** Waits for the standalone page's 'rendered' message (recorded in window.__rudderPosted) and returns it. */
async function renderedSummary(page) {
  await page.waitForFunction(() => (window.__rudderPosted ?? []).some((m) => m.type === 'rendered'), undefined, { timeout: 20_000 });
  return page.evaluate(() => window.__rudderPosted.filter((m) => m.type === 'rendered').pop());
}

describe('UI: the roadmap exports in chromium', function () {
  this.timeout(120_000);
  let browser;
  let tmp;
  let demo;
  before(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'rudder-roadmap-export-'));
    demo = join(tmp, 'demo');
    if (hasDemo()) copyDemoWithHistory(demo);
    browser = await launchChromium();
    mkdirSync(screenshotDir, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('`rudder roadmap --format html` on the demo renders the same roadmap with no network request', async function () {
    if (!hasDemo()) this.skip();
    const today = isoToday();
    const model = JSON.parse(await roadmap([demo, '--format', 'json', '--today', today]));
    const file = join(tmp, 'roadmap.html');
    await roadmap([demo, '--format', 'html', '-o', file, '--today', today]);
    const html = readFileSync(file, 'utf8');
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'/);
    assert.doesNotMatch(html, /\b(src|href)="(https?:)?\/\//, 'the page references a remote resource');

    const { page, context, requests, blocked, dialogs, errors } = await openOffline(browser, file);
    try {
      const rendered = await renderedSummary(page);
      assert.deepEqual(rendered.summary.lanes, expectedLanes(model));
      assert.equal(rendered.summary.milestones, model.milestones.filter((m) => m.due).length + model.milestones.filter((m) => !m.due).length);
      // Every milestone is on the page by title, with its progress.
      const text = await page.locator('#rudder-roadmap').innerText();
      for (const m of model.milestones) assert.ok(text.includes(m.title), `milestone "${m.title}" is not shown`);
      const chips = await page.locator('.chip:not(.epic)').count();
      assert.ok(chips > 0, 'no story chips drawn');
      // The board layout of the same page.
      await page.screenshot({ path: join(screenshotDir, 'roadmap-export-html-timeline.png') });
      await page.getByRole('button', { name: 'Now / Next / Later' }).click();
      await page.waitForFunction(() => window.__rudderPosted.filter((m) => m.type === 'rendered').pop()?.summary.layout === 'board');
      await page.screenshot({ path: join(screenshotDir, 'roadmap-export-html-board.png') });
      // The List layout draws the same stories per milestone, each milestone a heading with its forecast in words.
      await page.getByRole('button', { name: 'List', exact: true }).click();
      await page.waitForFunction(() => window.__rudderPosted.filter((m) => m.type === 'rendered').pop()?.summary.layout === 'list');
      const listed = await renderedSummary(page);
      assert.deepEqual(listed.summary.lanes, expectedLanes(model));
      const headings = await page.locator('.list h2').allInnerTexts();
      assert.equal(headings.length, model.milestones.length + 1, headings.join(' | '));
      const listText = await page.locator('.list').innerText();
      for (const m of model.milestones) assert.ok(listText.includes(m.forecast.message), `the forecast of ${m.id} is not written out`);
      await page.screenshot({ path: join(screenshotDir, 'roadmap-export-html-list.png') });
      // The charts: a forecast band per open milestone with a Monte Carlo forecast, the Flow view with its burn-ups.
      await page.getByRole('button', { name: 'Timeline', exact: true }).click();
      await page.waitForFunction(() => window.__rudderPosted.filter((m) => m.type === 'rendered').pop()?.summary.layout === 'timeline');
      const banded = model.milestones.filter((m) => m.due && m.forecast.method === 'monte-carlo' && m.forecast.p50).length;
      assert.ok(banded > 0, 'the demo copy has Monte Carlo forecasts');
      assert.equal(await page.locator('.forecast-band').count(), banded);
      await page.getByRole('button', { name: 'Flow', exact: true }).click();
      await page.waitForFunction(() => window.__rudderPosted.filter((m) => m.type === 'rendered').pop()?.summary.layout === 'flow');
      assert.equal(await page.locator('svg.chart.throughput').count(), 1);
      assert.equal(await page.locator('svg.chart.scatter').count(), 1);
      assert.equal(await page.locator('.flow-burnup svg.chart.burnup').count(), model.milestones.filter((m) => m.burnup?.points.length).length);
      await page.screenshot({ path: join(screenshotDir, 'roadmap-export-html-flow.png') });
      console.log(`    screenshots: roadmap-export-html-{timeline,board,list,flow}.png; requests: ${requests.length} (${[...new Set(requests.map((u) => u.split(':')[0]))].join(', ')})`);
      assert.deepEqual(blocked, [], `the export asked the network for: ${blocked.join(', ')}`);
      assert.deepEqual(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:')), []);
      assert.deepEqual(dialogs, []);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  it('the html export shows hostile story titles as text and runs none of them', async () => {
    const folder = join(tmp, 'hostile');
    cpSync(join(repoRoot, 'test', 'fixtures', 'workspace'), folder, { recursive: true });
    writeHostileStories(folder);
    const file = join(tmp, 'hostile.html');
    await roadmap([folder, '--format', 'html', '-o', file]);
    const { page, context, blocked, dialogs, errors } = await openOffline(browser, file);
    try {
      const rendered = await renderedSummary(page);
      // The fixture's M1 holds S-1 and X-1; the other hostile stories are unscheduled.
      assert.equal(rendered.summary.lanes.M1, 2);
      assert.equal(rendered.summary.lanes.later, 6 + HOSTILE_TITLES.length - 1);
      const chipTexts = await page.locator('.chip').allInnerTexts();
      for (const title of HOSTILE_TITLES) assert.ok(chipTexts.some((t) => t.includes(title)), `"${title}" is not shown literally; chips: ${chipTexts.join(' | ')}`);
      const injected = await page.evaluate(() => ({
        imgs: document.querySelectorAll('img').length,
        svgs: document.querySelectorAll('#rudder-roadmap svg[onload]').length,
        bold: document.querySelectorAll('#rudder-roadmap b').length,
        handlers: [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${el.tagName}[${a.name}]`)),
        scripts: document.scripts.length,
      }));
      assert.deepEqual(injected, { imgs: 0, svgs: 0, bold: 0, handlers: [], scripts: 2 }, JSON.stringify(injected)); // the model block and the renderer
      await page.screenshot({ path: join(screenshotDir, 'roadmap-export-hostile.png') });
      // The same titles as text in the List layout.
      await page.getByRole('button', { name: 'List', exact: true }).click();
      await page.locator('.list .list-story').first().waitFor();
      const listTexts = await page.locator('.list-story').allInnerTexts();
      for (const title of HOSTILE_TITLES) assert.ok(listTexts.some((t) => t.includes(title)), `"${title}" is not listed literally: ${listTexts.join(' | ')}`);
      const injectedInList = await page.evaluate(() => document.querySelectorAll('#rudder-roadmap img, #rudder-roadmap b, #rudder-roadmap script, #rudder-roadmap [onerror], #rudder-roadmap [onload]').length);
      assert.equal(injectedInList, 0);
      assert.deepEqual(dialogs, []);
      assert.deepEqual(blocked, []);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  it('`rudder roadmap --format mermaid` on the demo parses and renders as a Mermaid gantt (mermaid 11 in chromium)', async function () {
    if (!hasDemo()) this.skip();
    const text = await roadmap([demo, '--format', 'mermaid']);
    assert.match(text, /^gantt\n/);
    const dist = join(repoRoot, 'node_modules', 'mermaid', 'dist');
    assert.ok(existsSync(join(dist, 'mermaid.esm.min.mjs')), 'mermaid is not installed (npm install)');
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    const remote = [];
    // Mermaid is served from node_modules under a made-up origin (module scripts cannot load from file:);
    // anything else is refused, so nothing leaves the machine.
    await context.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      if (url.href === 'http://mermaid.test/index.html') {
        return route.fulfill({ status: 200, contentType: 'text/html', body: '<!DOCTYPE html><html><body><div id="out"></div></body></html>' });
      }
      if (url.origin === 'http://mermaid.test') {
        const file = join(dist, decodeURIComponent(url.pathname));
        if (!file.startsWith(dist) || !existsSync(file)) return route.fulfill({ status: 404, body: '' });
        const type = extname(file) === '.mjs' || extname(file) === '.js' ? 'text/javascript' : 'application/octet-stream';
        return route.fulfill({ status: 200, contentType: type, body: readFileSync(file) });
      }
      remote.push(url.href);
      return route.abort('blockedbyclient');
    });
    try {
      await page.goto('http://mermaid.test/index.html');
      await page.addScriptTag({ type: 'module', content: "import mermaid from 'http://mermaid.test/mermaid.esm.min.mjs'; mermaid.initialize({ startOnLoad: false }); window.mermaid = mermaid;" });
      await page.waitForFunction(() => window.mermaid !== undefined, undefined, { timeout: 30_000 });
      const parsed = await page.evaluate(async (t) => {
        try {
          return { ok: await window.mermaid.parse(t) };
        } catch (e) {
          return { error: String(e?.message ?? e) };
        }
      }, text);
      assert.deepEqual(parsed, { ok: { diagramType: 'gantt', config: {} } }, JSON.stringify(parsed));
      // The check can fail: a broken task line is refused by the same parser.
      const broken = await page.evaluate(async () => window.mermaid.parse('gantt\n    dateFormat YYYY-MM-DD\n    section A\n    Task : ::: ]]] ((\n    @@@', { suppressErrors: true }));
      assert.equal(broken, false, 'mermaid.parse accepted a broken gantt: the check proves nothing');
      const tasks = await page.evaluate(async (t) => {
        const { svg } = await window.mermaid.render('roadmap', t);
        document.getElementById('out').innerHTML = svg;
        return document.querySelectorAll('#out rect.task').length;
      }, text);
      // Every task line (stories, milestone bars and the due-date markers) is drawn as one rect.task.
      const expectedTasks = text.split('\n').filter((l) => /^\s{4}[^%\s].* :/.test(l)).length;
      assert.ok(expectedTasks > 10, `only ${expectedTasks} task lines`);
      assert.equal(tasks, expectedTasks, 'tasks drawn vs task lines');
      await page.locator('#out svg').screenshot({ path: join(screenshotDir, 'roadmap-export-mermaid.png') });
      assert.deepEqual(remote, [], `requests outside mermaid.test: ${remote.join(', ')}`);
    } finally {
      await context.close();
    }
  });
});
