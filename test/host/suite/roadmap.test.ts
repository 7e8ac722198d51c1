import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { assertIndexMatchesDisk, changedPaths, readText, rudderApi, waitFor } from './helpers';
import type { RudderApi } from '../../../src/vscode/activateRudder';
import { toRoadmap } from '../../../src/core/roadmap/toRoadmap';
import { localIsoDate } from '../../../src/core/roadmap/roadmapDates';
import type { RenderSummary } from '../../../src/webview/protocol';
import type { RoadmapRendered } from '../../../src/vscode/roadmap/roadmapPanel';

// The roadmap panel end to end in the real host: the webview loads, says `ready`, draws the model and
// reports what it drew; moves go through the validated protocol as one minimal, undoable edit.

const decoder = new TextDecoder('utf-8');
const encoder = new TextEncoder();

// The extension activated and its backlogs loaded (the one helper every host suite uses).
const rudder = rudderApi;


/** Resolves with the first render report that satisfies `pred` (from now on). */
function nextRender(api: RudderApi, pred: (r: RoadmapRendered) => boolean, timeoutMs = 15_000): Promise<RoadmapRendered> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`no matching render report within ${timeoutMs} ms; last: ${JSON.stringify(api.roadmap.lastRendered)}`));
    }, timeoutMs);
    const sub = api.roadmap.onDidRender((r) => {
      if (!pred(r)) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(r);
    });
  });
}

const root = (): vscode.Uri => vscode.workspace.workspaceFolders![0].uri;

/** Returns every file under backlog/ with its bytes as text, by path. */
async function snapshot(): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const uri of await vscode.workspace.findFiles('backlog/**/*')) out.set(vscode.workspace.asRelativePath(uri), decoder.decode(await vscode.workspace.fs.readFile(uri)));
  return out;
}


/** The summary the webview should report for the index's current roadmap (timeline, no filters). */
function expectedLanes(api: RudderApi): Record<string, number> {
  const model = toRoadmap(api.index, { today: localIsoDate(new Date()), title: 'x' });
  const lanes: Record<string, number> = {};
  for (const m of model.milestones) lanes[m.id] = m.stories.length;
  lanes.later = model.lanes.find((l) => l.id === 'later')?.unscheduled.length ?? 0;
  return lanes;
}

/** The same counts straight from the index: non-epic stories per milestone id; the rest are Later. */
function indexLanes(api: RudderApi): Record<string, number> {
  const lanes: Record<string, number> = {};
  for (const m of api.index.milestones()) lanes[m.id] = 0;
  lanes.later = 0;
  for (const s of api.index.stories()) {
    if (s.type === 'epic') continue;
    const m = s.milestone;
    if (m !== undefined && Object.prototype.hasOwnProperty.call(lanes, m) && m !== 'later') lanes[m]++;
    else lanes.later++;
  }
  return lanes;
}

