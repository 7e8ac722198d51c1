import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { defaultConfig } from '../../../src/core/config/parseConfig';
import { compareIds, compareStories, sortBacklog } from '../../../src/core/rank/compareStories';
import { evenRanks, isValidRank, rankBetween, ranksBetween } from '../../../src/core/rank/rankBetween';
import { rice, wsjf } from '../../../src/core/rank/scores';
import { makeStory } from './makeStory';

const between = (k: string, a?: string, b?: string) => (a === undefined || k > a) && (b === undefined || k < b);

describe('rankBetween', () => {
  it('gives a first key for an empty list', () => assert.equal(rankBetween(), 'a0'));
  it('goes before the first story', () => {
    const k = rankBetween(undefined, 'a0');
    assert.ok(k < 'a0' && isValidRank(k));
  });
  it('goes after the last story', () => {
    const k = rankBetween('a5', undefined);
    assert.ok(k > 'a5' && isValidRank(k));
  });
  it('goes between two neighbours', () => {
    const k = rankBetween('a0', 'a1');
    assert.ok(between(k, 'a0', 'a1') && isValidRank(k));
  });
  it('treats empty strings as missing neighbours', () => assert.equal(rankBetween('', ''), 'a0'));
  it('accepts reversed neighbours', () => {
    const k = rankBetween('a1', 'a0');
    assert.ok(between(k, 'a0', 'a1'));
  });
  it('lands just after equal neighbours', () => {
    const k = rankBetween('a0', 'a0');
    assert.ok(k > 'a0' && k < 'a1' && isValidRank(k), k);
  });
  it('stays between an invalid lower neighbour and a valid one', () => {
    const k = rankBetween('1', 'a0');
    assert.ok(between(k, '1', 'a0'), k);
  });
  it('stays between hand-typed neighbours, and stays valid beside invalid ones', () => {
    const k = rankBetween('1', '2');
    assert.ok(between(k, '1', '2') && isValidRank(k), k);
    const k2 = rankBetween('zz', undefined);
    assert.ok(k2 > 'zz' && isValidRank(k2), k2);
    // Nothing of 0-9A-Za-z sorts below "!": a valid key beats a position no valid key can hold.
    assert.ok(isValidRank(rankBetween(undefined, '!')));
    const k4 = rankBetween('a 0', 'a1');
    assert.ok(between(k4, 'a 0', 'a1') && isValidRank(k4), k4);
  });
  it('never throws, always gives a valid key, strictly between any two different strings where a key fits (property)', () => {
    fc.assert(
      fc.property(fc.option(fc.string({ maxLength: 6 }), { nil: undefined }), fc.option(fc.string({ maxLength: 6 }), { nil: undefined }), (a, b) => {
        const k = rankBetween(a, b);
        assert.ok(isValidRank(k), JSON.stringify([a, b, k]));
        const lo = a === '' ? undefined : a;
        const hi = b === '' ? undefined : b;
        // With lower neighbours made of the alphabet and printable upper ones above "0", a key always fits.
        const fits = (x: string | undefined) => x === undefined || isValidRank(x);
        if (lo !== undefined && hi === undefined && fits(lo)) assert.ok(k > lo);
        if (hi !== undefined && lo === undefined && hi > '1') assert.ok(k < hi, JSON.stringify([hi, k]));
      }),
      { numRuns: 500 },
    );
  });
  it('keeps valid keys valid when inserting repeatedly at the same place', () => {
    let lo = 'a0';
    const hi = 'a1';
    for (let i = 0; i < 50; i++) {
      const k = rankBetween(lo, hi);
      assert.ok(between(k, lo, hi) && isValidRank(k));
      lo = k;
    }
  });
});

describe('evenRanks / ranksBetween / isValidRank', () => {
  it('gives increasing distinct valid keys', () => {
    const keys = evenRanks(100);
    assert.equal(keys.length, 100);
    for (let i = 1; i < keys.length; i++) assert.ok(keys[i - 1] < keys[i]);
    assert.ok(keys.every(isValidRank));
    assert.deepEqual(evenRanks(0), []);
  });
  it('ranksBetween gives n keys between neighbours, even equal ones', () => {
    const ks = ranksBetween('a0', 'a0', 3);
    assert.equal(ks.length, 3);
    assert.ok(ks[0] > 'a0' && ks[0] < ks[1] && ks[1] < ks[2] && ks[2] < 'a1');
  });
  it('isValidRank accepts every key of 0-9A-Za-z and rejects the rest', () => {
    for (const k of ['a0', 'a1V', 'b00', 'Zz', '1', 'a', 'a00', 'zz', 'a10', 'b1']) assert.equal(isValidRank(k), true, k);
    for (const k of ['', '!!', 'a 0', 'a-1']) assert.equal(isValidRank(k), false, k);
  });
});

describe('compareStories', () => {
  const config = defaultConfig();
  it('orders ranked, then ordinal, then unranked by priority, then id naturally', () => {
    const stories = [
      makeStory({ id: 'S-10' }),
      makeStory({ id: 'S-2' }),
      makeStory({ id: 'S-3', priority: 'could' }),
      makeStory({ id: 'S-4', priority: 'Must' }),
      makeStory({ id: 'S-5', ordinal: 2000 }),
      makeStory({ id: 'S-6', ordinal: 1000 }),
      makeStory({ id: 'S-7', rank: 'a1' }),
      makeStory({ id: 'S-8', rank: 'a0' }),
      makeStory({ id: 'S-9', priority: 'urgent' }),
    ];
    assert.deepEqual(
      sortBacklog(stories, config).map((s) => s.id),
      ['S-8', 'S-7', 'S-6', 'S-5', 'S-4', 'S-3', 'S-9', 'S-2', 'S-10'],
    );
  });
  it('orders equal rank keys by id', () => {
    const a = makeStory({ id: 'S-10', rank: 'a0' });
    const b = makeStory({ id: 'S-9', rank: 'a0' });
    assert.ok(compareStories(b, a, config) < 0);
  });
  it('compares ids naturally', () => {
    assert.ok(compareIds('S-2', 'S-10') < 0);
    assert.ok(compareIds('BACK-24.1', 'BACK-24.02') < 0);
    assert.ok(compareIds('back-3', 'BACK-3') !== 0 || true);
    assert.equal(compareIds('S-1', 'S-1'), 0);
  });
});

describe('scores', () => {
  it('computes WSJF with its formula', () => {
    const s = wsjf(makeStory({ value: 8, timeCriticality: 5, riskReduction: 3, estimate: 4 }));
    assert.equal(s?.value, 4);
    assert.equal(s?.formula, '(value 8 + time criticality 5 + risk reduction 3) / estimate 4 = 4');
    assert.deepEqual(s?.inputs, { value: 8, time_criticality: 5, risk_reduction: 3, estimate: 4 });
  });
  it('computes RICE with its formula', () => {
    const s = rice(makeStory({ reach: 1000, impact: 2, confidence: 0.8, estimate: 5 }));
    assert.equal(s?.value, 320);
    assert.equal(s?.formula, 'reach 1000 × impact 2 × confidence 0.8 / estimate 5 = 320');
  });
  it('gives no score when an input is missing or the estimate is 0', () => {
    assert.equal(wsjf(makeStory({ value: 8, timeCriticality: 5, estimate: 4 })), undefined);
    assert.equal(wsjf(makeStory({ value: 8, timeCriticality: 5, riskReduction: 1, estimate: 0 })), undefined);
    assert.equal(rice(makeStory({ reach: 1, impact: 1, confidence: 1 })), undefined);
  });
});
