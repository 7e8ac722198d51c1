import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { parse } from 'yaml';
import { formatYamlScalar, plainSafety } from '../../../src/core/edits/yamlScalar';
import type { ScalarStyle } from '../../../src/core/edits/yamlScalar';

/** Returns what the text reads back as, as a block mapping value and as a flow sequence item. */
function readBlock(text: string): unknown {
  return (parse(`k: ${text}`) as { k: unknown }).k;
}
function readFlow(text: string): unknown {
  return (parse(`k: [${text}]`) as { k: unknown[] }).k[0];
}

describe('yamlScalar', function () {
  // Why: the property tests parse thousands of scalars; on a busy 2-core machine that can pass 2 s.
  this.timeout(30000);
  it('writes safe strings plain', () => {
    for (const s of ['ready', 'S-12', 'Export the backlog', 'a:b', 'a#b', 'x-1', 'über', '-x', 'C++', 'E-1', 'e10x', 'a0']) {
      assert.equal(formatYamlScalar(s), s, s);
    }
  });
  it('quotes indicator starts, ": ", " #", edges and special words', () => {
    const cases: [string, string][] = [
      ['@someone', '"@someone"'],
      ['`code`', '"`code`"'],
      ['!x', '"!x"'],
      ['&x', '"&x"'],
      ['*x', '"*x"'],
      ['[x', '"[x"'],
      ['{x', '"{x"'],
      ['#x', '"#x"'],
      ['|x', '"|x"'],
      ['>x', '">x"'],
      ['%x', '"%x"'],
      ["'x", `"'x"`],
      ['"x', '"\\"x"'],
      ['Fix: login', '"Fix: login"'],
      ['Issue #12', '"Issue #12"'],
      ['ends:', '"ends:"'],
      ['- x', '"- x"'],
      ['-', '"-"'],
      ['123', '"123"'],
      ['1.5', '"1.5"'],
      ['0x1F', '"0x1F"'],
      ['true', '"true"'],
      ['False', '"False"'],
      ['null', '"null"'],
      ['~', '"~"'],
      ['.inf', '".inf"'],
      ['2024-05-01', '"2024-05-01"'],
      ['yes', '"yes"'],
      [' lead', '" lead"'],
      ['trail ', '"trail "'],
      ['two\nlines', '"two\\nlines"'],
      ['tab\there', '"tab\\there"'],
      ['', '""'],
    ];
    for (const [s, expected] of cases) {
      assert.equal(formatYamlScalar(s), expected, s);
      assert.equal(readBlock(formatYamlScalar(s)), s, s);
    }
  });
  it('uses single quotes when asked, doubling inner quotes', () => {
    assert.equal(formatYamlScalar('@me', { quote: 'single' }), "'@me'");
    assert.equal(formatYamlScalar("it's: ok", { quote: 'single' }), "'it''s: ok'");
  });
  it('keeps the existing style when it can hold the value', () => {
    assert.equal(formatYamlScalar('plain', { style: 'single' }), "'plain'");
    assert.equal(formatYamlScalar('plain', { style: 'double' }), '"plain"');
    assert.equal(formatYamlScalar('a\nb', { style: 'single' }), '"a\\nb"');
    assert.equal(formatYamlScalar('2024-05-02', { style: 'plain' }), '2024-05-02');
    assert.equal(formatYamlScalar('yes', { style: 'plain' }), 'yes');
    assert.equal(formatYamlScalar('123', { style: 'plain' }), '"123"');
  });
  it('quotes flow indicators inside flow collections only', () => {
    assert.equal(formatYamlScalar('a,b'), 'a,b');
    assert.equal(formatYamlScalar('a,b', { flow: true }), '"a,b"');
    assert.equal(formatYamlScalar('x]', { flow: true }), '"x]"');
    assert.equal(plainSafety('a{b}'), 'safe');
    assert.equal(plainSafety('a{b}', true), 'unsafe');
  });
  it('writes numbers, booleans and null as YAML', () => {
    assert.equal(formatYamlScalar(3), '3');
    assert.equal(formatYamlScalar(-2.5), '-2.5');
    assert.equal(formatYamlScalar(true), 'true');
    assert.equal(formatYamlScalar(null), 'null');
    assert.equal(formatYamlScalar(Infinity), '.inf');
    assert.ok(Number.isNaN(readBlock(formatYamlScalar(NaN))));
  });
  it('round-trips any string in every style and context (property)', () => {
    const styles: (ScalarStyle | undefined)[] = [undefined, 'plain', 'single', 'double'];
    const str = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.constantFrom('@x', 'a: b', ' x', 'x ', '1e3', 'TRUE', 'null', '2020-01-01', '---', '...', '? x', ': x', '#', '- ', 'a\r\nb', '\uFEFFx', '\u0085', '\u2028'),
    );
    fc.assert(
      fc.property(str, fc.constantFrom(...styles), fc.constantFrom<'single' | 'double'>('single', 'double'), (s, style, quote) => {
        assert.equal(readBlock(formatYamlScalar(s, { style, quote })), s);
        assert.equal(readFlow(formatYamlScalar(s, { style, quote, flow: true })), s);
      }),
      { numRuns: 1500 },
    );
  });
  it('round-trips numbers (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.double({ noNaN: true })), (n) => {
        assert.equal(readBlock(formatYamlScalar(n)), n);
      }),
    );
  });
});
