import { strict as assert } from 'node:assert';
import { suggestNearestId } from '../../../src/core/config/suggestNearest';

describe('suggestNearestId', () => {
  it('never suggests an id with another number', () => {
    assert.equal(suggestNearestId('M4', ['M1', 'M2', 'M3']), undefined);
    assert.equal(suggestNearestId('G5', ['G1', 'G2']), undefined);
    assert.equal(suggestNearestId('S-120', ['S-12', 'S-121']), undefined);
  });
  it('suggests the same number written with a near-miss prefix', () => {
    assert.equal(suggestNearestId('m-1', ['M1', 'M2']), 'M1');
    assert.equal(suggestNearestId('E3', ['E-3', 'E-4']), 'E-3');
  });
  it('falls back to word distance for ids without digits', () => {
    assert.equal(suggestNearestId('growht', ['growth', 'retention']), 'growth');
  });
});
