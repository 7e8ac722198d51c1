import * as assert from 'node:assert/strict';
import { toRoadmapJson } from '../../../src/core/roadmap/exportJson';
import { toMermaidGantt } from '../../../src/core/roadmap/exportMermaid';
import { toRoadmap } from '../../../src/core/roadmap/toRoadmap';
import { EXPORT_FORMAT_IDS } from '../../../src/webview/exportFormats';
import { readRoadmapAssets, toRoadmapHtml, type RoadmapHtmlAssets } from '../../../src/webview/exportHtml';
import { exportRoadmap } from '../../../src/webview/exportRoadmap';
import { roadmapPage, ROADMAP_ASSET_PATHS } from '../../../src/webview/roadmapPage';
import { milestone, source, story } from './roadmapFixtures';

const model = toRoadmap(source([story({ id: 'S-1', title: 'A <b>bold</b> & "quoted" story', milestone: 'M1', estimate: 2 })], [milestone('M1', '2026-03-02', '2026-03-27')]), { today: '2026-03-02', title: 'T' });
const assets: RoadmapHtmlAssets = { script: 'console.log(1)', css: '.a{}' };

describe('exportRoadmap', () => {
  it('writes every format with its exporter, reading the front end only for HTML', async () => {
    let reads = 0;
    const options = {
      assets: () => {
        reads++;
        return assets;
      },
    };
    const expected: Record<string, string> = { html: await toRoadmapHtml(model, assets), mermaid: toMermaidGantt(model), json: toRoadmapJson(model) };
    assert.deepEqual([...EXPORT_FORMAT_IDS].sort(), Object.keys(expected).sort());
    for (const format of EXPORT_FORMAT_IDS) assert.equal(await exportRoadmap(model, format, options), expected[format], format);
    assert.equal(reads, 1);
  });

  it('fails when the front end cannot be read, for HTML only', async () => {
    const options = { assets: () => readRoadmapAssets(async () => undefined) };
    await assert.rejects(exportRoadmap(model, 'html', options), /roadmap front end .*dist\/webview\/roadmap\.js.* was not found/);
    assert.match(await exportRoadmap(model, 'mermaid', options), /^gantt\n/);
  });
});

describe('readRoadmapAssets', () => {
  it('decodes the script and styles and inlines the font as base64; optional files may be missing', async () => {
    const files = new Map<string, Uint8Array>([
      [ROADMAP_ASSET_PATHS.script.join('/'), new TextEncoder().encode('s()')],
      [ROADMAP_ASSET_PATHS.css.join('/'), new TextEncoder().encode('.c{}')],
      [ROADMAP_ASSET_PATHS.codiconFont.join('/'), new Uint8Array([0, 1, 2])],
    ]);
    const read = await readRoadmapAssets(async (p) => files.get(p.join('/')));
    assert.deepEqual(read, { script: 's()', css: '.c{}', codiconFontBase64: 'AAEC' });
  });
});

describe('roadmapPage', () => {
  it('builds the panel page: linked files, a nonce on the one script, nothing inline', () => {
    const html = roadmapPage({
      title: 'Road <map>',
      csp: { 'style-src': 'https://x.test', 'script-src': "'nonce-abc123'" },
      styles: [{ href: 'https://x.test/a.css?x=1&y="2"' }],
      script: { src: 'https://x.test/roadmap.js', nonce: 'abc123' },
    });
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src https:\/\/x\.test; script-src 'nonce-abc123'">/);
    assert.ok(html.includes('<link rel="stylesheet" href="https://x.test/a.css?x=1&amp;y=&quot;2&quot;">'));
    assert.ok(html.includes('<script nonce="abc123" src="https://x.test/roadmap.js"></script>'));
    assert.ok(html.includes('<title>Road &lt;map&gt;</title>'));
    assert.equal(html.match(/<script/g)?.length, 1);
    assert.doesNotMatch(html, /<style|rudder-model/);
  });

  it('builds the standalone page from the same shell: inline style and script, the model as JSON', async () => {
    const html = await toRoadmapHtml(model, assets);
    const shellLines = (page: string) => page.split('\n').filter((l) => /^<(!DOCTYPE|html|\/?head|\/?body|\/html|meta charset|meta name)/.test(l));
    const panel = roadmapPage({ title: 'x', csp: {}, styles: [], script: { src: 'r.js', nonce: 'n' } });
    assert.deepEqual(shellLines(html), shellLines(panel));
    assert.match(html, /<style>/);
    assert.ok(html.includes('A \\u003cb\\u003ebold\\u003c/b\\u003e \\u0026 \\"quoted\\" story'));
  });
});
