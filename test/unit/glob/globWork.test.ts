import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { compileGlob, type GlobSteps } from '../../../src/core/glob/matchGlob';
import { meterWork } from '../pathological/workMeter';
import { oldGlobRegExp, stripDotSlash } from './regexGlobOracle';

const deepPath = (depth: number) => `${Array.from({ length: depth }, (_, i) => `d${i}`).join('/')}/s-1.md`;

/** Returns the work of one match: regex steps (if the matcher used a RegExp) plus the automaton's own steps. */
function workOf(glob: string, path: string): { matched: boolean; work: number } {
  const steps: GlobSteps = { steps: 0 };
  // Why this cap: a linear match of a 200-character path against a 40-character glob needs a few thousand steps.
  const { result, report } = meterWork(() => compileGlob(glob)(path, steps), 1_000_000);
  return { matched: result, work: report.steps + steps.steps };
}

describe('glob matching work', () => {
  it('twelve "**/" against a path 30 folders deep: a bounded number of steps', () => {
    const glob = `${'**/'.repeat(12)}archive/**`;
    const path = deepPath(30);
    const { matched, work } = workOf(glob, path);
    assert.equal(matched, false);
    // Why 40 000: (path length + 1) × automaton size is about 200 × 60 transitions, each counted once per character.
    assert.ok(work <= 40_000, `${work} steps`);
    assert.equal(workOf(glob, `${path.slice(0, -6)}archive/s-1.md`).matched, true);
  });
  it('grows linearly with the path and with the glob', () => {
    // Matching remembers the sets of live states it met, per glob; a distinct "./" prefix (ignored by matching)
    // gives each measure a cold automaton, so the steps include building the transitions.
    let fresh = 0;
    const glob = (k: number) => `${'./'.repeat(++fresh)}${'**/'.repeat(k)}*.txt`;
    const w = (k: number, depth: number) => workOf(glob(k), deepPath(depth)).work;
    assert.ok(w(12, 60) <= 2.3 * w(12, 30), `path: ${w(12, 30)} → ${w(12, 60)}`);
    assert.ok(w(24, 30) <= 2.3 * w(12, 30), `glob: ${w(12, 30)} → ${w(24, 30)}`);
  });
  it('a glob with thousands of nested braces compiles and matches without recursion', () => {
    const glob = `${'{a,'.repeat(5000)}b${'}'.repeat(5000)}/*.md`;
    assert.equal(compileGlob(glob)('b/x.md'), true);
    assert.equal(compileGlob(glob)('c/x.md'), false);
  });
  it('agrees with the RegExp compiler it replaced (property)', () => {
    const piece = fc.constantFrom('a', 'b', '/', '*', '**', '**/', '?', '.', '-', '[ab]', '[!a]', '[a-c]', '{a,b}', '{a,b/{c,d}}', '{', '}', ',', '[', ']', './', '/**');
    const pathPiece = fc.constantFrom('a', 'b', 'c', '/', '.', '-', 'ab', 'a/b', '{', '}', ',', '[', ']', '*');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), fc.array(pathPiece, { maxLength: 10 }), (g, p) => {
        const glob = g.join('');
        const path = p.join('');
        let re: RegExp;
        try {
          re = oldGlobRegExp(glob);
        } catch {
          return; // the old compiler threw on some globs (e.g. "[b-a]"); nothing to compare
        }
        assert.equal(compileGlob(glob)(path), re.test(stripDotSlash(path)), JSON.stringify({ glob, path }));
      }),
      { numRuns: 3000 },
    );
  });
});
