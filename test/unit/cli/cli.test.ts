import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../../src/cli/runCli';
import { buildTestCli, memoryIo, runBuiltCli } from './cliHelpers';

const FIX = 'test/fixtures/cli';

interface JsonIssue {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  code: string;
  severity: string;
  message: string;
}

describe('rudder CLI (end to end)', function () {
  this.timeout(60_000);

  before(() => buildTestCli());

  describe('lint', () => {
    it('exits 0 on a clean backlog and prints no issues as JSON', () => {
      const r = runBuiltCli(['lint', '--format', 'json', `${FIX}/clean`]);
      assert.equal(r.status, 0, r.stderr + r.stdout);
      const out = JSON.parse(r.stdout);
      assert.equal(out.version, 1);
      assert.equal(out.root, path.resolve(`${FIX}/clean`));
      assert.equal(out.files, 5); // vision, milestone, 2 stories, the readme
      assert.equal(out.stories, 2);
      assert.deepEqual(out.issues, []);
    });

    it('prints "no problems" in text format on a clean backlog', () => {
      const r = runBuiltCli(['lint', `${FIX}/clean`]);
      assert.equal(r.status, 0);
      assert.equal(r.stdout, '✔ No problems (2 stories in 5 files)\n');
    });

    it('exits 1 on a backlog with errors and reports each at its file and position', () => {
      const r = runBuiltCli(['lint', '--format', 'json', `${FIX}/errors`]);
      assert.equal(r.status, 1, r.stderr);
      const out = JSON.parse(r.stdout) as { files: number; stories: number; issues: JsonIssue[] };
      assert.equal(out.files, 6);
      assert.equal(out.stories, 5);
      const brief = out.issues.map((i) => `${i.file}:${i.line}:${i.column} ${i.severity} ${i.code}`);
      const at = (file: string, code: string) => out.issues.filter((i) => i.file === file && i.code === code);
      assert.equal(at('backlog/stories/s-1.md', 'invalid-field')[0]?.line, 4, brief.join('\n'));
      assert.equal(at('backlog/stories/s-1.md', 'invalid-field')[0]?.column, 9);
      assert.deepEqual(at('backlog/stories/s-2.md', 'duplicate-id').map((i) => [i.line, i.column, i.severity]), [[2, 5, 'error']]);
      assert.deepEqual(at('backlog/stories/s-2-copy.md', 'duplicate-id').map((i) => [i.line, i.column]), [[2, 5]]);
      assert.deepEqual(at('backlog/stories/s-4.md', 'missing-acceptance-criteria').map((i) => i.severity), ['warning']);
      assert.deepEqual(at('backlog/stories/s-5.md', 'front-matter-syntax').map((i) => [i.line, i.column, i.severity]), [[5, 11, 'error']]);
      // Nothing else on the stories whose only gap is the deliberate one.
      const expected = new Set([
        'backlog/stories/s-1.md invalid-field',
        'backlog/stories/s-2.md duplicate-id',
        'backlog/stories/s-2-copy.md duplicate-id',
        'backlog/stories/s-4.md missing-acceptance-criteria',
      ]);
      const others = out.issues.filter((i) => i.file !== 'backlog/stories/s-5.md').map((i) => `${i.file} ${i.code}`);
      assert.deepEqual(new Set(others), expected, brief.join('\n'));
      // Sorted by file, then position; 1-based, ends not before starts.
      const keys = out.issues.map((i) => [i.file, i.line, i.column] as const);
      const sorted = [...keys].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1] || a[2] - b[2]));
      assert.deepEqual(keys, sorted);
      for (const i of out.issues) {
        assert.ok(i.line >= 1 && i.column >= 1 && (i.endLine > i.line || (i.endLine === i.line && i.endColumn >= i.column)), JSON.stringify(i));
        assert.ok(i.message.length > 10);
      }
    });

    it('prints stylish text with a summary line', () => {
      const r = runBuiltCli(['lint', `${FIX}/errors`]);
      assert.equal(r.status, 1);
      assert.match(r.stdout, /\n\S*test\/fixtures\/cli\/errors\/backlog\/stories\/s-1\.md\n {2}4:9 +error +.+ +invalid-field\n/);
      assert.match(r.stdout, /\n✖ \d+ problems \(\d+ errors?, \d+ warnings?, \d+ infos?\)\n$/);
      assert.ok(!r.stdout.includes('\u001b['), 'no colors without a TTY');
    });

    it('applies --max-warnings: 0 within the limit, 1 above it', () => {
      const within = runBuiltCli(['lint', '--max-warnings', '2', `${FIX}/warnings`]);
      assert.equal(within.status, 0, within.stdout + within.stderr);
      assert.equal(runBuiltCli(['lint', `${FIX}/warnings`]).status, 0);
      const above = runBuiltCli(['lint', '--max-warnings=1', `${FIX}/warnings`]);
      assert.equal(above.status, 1);
      assert.match(above.stderr, /too many warnings \(2\); the maximum allowed is 1/);
    });

    it('exits 2 and names the file, line and fix when .rudder.yml is invalid', () => {
      const r = runBuiltCli(['lint', `${FIX}/broken-config`]);
      assert.equal(r.status, 2);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /broken-config\/\.rudder\.yml:2:1 +error +.*splitTreshold.*invalid-config/);
      assert.match(r.stderr, /Fix these lines/);
    });

    it('goes on with the defaults for the wrong keys when .rudder.yml turns invalid-config off (as the editor does)', () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rudder-cfg-off-'));
      try {
        fs.cpSync(`${FIX}/broken-config`, dir, { recursive: true });
        const yml = path.join(dir, '.rudder.yml');
        fs.writeFileSync(yml, `${fs.readFileSync(yml, 'utf8')}rules:\n  invalid-config: off\n`);
        const r = runBuiltCli(['lint', '--format', 'json', dir]);
        assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr}`);
        const issues = JSON.parse(r.stdout).issues as JsonIssue[];
        assert.ok(!issues.some((i) => i.code === 'invalid-config'), 'the rule is off');
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    it('exits 2 on usage errors', () => {
      for (const args of [
        ['lint', '--bogus'],
        ['lint', '--format', 'xml', `${FIX}/clean`],
        ['lint', '--max-warnings', 'many', `${FIX}/clean`],
        ['lint', `${FIX}/clean`, `${FIX}/errors`],
        ['lint', `${FIX}/does-not-exist`],
        ['lint', `${FIX}/clean/backlog/stories/s-1.md`],
        ['frobnicate'],
        [],
      ]) {
        const r = runBuiltCli(args);
        assert.equal(r.status, 2, `rudder ${args.join(' ')}: ${r.stdout}${r.stderr}`);
        assert.ok(r.stderr.length > 0, `rudder ${args.join(' ')} says why`);
      }
      assert.match(runBuiltCli(['lint', `${FIX}/does-not-exist`]).stderr, /folder not found: .*does-not-exist/);
    });

    it('writes -o only into a folder that exists, and says so otherwise (exit 2, nothing created)', () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rudder-cli-'));
      try {
        const file = path.join(dir, 'no', 'such', 'folder', 'rudder.sarif');
        const r = runBuiltCli(['lint', '--format', 'sarif', '-o', file, `${FIX}/errors`]);
        assert.equal(r.status, 2);
        assert.match(r.stderr, /the folder .*folder does not exist\. Create it first, or choose another -o path/);
        assert.equal(fs.existsSync(path.join(dir, 'no')), false, 'no folder was created');
        const r2 = runBuiltCli(['roadmap', '--format', 'json', '-o', path.join(dir, 'missing', 'r.json'), `${FIX}/errors`]);
        assert.equal(r2.status, 2, r2.stderr);
        assert.equal(fs.existsSync(path.join(dir, 'missing')), false);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    it('writes SARIF 2.1.0 with paths relative to the current folder to -o', () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rudder-cli-'));
      try {
        const file = path.join(dir, 'rudder.sarif');
        const r = runBuiltCli(['lint', '--format', 'sarif', '-o', file, `${FIX}/errors`]);
        assert.equal(r.status, 1, r.stderr);
        assert.equal(r.stdout, '');
        const log = JSON.parse(fs.readFileSync(file, 'utf8'));
        assert.equal(log.version, '2.1.0');
        const uris = log.runs[0].results.map((x: any) => x.locations[0].physicalLocation.artifactLocation.uri);
        assert.ok(uris.includes('test/fixtures/cli/errors/backlog/stories/s-1.md'), uris.join(', '));
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('list', () => {
    it('prints the backlog in order as JSON with null for absent values', () => {
      const r = runBuiltCli(['list', '--json', `${FIX}/clean`]);
      assert.equal(r.status, 0, r.stderr);
      const out = JSON.parse(r.stdout);
      assert.equal(out.version, 1);
      assert.deepEqual(out.stories[0], {
        id: 'S-1',
        title: 'Export invoices as CSV',
        type: 'story',
        status: 'ready',
        rank: 'a0',
        priority: 'must',
        estimate: 3,
        epic: null,
        milestone: 'M-1',
        vision: ['G-1'],
        file: 'backlog/stories/s-1.md',
        acceptanceCriteria: { total: 2, done: 0 },
        definitionOfDone: { total: 0, done: 0 },
        wsjf: null,
        rice: null,
        draft: false,
      });
      assert.deepEqual(out.stories.map((s: { id: string }) => s.id), ['S-1', 'S-2']);
      assert.deepEqual(out.stories[1].acceptanceCriteria, { total: 2, done: 2 });
    });

    it('filters by status and prints a table', () => {
      const r = runBuiltCli(['list', '--status', 'done', `${FIX}/clean`]);
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stdout, 'ID   STATUS  PRIORITY  EST   AC  TITLE\nS-2  done    should      2  2/2  Filter invoices by month\n');
      assert.equal(runBuiltCli(['list', '--status', 'finished', `${FIX}/clean`]).status, 2);
    });

    it('reads a Backlog.md folder given directly: ordinal order, its statuses, archive excluded', () => {
      const r = runBuiltCli(['list', '--json', `${FIX}/backlog-md`]);
      assert.equal(r.status, 0, r.stderr);
      const out = JSON.parse(r.stdout);
      assert.deepEqual(
        out.stories.map((s: any) => [s.id, s.status, s.priority, s.acceptanceCriteria.done, s.acceptanceCriteria.total]),
        [
          ['task-2', 'In Progress', 'medium', 1, 3],
          ['task-1', 'Done', 'high', 2, 2],
        ],
      );
      assert.equal(out.stories[0].file, 'tasks/task-2 - Write-the-parser.md');
    });
  });

  describe('help and version', () => {
    it('prints help for the tool and for each command, and the version', () => {
      const help = runBuiltCli(['--help']);
      assert.equal(help.status, 0);
      assert.match(help.stdout, /Commands:\n {2}lint +Check every story/);
      assert.match(help.stdout, /\n {2}list +Print the backlog/);
      const lintHelp = runBuiltCli(['lint', '--help']);
      assert.equal(lintHelp.status, 0);
      assert.match(lintHelp.stdout, /Usage: rudder lint \[folder\]/);
      assert.match(lintHelp.stdout, /--max-warnings <N>/);
      assert.match(runBuiltCli(['list', '-h']).stdout, /--sort <rank\|wsjf\|rice\|priority>/);
      const version = runBuiltCli(['--version']);
      assert.equal(version.status, 0);
      assert.equal(version.stdout.trim(), JSON.parse(fs.readFileSync('package.json', 'utf8')).version);
    });
  });
});

describe('rudder CLI (in process)', () => {
  it('runs a command through the table and returns its exit code', async () => {
    const io = memoryIo();
    assert.equal(await runCli(['lint', '--format', 'json', `${FIX}/clean`], io), 0);
    assert.equal(JSON.parse(io.out).stories, 2);
  });

  it('resolves the folder against the io cwd', async () => {
    const io = memoryIo(path.resolve(FIX));
    assert.equal(await runCli(['list', '--json', 'clean'], io), 0, io.err);
    assert.equal(JSON.parse(io.out).stories.length, 2);
  });

  it('turns an unexpected exception into exit 2 with a report link, never a crash', async () => {
    const io = memoryIo();
    const boom = { name: 'boom', summary: 'x', usage: 'rudder boom', options: [], run: async () => { throw new Error('kaput'); } };
    assert.equal(await runCli(['boom'], io, [boom]), 2);
    assert.match(io.err, /internal error: Error: kaput/);
  });
});
