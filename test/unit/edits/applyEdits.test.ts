import * as assert from 'node:assert/strict';
import { applyEdits } from '../../../src/core/edits/applyEdits';
import { range } from '../../../src/core/model/range';

describe('applyEdits', () => {
  it('applies edits given in any order', () => {
    const text = 'one\ntwo\nthree\n';
    const edits = [
      { range: range(2, 0, 2, 5), newText: '3' },
      { range: range(0, 0, 0, 3), newText: '1' },
      { range: range(1, 3, 1, 3), newText: '!' },
    ];
    assert.equal(applyEdits(text, edits), '1\ntwo!\n3\n');
    assert.equal(applyEdits(text, [...edits].reverse()), '1\ntwo!\n3\n');
  });
  it('works on CRLF text and at the very end', () => {
    const text = 'a\r\nb';
    assert.equal(applyEdits(text, [{ range: range(1, 1, 1, 1), newText: '\r\nc' }, { range: range(0, 0, 1, 0), newText: '' }]), 'b\r\nc');
  });
  it('keeps the given order of insertions at one offset, before a replacement starting there', () => {
    const text = 'abc';
    assert.equal(applyEdits(text, [{ range: range(0, 1, 0, 2), newText: 'B' }, { range: range(0, 1, 0, 1), newText: 'x' }, { range: range(0, 1, 0, 1), newText: 'y' }]), 'axyBc');
  });
  it('accepts touching edits and returns the text unchanged for no edits', () => {
    assert.equal(applyEdits('abcd', [{ range: range(0, 0, 0, 2), newText: '' }, { range: range(0, 2, 0, 4), newText: 'X' }]), 'X');
    assert.equal(applyEdits('same', []), 'same');
  });
  it('throws on overlapping edits', () => {
    assert.throws(() => applyEdits('abcdef', [{ range: range(0, 0, 0, 3), newText: '' }, { range: range(0, 2, 0, 4), newText: '' }]), /overlapping/);
  });
});
