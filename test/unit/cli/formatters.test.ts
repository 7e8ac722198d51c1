import * as assert from 'node:assert/strict';
import type { Issue } from '../../../src/core/model/issue';
import { range } from '../../../src/core/model/range';
import { formatJson, toJsonLintOutput } from '../../../src/cli/format/json';
import type { LintReport } from '../../../src/cli/format/lintReport';
import { formatSarif, toSarifLog } from '../../../src/cli/format/sarif';
import { validateSarif } from './sarifCheck';
import { formatText } from '../../../src/cli/format/text';
import { ALL_RULES, ISSUE_CODES } from '../../../src/core/rules/rules';

const issues: Issue[] = [
  { code: 'missing-acceptance-criteria', severity: 'warning', message: 'S-2 has no acceptance criteria.', path: 'backlog/stories/s-2.md', range: range(5, 0, 5, 12) },
  { code: 'invalid-field', severity: 'error', message: 'Unknown status "redy".\nUse one of: draft, ready.', path: 'backlog/stories/s-1.md', range: range(3, 8, 3, 12) },
  { code: 'vague-criterion', severity: 'info', message: 'Criterion "fast" is vague.', path: 'backlog/stories/s-1.md', range: range(10, 6, 10, 10) },
  { code: 'missing-id', severity: 'error', message: 'No id.', path: 'backlog/stories/s-1.md', range: range(0, 0, 0, 3) },
  {
    code: 'duplicate-id',
    severity: 'error',
    message: 'Id S-3 is also used by backlog/x y.md.',
    path: 'backlog/x#y.md',
    range: range(1, 4, 1, 7),
    related: [{ path: 'backlog/x y.md', range: range(1, 4, 1, 7), message: 'the other S-3' }],
  },
];
const report: LintReport = { root: '/repo', files: 7, stories: 5, issues };

