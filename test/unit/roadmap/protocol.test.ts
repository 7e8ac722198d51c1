import * as assert from 'node:assert/strict';
import { isInvalidMessage, validateWebviewMessage } from '../../../src/webview/protocol';

function rejects(raw: unknown, pattern: RegExp): void {
  const r = validateWebviewMessage(raw);
  assert.ok(isInvalidMessage(r), `expected ${JSON.stringify(raw)} to be rejected`);
  assert.match(r.error, pattern);
}

describe('validateWebviewMessage', () => {
  it('accepts each well-formed message unchanged', () => {
    const good: unknown[] = [
      { type: 'ready' },
      { type: 'openStory', path: 'backlog/tasks/s-1.md' },
      { type: 'moveStory', path: 'backlog/s-1.md', milestoneId: 'M2' },
      { type: 'moveStory', path: 'backlog/s-1.md', milestoneId: null },
      { type: 'export', format: 'mermaid' },
      { type: 'log', level: 'error', message: 'boom' },
      { type: 'rendered', generation: 3, renderMs: 12.5, summary: { lanes: { M1: 4, later: 0 }, stories: 4, milestones: 1, layout: 'timeline' } },
    ];
    for (const m of good) {
      const r = validateWebviewMessage(m);
      assert.ok(!isInvalidMessage(r), JSON.stringify(r));
      assert.deepEqual(r, m);
    }
  });

  it('rejects what is not a plain object', () => {
    for (const raw of [null, undefined, 42, 'ready', [], [{ type: 'ready' }], new Date()]) rejects(raw, /plain object/);
  });

  it('rejects unknown or missing types', () => {
    rejects({}, /unknown message type \(undefined\)/);
    rejects({ type: 'deleteEverything' }, /unknown message type "deleteEverything"/);
    rejects({ type: 7 }, /unknown message type \(number\)/);
    rejects({ type: 'toString' }, /unknown message type/);
    rejects({ type: '__proto__' }, /unknown message type/);
  });

  it('rejects missing, mistyped and unexpected fields', () => {
    rejects({ type: 'openStory' }, /openStory: missing field "path"/);
    rejects({ type: 'openStory', path: 42 }, /"path" must be a string/);
    rejects({ type: 'openStory', path: 'backlog/s-1.md', command: 'rm -rf' }, /unexpected field "command"/);
    rejects({ type: 'ready', extra: 1 }, /unexpected field "extra"/);
    rejects({ type: 'moveStory', path: 'backlog/s-1.md' }, /missing field "milestoneId"/);
    rejects({ type: 'moveStory', path: 'backlog/s-1.md', milestoneId: 3 }, /"milestoneId" must be a string or null/);
    rejects({ type: 'moveStory', path: 'backlog/s-1.md', milestoneId: '' }, /"milestoneId" must have/);
    rejects({ type: 'moveStory', path: 'backlog/s-1.md', milestoneId: 'x'.repeat(201) }, /"milestoneId" must have/);
    rejects({ type: 'moveStory', path: 'backlog/s-1.md', milestoneId: 'M1\nstatus: Done' }, /control characters/);
    rejects({ type: 'export', format: 'pdf' }, /"format" must be one of html, mermaid, json/);
    rejects({ type: 'log', level: 'error', message: 'x'.repeat(2001) }, /"message" must be a string of at most/);
  });

  it('rejects paths that escape the backlog or are not story files', () => {
    rejects({ type: 'openStory', path: '../../etc/passwd.md' }, /segments/);
    rejects({ type: 'openStory', path: 'backlog/./s.md' }, /segments/);
    rejects({ type: 'openStory', path: '/etc/s.md' }, /relative path/);
    rejects({ type: 'openStory', path: 'C:/x/s.md' }, /relative path/);
    rejects({ type: 'openStory', path: 'backlog\\s.md' }, /relative path/);
    rejects({ type: 'openStory', path: 'backlog/s.txt' }, /\.md file/);
    rejects({ type: 'openStory', path: '' }, /1\.\.1024/);
    rejects({ type: 'openStory', path: 'a\u0000.md' }, /control characters/);
  });

  it('rejects a malformed render summary', () => {
    const base = { type: 'rendered', generation: 1, renderMs: 1 };
    rejects({ ...base, summary: { lanes: { M1: -1 }, stories: 1, milestones: 1, layout: 'timeline' } }, /\.M1 must be a non-negative integer/);
    rejects({ ...base, summary: { lanes: {}, stories: 1, milestones: 1, layout: 'grid' } }, /"layout" must be one of/);
    rejects({ ...base, summary: { lanes: {}, stories: 1, milestones: 1 } }, /missing field "layout"/);
    rejects({ ...base, generation: 1.5, summary: { lanes: {}, stories: 0, milestones: 0, layout: 'board' } }, /"generation" must be a non-negative integer/);
    rejects({ ...base, renderMs: Number.NaN, summary: { lanes: {}, stories: 0, milestones: 0, layout: 'board' } }, /"renderMs"/);
  });
});
