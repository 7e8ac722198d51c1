import * as assert from 'node:assert/strict';

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

/** Asserts that a log is valid SARIF 2.1.0 as far as Rudder emits it: only properties the schema defines, required ones present, regions 1-based and ordered. */
export function validateSarif(log: any): void {
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
