import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { deepFlowNesting, listItemLine } from '../../../src/core/parse/yamlLines';

// The pattern the front-matter line scan used before (quadratic on a long item), as the oracle.
const OLD_ITEM = /^([ \t]*)-(?:[ \t]+(.*?))?[ \t]*$/;

describe('yamlLines', () => {
  it('listItemLine reads items as the pattern it replaced did (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(' ', '\t', '-', 'a', 'b c', '#', '"'), { maxLength: 10 }), (parts) => {
        const t = parts.join('');
        const m = OLD_ITEM.exec(t);
        const got = listItemLine(t);
        if (!m) return assert.equal(got, undefined, JSON.stringify(t));
        const item = m[2] ?? '';
        const start = m[2] !== undefined ? t.indexOf(m[2], m[1].length + 1) : m[1].length + 1;
        assert.deepEqual(got, { item, start }, JSON.stringify(t));
      }),
      { numRuns: 3000 },
    );
  });
  it('deepFlowNesting finds the 65th level, outside quotes and comments', () => {
    assert.equal(deepFlowNesting(`a: ${'['.repeat(64)}${']'.repeat(64)}`), undefined);
    assert.equal(deepFlowNesting(`a: ${'['.repeat(65)}`), 3 + 64);
    assert.equal(deepFlowNesting(`a: "${'['.repeat(100)}"\nb: # ${'{'.repeat(100)}\n`), undefined);
  });
});
