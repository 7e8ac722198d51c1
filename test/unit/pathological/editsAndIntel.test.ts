import * as assert from 'node:assert/strict';
import { parseConfig } from '../../../src/core/config/parseConfig';
import { insertAcceptanceCriteriaSection } from '../../../src/core/edits/bodyEdits';
import { quoteValue } from '../../../src/core/edits/frontMatterEdits';
import { BacklogIndex } from '../../../src/core/index/backlogIndex';
import { freshId } from '../../../src/core/intel/fixesFor';
import { bodyIdCandidates } from '../../../src/core/intel/idReferences';
import { parseMilestone } from '../../../src/core/parse/parseMilestone';
import { parseStory } from '../../../src/core/parse/parseStory';
import { meterWork } from './workMeter';

// The edits, intel and config code that pathological.test.ts does not reach through parse + rules, on the inputs
// that made their patterns re-scan. Same budget: regex steps, linear in the input, doubling at most ~doubles them.
const N = 8 * 1024;

function assertLinear(make: (n: number) => string, use: (text: string) => unknown): void {
  const steps = (n: number) => {
    const text = make(n);
    // Why 64 per character: each of these runs a handful of patterns over the text once.
    return meterWork(() => use(text), 64 * text.length + 50_000).report.steps;
  };
  const a = steps(N);
  const b = steps(2 * N);
  assert.ok(b <= 2.3 * a + 1000, `doubling the input multiplied the regex steps by ${(b / a).toFixed(2)} (${a} → ${b})`);
}

describe('pathological input: edits, intel and config within a linear regex-step budget', () => {
  it('quoteValue on a key with a long run of spaces before its colon', () => {
    assertLinear((n) => `---\ntitle${' '.repeat(n)}x: @me\n---\n`, (t) => quoteValue(t, 1));
    assertLinear((n) => `---\nassignee: @me${' '.repeat(n)}x\n---\n`, (t) => quoteValue(t, 1));
  });
  // The heading text reaches bodyEdits through bodyOutline.ts, whose trailing-colon pattern once re-scanned the run of
  // blanks from each of its characters.
  it('insertAcceptanceCriteriaSection under a "Description" heading padded with blanks', () => {
    assertLinear(
      (n) => `---\nid: S-1\n---\n## Description${'\u00a0'.repeat(n)}x\n\ntext\n`,
      (t) => insertAcceptanceCriteriaSection(t, parseStory('s.md', t)),
    );
  });
  it('bodyIdCandidates on a long word of digits', () => {
    assertLinear((n) => `---\nid: S-1\n---\nSee S${'1'.repeat(n)}x and S-${'2'.repeat(n)}-y\n`, bodyIdCandidates);
  });
  it('bodyIdCandidates still finds ids', () => {
    const ids = bodyIdCandidates('---\nid: S-1\n---\nSee S-12, #S-13, task-24.1, x/S-14, S-15x, S-16-b and `S-17`; M1.\n').map((o) => o.id);
    assert.deepEqual(ids, ['S-12', 'S-13', 'task-24.1', 'M1']);
  });
  it('parseMilestone on a heading padded with spaces', () => {
    assertLinear((n) => `# Beta${' '.repeat(n)}x\n`, (t) => parseMilestone('backlog/milestones/m.md', t));
    assert.equal(parseMilestone('m.md', 'text\n# Beta launch ##  \n').title, 'Beta launch');
  });
  it('freshId after a long id of digits', () => {
    const index = new BacklogIndex();
    assertLinear((n) => `S-${'1'.repeat(n)}x`, (like) => freshId(index, like));
  });
  it('parseConfig on a backlog folder of slashes', () => {
    assertLinear((n) => `backlog: "${'/'.repeat(n)}x"\n`, (yml) => parseConfig({ rudderYml: yml }));
  });
});