describe('cli formatters', () => {
  describe('json', () => {
    it('prints version, root, counts and 1-based issues sorted by file then position', () => {
      const out = JSON.parse(formatJson(report));
      assert.deepEqual(Object.keys(out), ['version', 'root', 'files', 'stories', 'issues']);
      assert.equal(out.version, 1);
      assert.equal(out.root, '/repo');
      assert.equal(out.files, 7);
      assert.equal(out.stories, 5);
      assert.deepEqual(
        out.issues.map((i: { file: string; line: number; code: string }) => `${i.file}:${i.line}:${i.code}`),
        [
          'backlog/stories/s-1.md:1:missing-id',
          'backlog/stories/s-1.md:4:invalid-field',
          'backlog/stories/s-1.md:11:vague-criterion',
          'backlog/stories/s-2.md:6:missing-acceptance-criteria',
          'backlog/x#y.md:2:duplicate-id',
        ],
      );
      assert.deepEqual(out.issues[1], {
        file: 'backlog/stories/s-1.md',
        line: 4,
        column: 9,
        endLine: 4,
        endColumn: 13,
        code: 'invalid-field',
        severity: 'error',
        message: 'Unknown status "redy".\nUse one of: draft, ready.',
      });
    });

    it('has an empty issue list for a clean backlog', () => {
      assert.deepEqual(toJsonLintOutput({ root: '/r', files: 0, stories: 0, issues: [] }).issues, []);
    });
  });

  describe('text', () => {
    it('groups by file with aligned line:col, severity, message and code columns and a summary', () => {
      const out = formatText(report, { color: false });
      const expected = [
        '',
        'backlog/stories/s-1.md',
        '  1:1   error  No id.                                            missing-id',
        '  4:9   error  Unknown status "redy". Use one of: draft, ready.  invalid-field',
        '  11:7  info   Criterion "fast" is vague.                        vague-criterion',
        '',
        'backlog/stories/s-2.md',
        '  6:1  warning  S-2 has no acceptance criteria.  missing-acceptance-criteria',
        '',
        'backlog/x#y.md',
        '  2:5  error  Id S-3 is also used by backlog/x y.md.  duplicate-id',
        '',
        '✖ 5 problems (3 errors, 1 warning, 1 info)',
        '',
      ].join('\n');
      assert.equal(out, expected);
    });

    it('uses ANSI colors only when asked, and displayPath for headers', () => {
      const plain = formatText(report, { color: false, displayPath: (f) => `../${f}` });
      assert.ok(!plain.includes('\u001b['));
      assert.ok(plain.includes('\n../backlog/stories/s-2.md\n'));
      const colored = formatText(report, { color: true });
      assert.ok(colored.includes('\u001b[4mbacklog/stories/s-1.md\u001b[0m'));
      assert.ok(colored.includes('\u001b[31merror'));
    });

    it('says so when there are no problems', () => {
      assert.equal(formatText({ root: '/r', files: 3, stories: 1, issues: [] }, { color: false }), '✔ No problems (1 story in 3 files)\n');
    });
  });

  describe('sarif', () => {
    const log = toSarifLog(report, { toolVersion: '1.2.3', uriPrefix: 'examples/demo/' }) as any;

    it('has the top-level fields SARIF 2.1.0 requires and no others', () => {
      assert.equal(log.version, '2.1.0');
      assert.match(log.$schema, /^https:\/\/.*sarif.*2\.1\.0.*\.json$/);
      assert.ok(Array.isArray(log.runs));
      assert.equal(log.runs.length, 1);
      validateSarif(log);
    });

    it('describes the tool with one rule per stable code, each with help and a help URI into docs/rules.md', () => {
      const driver = log.runs[0].tool.driver;
      assert.equal(driver.name, 'rudder');
      assert.equal(driver.version, '1.2.3');
      assert.match(driver.informationUri, /^https:\/\//);
      assert.deepEqual(driver.rules.map((r: { id: string }) => r.id), [...ISSUE_CODES]);
      const mac = driver.rules.find((r: { id: string }) => r.id === 'missing-acceptance-criteria');
      assert.equal(mac.helpUri, 'https://github.com/rudder/rudder/blob/main/docs/rules.md#missing-acceptance-criteria');
      assert.equal(mac.defaultConfiguration.level, 'warning');
      assert.ok(mac.shortDescription.text.length > 10);
      assert.ok(mac.fullDescription.text.length > mac.shortDescription.text.length);
      assert.ok(mac.help.text.length > 10);
      assert.equal(driver.rules.find((r: { id: string }) => r.id === 'vague-criterion').defaultConfiguration.level, 'note');
      assert.equal(driver.rules.find((r: { id: string }) => r.id === 'duplicate-id').defaultConfiguration.level, 'error');
    });

    it('gives one result per issue with level, message, relative URI and a 1-based region', () => {
      const results = log.runs[0].results;
      assert.equal(results.length, 5);
      const r = results[1];
      assert.equal(r.ruleId, 'invalid-field');
      assert.equal(log.runs[0].tool.driver.rules[r.ruleIndex].id, 'invalid-field');
      assert.equal(r.level, 'error');
      assert.equal(r.message.text, 'Unknown status "redy".\nUse one of: draft, ready.');
      assert.deepEqual(r.locations[0].physicalLocation, {
        artifactLocation: { uri: 'examples/demo/backlog/stories/s-1.md' },
        region: { startLine: 4, startColumn: 9, endLine: 4, endColumn: 13 },
      });
      assert.equal(results[2].level, 'note');
      assert.equal(results[3].level, 'warning');
      // URI-escaped path and related locations
      assert.equal(results[4].locations[0].physicalLocation.artifactLocation.uri, 'examples/demo/backlog/x%23y.md');
      assert.equal(results[4].relatedLocations[0].physicalLocation.artifactLocation.uri, 'examples/demo/backlog/x%20y.md');
    });

    it("states each rule's own default severity and descriptions, for every code", () => {
      const log = toSarifLog({ root: '/r', files: 0, stories: 0, issues: [] }, { toolVersion: '0.1.0' }) as { runs: { tool: { driver: { rules: { id: string; defaultConfiguration: { level: string }; shortDescription: { text: string } }[] } } }[] };
      const byId = new Map(log.runs[0].tool.driver.rules.map((r) => [r.id, r]));
      for (const rule of ALL_RULES) {
        const level = rule.defaultSeverity === 'info' ? 'note' : rule.defaultSeverity;
        assert.equal(byId.get(rule.code)?.defaultConfiguration.level, level, rule.code);
        assert.equal(byId.get(rule.code)?.shortDescription.text, rule.title, rule.code);
      }
      assert.equal(byId.size, ISSUE_CODES.length);
    });

    it('prints parseable JSON', () => {
      const parsed = JSON.parse(formatSarif({ root: '/r', files: 0, stories: 0, issues: [] }, { toolVersion: '0.1.0' }));
      assert.deepEqual(parsed.runs[0].results, []);
      validateSarif(parsed);
    });
  });
});
