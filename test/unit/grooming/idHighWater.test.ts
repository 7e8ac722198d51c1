import * as assert from 'node:assert/strict';
import { highWaterIds, raiseHighWater } from '../../../src/core/grooming/idHighWater';
import { nextId } from '../../../src/core/edits/newStoryText';

describe('grooming: id high-water marks', () => {
  it('keeps the highest number per prefix', () => {
    assert.deepEqual(raiseHighWater({}, ['S-1', 'S-12', 'S-3', 'E-2', 'task-7']), { 'S-': 12, 'E-': 2, 'task-': 7 });
  });

  it('never lowers a mark: a deleted story keeps its number taken', () => {
    const marks = raiseHighWater({}, ['S-1', 'S-41']);
    assert.deepEqual(raiseHighWater(marks, ['S-1', 'S-2']), { 'S-': 41 });
    assert.equal(nextId(highWaterIds(raiseHighWater(marks, ['S-1'])), 'S-'), 'S-42');
  });

  it('counts the number before a random suffix, and ignores ids without a number or with one too long to count', () => {
    assert.deepEqual(raiseHighWater({ 'S-': 3 }, ['S-9-k3f9', 'README', '42', `S-${'9'.repeat(30)}`]), { 'S-': 9 });
  });

  it('does not change the marks it is given', () => {
    const marks = { 'S-': 1 };
    raiseHighWater(marks, ['S-5']);
    assert.deepEqual(marks, { 'S-': 1 });
  });

  it('turns marks back into ids nextId counts past', () => {
    assert.deepEqual(highWaterIds({ 'S-': 41, 'E-': 2 }), ['S-41', 'E-2']);
    assert.deepEqual(highWaterIds({}), []);
  });
});
