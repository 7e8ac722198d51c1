import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { formatJson } from '../../../src/cli/format/json';
import { formatSarif } from '../../../src/cli/format/sarif';
import { BacklogIndex } from '../../../src/core/index/backlogIndex';
import { LoadPipeline } from '../../../src/core/load/loadPipeline';
import { MemoryFileSource, type MemoryEntry } from '../../../src/core/load/memoryFileSource';
import { validateSarif } from '../cli/sarifCheck';

// The hostile-input fuzz test (issue 12, item 7): the rule fixtures' story files, mutated the ways real files break
// (line endings, encodings, merge keys, conflict markers, doubled fences, binary junk, pathological lines, files that
// cannot be read), loaded through the one loading pipeline. Whatever the input: nothing throws, every file put under
// the story folders is a story or has an issue naming it, and the lint report is valid JSON and valid SARIF.
// Seeded, so a failure replays; bounded so the whole test stays well under 30 s.

const FIXTURES = 'test/fixtures/rules';

function markdownFiles(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) markdownFiles(p, out);
    // Regular files only: one fixture is a link to /dev/zero, on purpose.
    else if (e.isFile() && e.name.endsWith('.md')) out.push(p);
  }
  return out;
}

const SEEDS: string[] = [...new Set(markdownFiles(FIXTURES).filter((p) => p.includes(`${path.sep}stories${path.sep}`)).map((p) => fs.readFileSync(p, 'utf8')))];

type Mutation = (text: string, r: number) => string | Uint8Array;

const lines = (t: string): string[] => t.split('\n');
const at = (n: number, r: number): number => (n === 0 ? 0 : r % n);

const utf16 = (t: string, be: boolean): Uint8Array => {
  const out = new Uint8Array(2 + t.length * 2);
  out[0] = be ? 0xfe : 0xff;
  out[1] = be ? 0xff : 0xfe;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    out[2 + 2 * i] = be ? c >> 8 : c & 0xff;
    out[3 + 2 * i] = be ? c & 0xff : c >> 8;
  }
  return out;
};

const bytesWith = (t: string, r: number, junk: number[]): Uint8Array => {
  const b = Buffer.from(t, 'utf8');
  const i = at(b.length + 1, r);
  return new Uint8Array(Buffer.concat([b.subarray(0, i), Buffer.from(junk), b.subarray(i)]));
};

const MUTATIONS: Record<string, Mutation> = {
  cr: (t) => t.replace(/\n/g, '\r'),
  crlf: (t) => t.replace(/\n/g, '\r\n'),
  crcrlf: (t) => t.replace(/\n/g, '\r\r\n'),
  utf16le: (t) => utf16(t, false),
  utf16be: (t) => utf16(t, true),
  latin1: (t, r) => bytesWith(t, r, [0xe9, 0x20, 0xe8]),
  binary: (t, r) => bytesWith(t, r, [0, 1, 2, 0xff, 0xfe, 0, 0x1b]),
  bom: (t) => `\uFEFF${t}`,
  mergeKey: (t) =>
    t.replace(/^---\n([\s\S]*?)\n---/, (_all, body: string) => {
      const keep = body.split('\n').filter((l) => !/^(id|title):/.test(l));
      const moved = body.split('\n').filter((l) => /^(id|title):/.test(l)).map((l) => `  ${l}`);
      return `---\nbase: &base\n${moved.join('\n') || '  id: S-77'}\n<<: *base\n${keep.join('\n')}\n---`;
    }),
  conflict: (t, r) => {
    const ls = lines(t);
    const a = at(ls.length, r);
    const b = Math.min(ls.length, a + 1 + (r % 4));
    const ours = ls.slice(a, b);
    const theirs = ours.map((l) => l.replace(/[a-z]/, 'Z'));
    const base = r % 3 === 0 ? ['||||||| base', ...ours.slice(0, 1)] : [];
    return [...ls.slice(0, a), '<<<<<<< HEAD', ...ours, ...base, '=======', ...theirs, '>>>>>>> feature/x', ...ls.slice(b)].join('\n');
  },
  addAdd: (t) => `<<<<<<< HEAD\n${t}=======\n${t.replace('title:', 'title: Theirs')}>>>>>>> other\n`,
  strayMarker: (t, r) => {
    const ls = lines(t);
    ls.splice(at(ls.length, r), 0, r % 2 ? '>>>>>>> main' : '<<<<<<< HEAD');
    return ls.join('\n');
  },
  doubledFence: (t) => `---\n${t}`,
  dropLine: (t, r) => {
    const ls = lines(t);
    ls.splice(at(ls.length, r), 1);
    return ls.join('\n');
  },
  truncate: (t, r) => t.slice(0, at(t.length + 1, r)),
  jsFence: (t) => t.replace(/^---\n/, '---js\n'),
  deepFlow: (t) => t.replace(/^---\n/, `---\nlabels: ${'['.repeat(3000)}\n`),
  aliasBomb: (t) => t.replace(/^---\n/, `---\na: &a [x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n`),
  linkRun: (t) => `${t}\n- [ ] ${'[a]('.repeat(4000)}\n`,
  headingSpaces: (t) => `${t}\n## Heading${' '.repeat(20000)}#\n`,
  hugeLine: (t) => `${t}\n${'x'.repeat(300_000)}\n`,
  proto: (t) => t.replace(/^---\n/, '---\n__proto__: { polluted: true }\nconstructor: x\n'),
  empty: () => '',
};