describe('the roadmap panel', function () {
  this.timeout(60_000);
  let api: RudderApi;
  const messages: unknown[] = [];
  let restoreHandler: (() => void) | undefined;

  before(async () => {
    api = await rudder();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // Record every raw message the webview sends (the panel calls controller.handleMessage for each).
    const controller = api.roadmap as unknown as { handleMessage: (raw: unknown, from?: unknown) => Promise<boolean> };
    const original = controller.handleMessage;
    controller.handleMessage = function (this: unknown, raw: unknown, from?: unknown) {
      messages.push(raw);
      return original.call(this, raw, from);
    };
    restoreHandler = () => {
      controller.handleMessage = original;
    };
  });

  after(async () => {
    restoreHandler?.();
    api?.roadmap.panel?.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('is contributed: rudder.openRoadmap and rudder.exportRoadmap exist', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('rudder.openRoadmap'), 'rudder.openRoadmap missing');
    assert.ok(commands.includes('rudder.exportRoadmap'), 'rudder.exportRoadmap missing');
  });

  it('opens with rudder.openRoadmap; the webview says ready, then reports drawing what the index holds', async () => {
    const rendered = nextRender(api, () => true, 30_000);
    await vscode.commands.executeCommand('rudder.openRoadmap');
    const panel = api.roadmap.panel;
    assert.ok(panel, 'no roadmap panel after rudder.openRoadmap');
    assert.equal(panel.viewType, 'rudder.roadmap');
    assert.equal(panel.title, 'Roadmap');
    const html = panel.webview.html;
    assert.match(html, /default-src 'none'/);
    assert.match(html, /script-src 'nonce-[A-Za-z0-9+/=]{16,}'/);
    const report = await rendered;
    const types = messages.map((m) => (m as { type?: unknown }).type);
    assert.equal(types[0], 'ready', `first message from the webview: ${JSON.stringify(types)}`);
    assert.ok(types.includes('rendered'), JSON.stringify(types));
    const summary: RenderSummary = report.summary;
    console.log(`[roadmap] rendered generation ${report.generation} in ${report.renderMs} ms: ${JSON.stringify(summary)}`);
    assert.equal(summary.layout, 'timeline');
    assert.deepEqual(summary.lanes, expectedLanes(api));
    assert.deepEqual(summary.lanes, indexLanes(api));
    // The fixture: M1 holds S-1 (E-1 is an epic); S-2..S-7 (and whatever earlier suites added) are unscheduled.
    assert.equal(summary.lanes.M1, 1);
    assert.ok(summary.lanes.later >= 6, `later: ${summary.lanes.later}`);
    assert.equal(summary.stories, summary.lanes.M1 + summary.lanes.later);
    assert.equal(summary.milestones, api.index.milestones().length);
    assert.deepEqual(api.roadmap.lastRendered?.summary, summary);
  });

  it('opening it again reveals the same panel (one instance)', async () => {
    if (!api.roadmap.panel) await vscode.commands.executeCommand('rudder.openRoadmap');
    const first = api.roadmap.panel;
    assert.ok(first);
    await vscode.commands.executeCommand('rudder.openRoadmap');
    assert.equal(api.roadmap.panel, first);
  });

  it('exports HTML, Mermaid and JSON through workspace.fs; the HTML page pins its inline script and style by SHA-256', async () => {
    const sha256 = async (text: string) => {
      const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', encoder.encode(text)));
      return `'sha256-${btoa(String.fromCharCode(...digest))}'`;
    };
    const written: string[] = [];
    for (const format of ['html', 'mermaid', 'json'] as const) {
      const target = vscode.Uri.joinPath(root(), `roadmap-export.${format === 'mermaid' ? 'mmd' : format}`);
      const result = (await vscode.commands.executeCommand('rudder.exportRoadmap', format, target)) as vscode.Uri | undefined;
      assert.equal(result?.toString(), target.toString(), `${format}: written where asked`);
      const text = await readText(target);
      assert.ok(text, `${format}: the file exists`);
      written.push(`${format} ${text.length} chars`);
      if (format === 'html') {
        const csp = /content="(default-src 'none';[^"]*)"/.exec(text)?.[1] ?? '';
        const inline = (tag: string) => new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(text)?.[1] ?? '';
        assert.ok(inline('script').length > 1000, 'the front end is inlined');
        assert.ok(csp.includes(`script-src ${await sha256(inline('script'))}`), `script hash in ${csp}`);
        assert.ok(csp.includes(`style-src ${await sha256(inline('style'))}`), `style hash in ${csp}`);
        assert.match(text, /url\("data:font\/ttf;base64,[A-Za-z0-9+/]{100,}={0,2}"\)/, 'the codicon font inlined');
        assert.match(text, /<script type="application\/json" id="rudder-model">/);
      } else if (format === 'mermaid') {
        assert.match(text, /^gantt\n/);
      } else {
        assert.deepEqual(JSON.parse(text).milestones.map((m: { id: string }) => m.id), api.index.milestones().map((m) => m.id));
      }
    }
    console.log(`[roadmap] exported ${written.join(', ')}`);
  });

  describe('moving a story', () => {
    const m2 = (): vscode.Uri => vscode.Uri.joinPath(root(), 'backlog', 'milestones', 'm2-roadmap-test.md');
    let s1: vscode.Uri;
    let s1Path: string;
    let original: string;

    // Why beforeEach: every test starts from the pristine fixture (restored by the suite's root hook), so the extra
    // milestone is written again after that restore, before each test.
    beforeEach(async () => {
      if (!api.roadmap.panel) await vscode.commands.executeCommand('rudder.openRoadmap');
      const story = api.index.stories().find((s) => s.id === 'S-1');
      assert.ok(story, 'S-1 is not in the index');
      s1Path = story.path;
      s1 = vscode.Uri.joinPath(root(), ...s1Path.split('/'));
      original = decoder.decode(await vscode.workspace.fs.readFile(s1));
      assert.match(original, /^milestone: M1$/m);
      const m2Shown = nextRender(api, (r) => r.summary.lanes.M2 === 0);
      await vscode.workspace.fs.writeFile(m2(), encoder.encode('---\nid: M2\ntitle: General availability\nstart: 2026-03-30\ndue: 2026-06-26\n---\n\nOpen to everyone.\n'));
      await waitFor('M2 in the index', () => api.index.milestone('M2'));
      await m2Shown; // live: the open roadmap redraws with the new milestone
    });


    it('a moveStory message rewrites only that milestone: value, the roadmap follows, and undo restores the file', async () => {
      const before = await snapshot();
      const later = expectedLanes(api).later;
      const moved = nextRender(api, (r) => r.summary.lanes.M2 === 1 && r.summary.lanes.M1 === 0);
      const accepted = await api.roadmap.handleMessage({ type: 'moveStory', path: s1Path, milestoneId: 'M2' });
      assert.equal(accepted, true);
      const after = await snapshot();
      const rel = vscode.workspace.asRelativePath(s1);
      assert.deepEqual(changedPaths(before, after), [rel]);
      const text = after.get(rel)!;
      assert.equal(text, original.replace(/^milestone: M1$/m, 'milestone: M2'));
      // Byte for byte, only the value changed: same length, and the differing span is exactly "1" -> "2".
      assert.equal(text.length, original.length);
      const diff = [...text].flatMap((c, i) => (c === original[i] ? [] : [i]));
      assert.equal(diff.length, 1);
      assert.equal(original.slice(diff[0] - 12, diff[0] + 1), 'milestone: M1');
      await waitFor('S-1 in M2 in the index', () => (api.index.story(s1Path)?.milestone === 'M2' ? true : undefined));
      const report = await moved;
      assert.equal(report.summary.lanes.later, later);

      // Undo, as the user would: in the story's editor.
      const doc = await vscode.workspace.openTextDocument(s1);
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('undo');
      await waitFor('the undo', () => (doc.getText() === original ? true : undefined));
      await doc.save();
      assert.equal(decoder.decode(await vscode.workspace.fs.readFile(s1)), original);
      assert.deepEqual(changedPaths(before, await snapshot()), []);
      await waitFor('S-1 back in M1 in the index', () => (api.index.story(s1Path)?.milestone === 'M1' ? true : undefined));
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await assertIndexMatchesDisk('after a move on the roadmap and its undo');
    });

    it('rejects and logs malformed or unexpected messages, changing nothing', async () => {
      const before = await snapshot();
      const reasons: string[] = [];
      const sub = api.roadmap.onDidRejectMessage((r) => reasons.push(r));
      const bad: [string, unknown][] = [
        ['null', null],
        ['a string', 'moveStory'],
        ['an array', [{ type: 'moveStory' }]],
        ['no type', { path: s1Path, milestoneId: 'M2' }],
        ['unknown type', { type: 'deleteFile', path: s1Path }],
        ['wrong path type', { type: 'moveStory', path: 42, milestoneId: 'M2' }],
        ['wrong milestone type', { type: 'moveStory', path: s1Path, milestoneId: 2 }],
        ['missing field', { type: 'moveStory', path: s1Path }],
        ['extra field', { type: 'moveStory', path: s1Path, milestoneId: 'M2', text: 'milestone: M2' }],
        ['__proto__ field', JSON.parse(`{"type":"moveStory","path":${JSON.stringify(s1Path)},"milestoneId":"M2","__proto__":{"x":1}}`)],
        ['.. in the path', { type: 'moveStory', path: `../${s1Path}`, milestoneId: 'M2' }],
        ['.. inside the path', { type: 'moveStory', path: `backlog/../${s1Path}`, milestoneId: 'M2' }],
        ['absolute path', { type: 'moveStory', path: s1.fsPath, milestoneId: 'M2' }],
        ['backslashes', { type: 'moveStory', path: s1Path.replace(/\//g, '\\'), milestoneId: 'M2' }],
        ['not a .md file', { type: 'moveStory', path: '.rudder.yml', milestoneId: 'M2' }],
        ['a story that does not exist', { type: 'moveStory', path: 'backlog/stories/nope.md', milestoneId: 'M2' }],
        ['a milestone that does not exist', { type: 'moveStory', path: s1Path, milestoneId: 'M-NOPE' }],
        ['a milestone with a newline', { type: 'moveStory', path: s1Path, milestoneId: 'M2\nstatus: done' }],
        ['openStory outside the backlog', { type: 'openStory', path: '../../etc/passwd.md' }],
        ['openStory of a file that is not a story', { type: 'openStory', path: 'README.md' }],
        ['export in an unknown format', { type: 'export', format: 'exe' }],
        ['a negative generation', { type: 'rendered', generation: -1, summary: { lanes: {}, stories: 0, milestones: 0, layout: 'timeline' }, renderMs: 1 }],
        ['a log level that does not exist', { type: 'log', level: 'fatal', message: 'x' }],
      ];
      try {
        for (const [what, message] of bad) {
          const n = reasons.length;
          const accepted = await api.roadmap.handleMessage(message);
          assert.equal(accepted, false, `${what} was accepted`);
          assert.equal(reasons.length, n + 1, `${what} was not reported as rejected`);
          console.log(`[roadmap] rejected ${what}: ${reasons[n]}`);
        }
      } finally {
        sub.dispose();
      }
      assert.ok(reasons.some((r) => /\.\./.test(r)), `no reason mentions "..": ${reasons.join(' | ')}`);
      assert.ok(reasons.some((r) => /M-NOPE/.test(r)), `no reason names the missing milestone: ${reasons.join(' | ')}`);
      await new Promise((r) => setTimeout(r, 500)); // an edit, had one slipped through, would have landed by now
      assert.deepEqual(changedPaths(before, await snapshot()), []);
      assert.equal(vscode.workspace.textDocuments.filter((d) => d.isDirty).length, 0, 'a document was left dirty');
      assert.equal(api.index.story(s1Path)?.milestone, 'M1');
    });
  });
});
