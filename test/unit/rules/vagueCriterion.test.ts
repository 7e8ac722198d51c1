import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { vagueWord } from '../../../src/core/rules/vagueCriterion';

// The patterns vagueWord used before its scans (quadratic on "[a](" repeated), as the oracle of what it ignores.
const oldPlain = (text: string) => text.replace(/`[^`]*`/g, ' ').replace(/\]\([^)]*\)/g, ']').replace(/https?:\/\/\S+/g, ' ');

describe('vagueWord', () => {
  it('ignores inline code and link targets', () => {
    assert.equal(vagueWord('Run it with `--fast`'), undefined);
    assert.equal(vagueWord('See [the guide](https://x.test/fast-start)'), undefined);
    assert.equal(vagueWord('The [fast](x) path is fast'), 'fast');
    assert.equal(vagueWord('It loads fast'), 'fast');
  });
  it('finds the same vague word as the patterns it replaced (property)', () => {
    const piece = fc.constantFrom('fast', ' ', '`', '](', ')', '[', ']', 'a', '2', 'then', 'http://x', '-', 'easy');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), (parts) => {
        const text = parts.join('');
        const plain = oldPlain(text);
        const old = /\d|(?<![\w-])(given|when|then)(?![\w-])/i.test(plain) ? undefined : /(?<![\w-])(fast|easy)(?![\w-])/i.exec(plain)?.[1];
        assert.equal(vagueWord(text), old, JSON.stringify(text));
      }),
      { numRuns: 3000 },
    );
  });
});
