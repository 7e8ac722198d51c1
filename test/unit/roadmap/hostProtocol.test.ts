import * as assert from 'node:assert/strict';
import { toRoadmap } from '../../../src/core/roadmap/toRoadmap';
import { EXPORT_FORMAT_IDS, isExportFormat } from '../../../src/webview/exportFormats';
import { isInvalidMessage, LAYOUTS, validateHostMessage, validateWebviewMessage, type HostMessage, type RenderSummary, type WebviewMessage } from '../../../src/webview/protocol';
import { milestone, source, story } from './roadmapFixtures';

const model = toRoadmap(source([story({ id: 'S-1', milestone: 'M1', estimate: 2 })], [milestone('M1', '2026-03-02', '2026-03-27')]), { today: '2026-03-02' });

function rejectsHost(raw: unknown, pattern: RegExp): void {
  const r = validateHostMessage(raw);
  assert.ok(isInvalidMessage(r), `expected ${JSON.stringify(raw)?.slice(0, 80)} to be rejected`);
  assert.match(r.error, pattern);
}

// Type level: the message types are computed from the schemas. Each line below fails `npm run check-types`
// when a schema and its use drift apart (the directives fail when the line they guard compiles).
const typed: WebviewMessage[] = [
  { type: 'ready' },
  { type: 'moveStory', path: 'a.md', milestoneId: null },
  { type: 'export', format: 'mermaid' },
  // @ts-expect-error a format that is not in EXPORT_FORMATS
  { type: 'export', format: 'pdf' },
  // @ts-expect-error moveStory without its milestoneId
  { type: 'moveStory', path: 'a.md' },
  // @ts-expect-error a field the schema does not list
  { type: 'ready', extra: 1 },
];
const hostTyped: HostMessage[] = [
  { type: 'model', model, generation: 1 },
  { type: 'focusStory', path: 'a.md' },
  // @ts-expect-error the model message needs its generation
  { type: 'model', model },
];
// @ts-expect-error a layout that is not in LAYOUTS
const badSummary: RenderSummary = { lanes: {}, stories: 0, milestones: 0, layout: 'grid' };

describe('the roadmap protocol, host to webview', () => {
  it('keeps the type-level examples in this file compiling (they are checked by check-types)', () => {
    assert.equal(typed.length + hostTyped.length, 9);
    assert.equal(badSummary.layout, 'grid');
  });

  it('accepts a real model and a focus request unchanged', () => {
    for (const m of [{ type: 'model', generation: 3, model: JSON.parse(JSON.stringify(model)) }, { type: 'focusStory', path: 'backlog/s-1.md' }]) {
      const r = validateHostMessage(m);
      assert.ok(!isInvalidMessage(r), JSON.stringify(r));
      assert.deepEqual(r, m);
    }
  });

  it('rejects a model whose top level is not a roadmap model', () => {
    const base = JSON.parse(JSON.stringify(model));
    rejectsHost({ type: 'model', generation: 1, model: null }, /model: "model" must be an object/);
    rejectsHost({ type: 'model', generation: 1, model: { ...base, version: 2 } }, /"version" must be 1/);
    rejectsHost({ type: 'model', generation: 1, model: { ...base, milestones: {} } }, /"milestones" must be an array/);
    rejectsHost({ type: 'model', generation: 1, model: { ...base, extra: true } }, /unexpected field "extra"/);
    const { lanes: _lanes, ...withoutLanes } = base;
    rejectsHost({ type: 'model', generation: 1, model: withoutLanes }, /missing field "lanes"/);
    rejectsHost({ type: 'model', generation: -1, model: base }, /"generation" must be a non-negative integer/);
    rejectsHost({ type: 'model', model: base }, /missing field "generation"/);
  });

  it('rejects unknown host messages and bad focus paths', () => {
    rejectsHost({ type: 'moveStory', path: 'a.md', milestoneId: null }, /unknown message type "moveStory"/);
    rejectsHost('model', /plain object/);
    rejectsHost({ type: 'focusStory', path: '../x.md' }, /segments/);
  });
});

describe('the roadmap protocol, shared vocabularies', () => {
  it('accepts exactly the layouts of LAYOUTS in a render summary', () => {
    assert.ok(LAYOUTS.length >= 2);
    for (const layout of LAYOUTS) {
      const r = validateWebviewMessage({ type: 'rendered', generation: 1, renderMs: 1, summary: { lanes: {}, stories: 0, milestones: 0, layout } });
      assert.ok(!isInvalidMessage(r), `${layout}: ${JSON.stringify(r)}`);
    }
    const r = validateWebviewMessage({ type: 'rendered', generation: 1, renderMs: 1, summary: { lanes: {}, stories: 0, milestones: 0, layout: 'Timeline' } });
    assert.ok(isInvalidMessage(r));
    assert.match(r.error, new RegExp(`must be one of ${LAYOUTS.join(', ')}$`));
  });

  it('accepts exactly the export formats of EXPORT_FORMATS', () => {
    for (const format of EXPORT_FORMAT_IDS) assert.ok(!isInvalidMessage(validateWebviewMessage({ type: 'export', format })), format);
    assert.equal(isExportFormat('html'), true);
    assert.equal(isExportFormat('toString'), false);
    assert.equal(isExportFormat(undefined), false);
  });
});
