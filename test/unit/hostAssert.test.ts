import * as assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import * as shim from '../../test/host/web/assert';

// The host suite's assertions in the web worker come from test/host/web/assert.ts; if it passed what Node's
// node:assert/strict fails, the web worker run would prove nothing. Node's is the reference here.

class Point {
  constructor(readonly x: number) {}
}

const PAIRS: [string, unknown, unknown][] = [
  ['equal numbers', 1, 1],
  ['1 and "1"', 1, '1'],
  ['NaN and NaN', NaN, NaN],
  ['0 and -0', 0, -0],
  ['null and undefined', null, undefined],
  ['equal arrays', [1, [2, 'x']], [1, [2, 'x']]],
  ['arrays of other length', [1, 2], [1, 2, 3]],
  ['arrays in another order', ['a', 'b'], ['b', 'a']],
  ['equal objects, keys in another order', { a: 1, b: { c: [1] } }, { b: { c: [1] }, a: 1 }],
  ['an extra key', { a: 1 }, { a: 1, b: undefined }],
  ['another prototype', new Point(1), { x: 1 }],
  ['equal class instances', new Point(1), new Point(1)],
  ['equal Maps', new Map([['a', [1]]]), new Map([['a', [1]]])],
  ['Maps with other values', new Map([['a', 1]]), new Map([['a', 2]])],
  ['equal Sets', new Set([1, 2]), new Set([2, 1])],
  ['Sets with other members', new Set([1]), new Set([2])],
  ['equal byte arrays', new Uint8Array([1, 2]), new Uint8Array([1, 2])],
  ['other byte arrays', new Uint8Array([1, 2]), new Uint8Array([1, 3])],
  ['an array and an object', [], {}],
  ['equal dates', new Date(5), new Date(5)],
  ['other dates', new Date(5), new Date(6)],
];

describe('the assert module of the web worker host suite', () => {
  it('agrees with node:util isDeepStrictEqual on every pair', () => {
    for (const [what, a, b] of PAIRS) assert.equal(shim.isDeepStrictEqual(a, b), isDeepStrictEqual(a, b), what);
  });

  it('throws exactly where node:assert/strict throws', async () => {
    const outcome = (fn: () => void) => {
      try {
        fn();
        return 'passes';
      } catch (e) {
        return (e as Error).name === 'AssertionError' ? 'fails' : `throws ${(e as Error).name}`;
      }
    };
    for (const [what, a, b] of PAIRS) {
      assert.equal(outcome(() => shim.equal(a, b)), outcome(() => assert.equal(a, b)), `equal: ${what}`);
      assert.equal(outcome(() => shim.deepEqual(a, b)), outcome(() => assert.deepEqual(a, b)), `deepEqual: ${what}`);
      assert.equal(outcome(() => shim.notDeepEqual(a, b)), outcome(() => assert.notDeepEqual(a, b)), `notDeepEqual: ${what}`);
    }
    for (const v of [0, '', null, undefined, false, 1, 'x', {}, []]) assert.equal(outcome(() => shim.ok(v)), outcome(() => assert.ok(v)), `ok(${String(v)})`);
    assert.equal(outcome(() => shim.match('abc', /b/)), 'passes');
    assert.equal(outcome(() => shim.match('abc', /d/)), 'fails');
    assert.equal(outcome(() => shim.fail('no')), 'fails');
    await assert.rejects(shim.rejects(Promise.resolve(1)), /Missing expected rejection/);
    await shim.rejects(Promise.reject(new Error('boom')), /boom/);
  });

  it('says what it saw and what it expected, after the message', () => {
    assert.throws(() => shim.deepEqual({ ids: ['S-1', 'S-2'] }, { ids: ['S-2'] }, 'the order'), (e: Error) => {
      assert.match(e.message, /^the order\n/);
      assert.match(e.message, /\+ actual: \{\n {2}"ids": \[\n {4}"S-1",/);
      assert.match(e.message, /- expected: \{\n {2}"ids": \[\n {4}"S-2"\n/);
      return true;
    });
  });
});
