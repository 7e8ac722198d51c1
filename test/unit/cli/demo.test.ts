import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { buildTestCli, runBuiltCli } from './cliHelpers';

const DEMO = 'examples/demo';

interface Expected {
  readonly file: string;
  readonly code: string;
  readonly severity: string;
  /** '10:11' when the table gives positions. */
  readonly at?: string;
}

function cells(line: string): string[] {
  return line.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((c) => c.trim().replace(/^`(.*)`$/, '$1'));
}

/** Returns the rows of the "deliberate gaps" table in examples/demo/README.md, found by its header (file, [line:col], code, severity). */
function readGapTable(): Expected[] {
  const readme = fs.readFileSync(`${DEMO}/README.md`, 'utf8');
  const section = readme.split(/^## /m).find((s) => /^The deliberate gaps/i.test(s));
  assert.ok(section, `${DEMO}/README.md has a "## The deliberate gaps" section`);
  const lines = section.split('\n').filter((l) => l.trim().startsWith('|'));
  const header = cells(lines[0] ?? '').map((h) => h.toLowerCase());
  const col = (pred: (h: string) => boolean): number => header.findIndex(pred);
  const fileCol = col((h) => h === 'file');
  const codeCol = col((h) => h.endsWith('code'));
  const sevCol = col((h) => h === 'severity');
  const atCol = col((h) => h === 'line:col' || h === 'position');
  assert.ok(fileCol >= 0 && codeCol >= 0 && sevCol >= 0, `the gaps table has file, code and severity columns: ${header.join(' | ')}`);
  return lines.slice(2).map((l) => {
    const c = cells(l);
    return { file: c[fileCol], code: c[codeCol], severity: c[sevCol], ...(atCol >= 0 ? { at: c[atCol] } : {}) };
  });
}

const key = (e: Expected): string => `${e.file}  ${e.code}  ${e.severity}${e.at ? `  ${e.at}` : ''}`;

// Acceptance criterion 2 of issue 2: the demo's deliberate gaps, and nothing on its complete stories.
describe('rudder lint on examples/demo', function () {
  this.timeout(60_000);

  before(() => buildTestCli());

  it('reports exactly the deliberate gaps listed in its README, and nothing on any other file', () => {
    const expected = readGapTable();
    assert.ok(expected.length >= 14, `the README table lists the gaps (found ${expected.length} rows)`);
    const r = runBuiltCli(['lint', '--format', 'json', DEMO]);
    assert.equal(r.status, 1, `errors in the demo make lint exit 1: ${r.stderr}`);
    const out = JSON.parse(r.stdout) as { stories: number; issues: { file: string; code: string; severity: string; line: number; column: number }[] };
    const withPositions = expected.every((e) => e.at !== undefined);
    const actual = out.issues.map((i) => key({ ...i, ...(withPositions ? { at: `${i.line}:${i.column}` } : {}) })).sort();
    const wanted = expected.map(key).sort();
    const missing = wanted.filter((k) => !actual.includes(k));
    const unexpected = actual.filter((k) => !wanted.includes(k));
    assert.deepEqual({ missing, unexpected }, { missing: [], unexpected: [] }, 'issues differ from the README table');
    assert.deepEqual(actual, wanted);
    for (const e of expected) assert.ok(fs.existsSync(`${DEMO}/${e.file}`), `${e.file} exists`);
  });

  it('counts every story file and skips the archive, docs and the readme', () => {
    const r = runBuiltCli(['list', '--json', DEMO]);
    assert.equal(r.status, 0, r.stderr);
    const files = (JSON.parse(r.stdout).stories as { file: string }[]).map((s) => s.file);
    const storyFiles = fs.readdirSync(`${DEMO}/backlog/stories`).filter((f) => f.endsWith('.md')).map((f) => `backlog/stories/${f}`);
    const epicFiles = fs.readdirSync(`${DEMO}/backlog/epics`).filter((f) => f.endsWith('.md')).map((f) => `backlog/epics/${f}`);
    assert.deepEqual([...files].sort(), [...storyFiles, ...epicFiles].sort());
  });
});