const NAMES = Object.keys(MUTATIONS);

/** A mutated seed: 1–3 mutations applied in order (a mutation of text stops once the text became bytes). */
const mutatedArb = fc
  .tuple(fc.nat(SEEDS.length - 1), fc.array(fc.tuple(fc.constantFrom(...NAMES), fc.nat()), { minLength: 1, maxLength: 3 }))
  .map(([seed, muts]) => {
    let v: string | Uint8Array = SEEDS[seed];
    for (const [name, r] of muts) v = typeof v === 'string' ? MUTATIONS[name](v, r) : v;
    return { entry: v as MemoryEntry, how: `seed ${seed}: ${muts.map((m) => m[0]).join(' + ')}` };
  });

/** A file of the fuzzed backlog: a mutated seed, or an entry that cannot be read. */
const fileArb = fc.oneof(
  { weight: 12, arbitrary: mutatedArb },
  { weight: 1, arbitrary: fc.constant({ entry: { kind: 'unreadable' } as MemoryEntry, how: 'EACCES' }) },
  { weight: 1, arbitrary: fc.constant({ entry: { kind: 'other' } as MemoryEntry, how: 'a device or FIFO' }) },
);

const CONFIGS: (string | undefined)[] = [
  undefined,
  'stories: "../../x/**/*.md"\n',
  'backlog: ../../x\n',
  `exclude: "${'**/'.repeat(12)}*.md.bak"\n`,
  'statuses: [draft, ready, done\n',
  'rules: { merge-conflict: loud }\nidPrefix: [1]\n',
  'a: &a [x, x, x]\nb: [*a, *a, *a]\n',
];

describe('hostile backlogs (seeded fuzz)', function () {
  this.timeout(60_000);

  it(`loads ${SEEDS.length} fixture stories under ${NAMES.length} mutations without losing a file or breaking the outputs`, async () => {
    assert.ok(SEEDS.length > 20, 'the rule fixtures give the seeds');
    await fc.assert(
      fc.asyncProperty(fc.array(fileArb, { minLength: 1, maxLength: 5 }), fc.constantFrom(...CONFIGS), async (files, config) => {
        const map: Record<string, MemoryEntry> = {};
        files.forEach((f, i) => (map[`backlog/stories/f-${i}.md`] = f.entry));
        if (config !== undefined) map['.rudder.yml'] = config;
        const index = new BacklogIndex();
        const pipeline = new LoadPipeline(index, MemoryFileSource.of(map), { backlogFolder: 'backlog' });
        const listed = await pipeline.loadAll();
        assert.notEqual(listed, undefined, 'the load ran to its end');
        const issues = index.allIssues();
        files.forEach((f, i) => {
          const p = `backlog/stories/f-${i}.md`;
          const reported = index.story(p) !== undefined || index.issues(p).length > 0;
          assert.ok(reported, `${p} (${f.how}) is neither a story nor reported`);
        });
        for (const issue of issues) {
          assert.ok(issue.message.length > 0 && issue.path !== undefined, `${issue.code} has a message and a file`);
          const { start, end } = issue.range;
          assert.ok(start.line >= 0 && start.character >= 0 && (end.line > start.line || (end.line === start.line && end.character >= start.character)), `${issue.code} range is ordered`);
        }
        const report = { root: '/fuzz', files: listed ?? 0, stories: index.stories().length, issues };
        const json = JSON.parse(formatJson(report));
        assert.equal(json.issues.length, issues.length);
        validateSarif(JSON.parse(formatSarif(report, { toolVersion: '0.0.0' })));
      }),
      { seed: 20261201, numRuns: 250 },
    );
  });
});
