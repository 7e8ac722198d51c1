import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { defaultConfig } from '../../../src/core/config/parseConfig';
import { BacklogIndex } from '../../../src/core/index/backlogIndex';
import { evenRanks, isValidRank, rankBetween, ranksBetween } from '../../../src/core/rank/rankBetween';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const key = fc.string({ unit: fc.constantFrom(...ALPHABET), minLength: 1, maxLength: 6 });

/** Returns the rank issues of one story with `rank: <raw>`. */
function rankIssues(raw: string): string[] {
  const index = new BacklogIndex(defaultConfig());
  index.upsert('backlog/s-1.md', `---\nid: S-1\ntitle: t\nstatus: draft\nrank: ${raw}\n---\n`);
  return index.issues('backlog/s-1.md').filter((i) => i.code === 'invalid-field' && /rank/i.test(i.message)).map((i) => i.message);
}

describe('rank keys', () => {
  it('every hand-typed key of 0-9, A-Z, a-z is valid', () => {
    for (const k of ['a10', 'b1', 'a', 'zz', '1', 'a00', 'Zz', 'a0V', '0']) {
      assert.equal(isValidRank(k), true, k);
      assert.deepEqual(rankIssues(k.match(/^\d+$/) ? `"${k}"` : k), [], k);
    }
    fc.assert(fc.property(key, (k) => isValidRank(k)));
  });
  it('a key with another character, an empty key or a number is invalid, and the message says what a valid key is', () => {
    for (const k of ['', 'a 0', 'a-1', 'é1', 'a_1']) assert.equal(isValidRank(k), false, JSON.stringify(k));
    for (const raw of ['"a 0"', 'a-1', '10', '1.5']) {
      const [message] = rankIssues(raw);
      assert.ok(message, raw);
      assert.match(message, /one or more of the characters 0-9, A-Z and a-z/, message);
      assert.match(message, /"a0"/, message);
    }
  });
  it('every key rankBetween, ranksBetween and evenRanks produce is valid, between any neighbours (property)', () => {
    const neighbour = fc.option(fc.oneof(key, fc.string({ maxLength: 5 })), { nil: undefined });
    fc.assert(
      fc.property(neighbour, neighbour, (a, b) => {
        const k = rankBetween(a, b);
        assert.ok(isValidRank(k), JSON.stringify([a, b, k]));
        for (const x of ranksBetween(a, b, 3)) assert.ok(isValidRank(x), JSON.stringify([a, b, x]));
      }),
      { numRuns: 3000 },
    );
    assert.ok(evenRanks(500).every(isValidRank));
  });
  it('between two hand-typed keys, the key lies strictly between unless none exists (a key and itself followed by zeros)', () => {
    fc.assert(
      fc.property(key, key, (x, y) => {
        if (x === y) return;
        const [lo, hi] = x < y ? [x, y] : [y, x];
        const k = rankBetween(lo, hi);
        const gap = hi.startsWith(lo) && /^0+$/.test(hi.slice(lo.length));
        if (!gap) assert.ok(lo < k && k < hi, JSON.stringify([lo, hi, k]));
        else assert.equal(k, lo);
      }),
      { numRuns: 5000 },
    );
    assert.ok(rankBetween('a10', 'b1') > 'a10' && rankBetween('a10', 'b1') < 'b1');
    assert.ok(rankBetween('a1', 'a10') === 'a1');
  });
});
