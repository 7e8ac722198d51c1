import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { toRoadmapJson } from '../../../src/core/roadmap/exportJson';
import { sanitiseMermaidName, toMermaidGantt } from '../../../src/core/roadmap/exportMermaid';
import { toRoadmap } from '../../../src/core/roadmap/toRoadmap';
import { toRoadmapHtml } from '../../../src/webview/exportHtml';
import { jsonForScript } from '../../../src/webview/roadmapPage';
import { milestone, source, story } from './roadmapFixtures';

const TODAY = '2026-03-02';
const hostile = toRoadmap(
  source(
    [
      story({ id: 'S-1', title: 'Pay: now; #1 </script><script>alert(1)</script> <!-- x', milestone: 'M1', status: 'Done', estimate: 1 }),
      story({ id: 'S-2', title: '<img src=x onerror=alert(1)>', milestone: 'M1', status: 'In Progress' }),
      story({ id: 'S-3', title: 'section Evil', milestone: 'M1' }),
      story({ id: 'S-4', title: 'Later thing' }),
    ],
    [milestone('M1', '2026-03-02', '2026-03-27'), milestone('M9')],
  ),
  { today: TODAY, title: 'Road: map' },
);

describe('roadmap exports', () => {
  describe('toMermaidGantt', () => {
    it('writes a gantt with a section per dated milestone and sanitised task names', () => {
      const text = toMermaidGantt(hostile);
      const lines = text.trimEnd().split('\n');
      assert.deepEqual(lines.slice(0, 4), ['gantt', '    title Road map', '    dateFormat YYYY-MM-DD', '    axisFormat %b %d']);
      assert.ok(lines.includes('    section M1 Milestone M1'));
      assert.ok(lines.includes('    Milestone M1 (1/3 done) :active, 2026-03-02, 2026-03-28'));
      assert.ok(lines.includes('    M1 due :milestone, 2026-03-27, 0d'));
      assert.ok(lines.includes('    %% Later, not drawn: undated milestones M9; 1 unscheduled stories'));
      // Every task line has exactly one ':' (the separator), and no '#' or ';' survive in names.
      for (const line of lines.filter((l) => l.includes(' :'))) {
        const name = line.slice(0, line.indexOf(' :'));
        assert.doesNotMatch(name, /[:;#]/, line);
      }
      assert.ok(lines.some((l) => l.startsWith('    S-1 Pay now 1 /script script alert(1) /script !-- x :done, ')));
      assert.ok(lines.some((l) => l.startsWith('    S-2 img src=x onerror=alert(1) :active, ')));
    });

    it('guards names that start with a gantt keyword', () => {
      assert.equal(sanitiseMermaidName('section Evil'), '· section Evil');
      assert.equal(sanitiseMermaidName('dateFormat x'), '· dateFormat x');
      assert.equal(sanitiseMermaidName(' :;# '), 'untitled');
      assert.equal(sanitiseMermaidName('a'.repeat(100)).length, 80);
    });
  });

  describe('toRoadmapJson', () => {
    it('round-trips the model', () => {
      assert.deepEqual(JSON.parse(toRoadmapJson(hostile)), JSON.parse(JSON.stringify(hostile)));
    });
  });

  describe('toRoadmapHtml', () => {
    let html = '';
    before(async () => {
      html = await toRoadmapHtml(hostile, { script: 'console.log("</script>"); var a = "<!--";', css: '.x{color:red}', codiconCss: '@font-face{src:url("./codicon.ttf?abc") format("truetype")}', codiconFontBase64: 'AAAA' });
    });

    it('embeds the model so no story text can close the script block', () => {
      const block = /<script type="application\/json" id="rudder-model">([\s\S]*?)<\/script>/.exec(html);
      assert.ok(block);
      assert.doesNotMatch(block[1], /<|>/);
      assert.deepEqual(JSON.parse(block[1]), JSON.parse(JSON.stringify(hostile)));
      assert.equal(jsonForScript({ a: '</script><!--\u2028' }), '{"a":"\\u003c/script\\u003e\\u003c!--\\u2028"}');
    });

    it('has exactly two script elements and a CSP that allows nothing remote', () => {
      assert.equal(html.match(/<script/g)?.length, 2);
      assert.equal(html.match(/<\/script>/g)?.length, 2);
      assert.ok(html.includes('console.log("<\\/script>"); var a = "<\\!--";'));
      const csp = /content="(default-src 'none';[^"]*)"/.exec(html)?.[1] ?? '';
      assert.match(csp, /script-src 'sha256-[A-Za-z0-9+/=]+'/);
      assert.match(csp, /style-src 'sha256-[A-Za-z0-9+/=]+'/);
      assert.match(csp, /font-src data:/);
      assert.doesNotMatch(csp, /https?:|\*|unsafe/);
    });

    it('pins exactly the inline script and style by their SHA-256 (as Node computes it)', () => {
      const csp = /content="(default-src 'none';[^"]*)"/.exec(html)?.[1] ?? '';
      const inline = (tag: string) => new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(html)?.[1] ?? '';
      const hash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
      assert.ok(csp.includes(`script-src ${hash(inline('script'))}`), csp);
      assert.ok(csp.includes(`style-src ${hash(inline('style'))}`), csp);
    });

    it('inlines the codicon font as a data URL and defines the theme variables', () => {
      assert.ok(html.includes('url("data:font/ttf;base64,AAAA") format("truetype")'));
      assert.doesNotMatch(html, /codicon\.ttf/);
      assert.match(html, /--vscode-editor-background: #ffffff;/);
      assert.match(html, /@media \(prefers-color-scheme: dark\)/);
      assert.match(html, /<title>Road: map — 2026-03-02<\/title>/);
    });
  });
});
