import * as assert from 'node:assert/strict';
import type { Issue } from '../../../src/core/model/issue';
import { range } from '../../../src/core/model/range';
import { formatJson, toJsonLintOutput } from '../../../src/cli/format/json';
import type { LintReport } from '../../../src/cli/format/lintReport';
import { formatSarif, toSarifLog } from '../../../src/cli/format/sarif';
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

// The properties the SARIF 2.1.0 schema allows on each object we emit (the schema sets
// additionalProperties: false on them), and the checks it makes on values.
const ALLOWED: Record<string, string[]> = {
  log: ['$schema', 'version', 'runs', 'inlineExternalProperties', 'properties'],
  run: ['tool', 'invocations', 'conversion', 'language', 'versionControlProvenance', 'originalUriBaseIds', 'artifacts', 'logicalLocations', 'graphs', 'results', 'automationDetails', 'runAggregates', 'baselineGuid', 'redactionTokens', 'defaultEncoding', 'defaultSourceLanguage', 'newlineSequences', 'columnKind', 'externalPropertyFileReferences', 'threadFlowLocations', 'taxonomies', 'addresses', 'translations', 'policies', 'webRequests', 'webResponses', 'specialLocations', 'properties'],
  tool: ['driver', 'extensions', 'properties'],
  driver: ['guid', 'name', 'organization', 'product', 'productSuite', 'shortDescription', 'fullDescription', 'fullName', 'version', 'semanticVersion', 'dottedQuadFileVersion', 'releaseDateUtc', 'downloadUri', 'informationUri', 'globalMessageStrings', 'notifications', 'rules', 'taxa', 'locations', 'language', 'contents', 'isComprehensive', 'localizedDataSemanticVersion', 'minimumRequiredLocalizedDataSemanticVersion', 'associatedComponent', 'translationMetadata', 'supportedTaxonomies', 'properties'],
  rule: ['id', 'deprecatedIds', 'guid', 'deprecatedGuids', 'name', 'deprecatedNames', 'shortDescription', 'fullDescription', 'messageStrings', 'defaultConfiguration', 'helpUri', 'help', 'relationships', 'properties'],
  multiformat: ['text', 'markdown', 'properties'],
  configuration: ['enabled', 'level', 'rank', 'parameters', 'properties'],
  result: ['ruleId', 'ruleIndex', 'rule', 'kind', 'level', 'message', 'analysisTarget', 'locations', 'guid', 'correlationGuid', 'occurrenceCount', 'partialFingerprints', 'fingerprints', 'stacks', 'codeFlows', 'graphs', 'graphTraversals', 'relatedLocations', 'suppressions', 'baselineState', 'rank', 'attachments', 'hostedViewerUri', 'workItemUris', 'provenance', 'fixes', 'taxa', 'webRequest', 'webResponse', 'properties'],
  message: ['text', 'markdown', 'id', 'arguments', 'properties'],
  location: ['id', 'physicalLocation', 'logicalLocations', 'message', 'annotations', 'relationships', 'properties'],
  physicalLocation: ['address', 'artifactLocation', 'region', 'contextRegion', 'properties'],
  artifactLocation: ['uri', 'uriBaseId', 'index', 'description', 'properties'],
  region: ['startLine', 'startColumn', 'endLine', 'endColumn', 'charOffset', 'charLength', 'byteOffset', 'byteLength', 'snippet', 'message', 'sourceLanguage', 'properties'],
};
const LEVELS = ['none', 'note', 'warning', 'error'];

function only(kind: string, obj: Record<string, unknown>): void {
  assert.equal(typeof obj, 'object', `${kind} must be an object`);
  for (const key of Object.keys(obj)) assert.ok(ALLOWED[kind].includes(key), `${kind} has a property SARIF does not define: ${key}`);
}

function validateSarif(log: any): void {
  only('log', log);
  assert.equal(log.version, '2.1.0');
  assert.ok(Array.isArray(log.runs));
  for (const run of log.runs) {
    only('run', run);
    only('tool', run.tool);
    only('driver', run.tool.driver);
    assert.equal(typeof run.tool.driver.name, 'string'); // required
    if (run.columnKind !== undefined) assert.ok(['utf16CodeUnits', 'unicodeCodePoints'].includes(run.columnKind));
    const rules = run.tool.driver.rules ?? [];
    const ids = new Set<string>();
    for (const rule of rules) {
      only('rule', rule);
      assert.equal(typeof rule.id, 'string'); // required
      assert.ok(!ids.has(rule.id), `duplicate rule ${rule.id}`);
      ids.add(rule.id);
      for (const k of ['shortDescription', 'fullDescription', 'help']) {
        if (rule[k] !== undefined) {
          only('multiformat', rule[k]);
          assert.equal(typeof rule[k].text, 'string'); // text is required in a multiformatMessageString
        }
      }
      if (rule.helpUri !== undefined) assert.doesNotThrow(() => new URL(rule.helpUri));
      if (rule.defaultConfiguration !== undefined) {
        only('configuration', rule.defaultConfiguration);
        assert.ok(LEVELS.includes(rule.defaultConfiguration.level));
      }
    }
    assert.ok(Array.isArray(run.results));
    for (const result of run.results) {
      only('result', result);
      only('message', result.message);
      assert.ok(typeof result.message.text === 'string' || typeof result.message.id === 'string'); // message needs text or id
      if (result.level !== undefined) assert.ok(LEVELS.includes(result.level));
      if (result.ruleIndex !== undefined) {
        assert.ok(Number.isInteger(result.ruleIndex) && result.ruleIndex >= 0);
        assert.equal(rules[result.ruleIndex].id, result.ruleId);
      }
      for (const loc of [...(result.locations ?? []), ...(result.relatedLocations ?? [])]) {
        only('location', loc);
        if (loc.message) only('message', loc.message);
        const phys = loc.physicalLocation;
        only('physicalLocation', phys);
        only('artifactLocation', phys.artifactLocation);
        assert.ok(!/^[a-z]+:/i.test(phys.artifactLocation.uri), 'relative URI');
        assert.ok(!phys.artifactLocation.uri.includes(' '), 'URI has no raw spaces');
        only('region', phys.region);
        const r = phys.region;
        assert.ok(Number.isInteger(r.startLine) && r.startLine >= 1);
        assert.ok(Number.isInteger(r.startColumn) && r.startColumn >= 1);
        assert.ok(Number.isInteger(r.endLine) && r.endLine >= r.startLine);
        assert.ok(Number.isInteger(r.endColumn) && r.endColumn >= 1);
        if (r.endLine === r.startLine) assert.ok(r.endColumn >= r.startColumn);
      }
    }
  }
}
