import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { ALL_RULES, ISSUE_CODES } from '../../../src/core/rules/rules';

// docs/rules.md is written by hand, and checked here against the rules' own metadata (src/core/rules/rules.ts):
// one section per code, a row in the table with the rule's default severity, and nothing for a code that does not
// exist. A rule added without docs, or docs left for a removed rule, fail this test.
const DOC = fs.readFileSync('docs/rules.md', 'utf8');

describe('docs/rules.md', () => {
  const sections = [...DOC.matchAll(/^## ([a-z0-9-]+)\s*$/gm)].map((m) => m[1]).filter((h) => h.includes('-'));
  const rows = new Map([...DOC.matchAll(/^\| \[`([a-z0-9-]+)`\]\(#\1\) \| (\w+) \|/gm)].map((m) => [m[1], m[2]]));

  it('has a section for every rule, and none for a code that does not exist', () => {
    assert.deepEqual([...ISSUE_CODES].filter((c) => !sections.includes(c)), [], 'rules without a section');
    assert.deepEqual(sections.filter((s) => !(ISSUE_CODES as readonly string[]).includes(s)), [], 'sections without a rule');
  });

  it("lists every rule in the table with the rule's own default severity", () => {
    for (const rule of ALL_RULES) assert.equal(rows.get(rule.code), rule.defaultSeverity, `${rule.code} in the table`);
    assert.deepEqual([...rows.keys()].filter((c) => !(ISSUE_CODES as readonly string[]).includes(c)), [], 'rows without a rule');
  });

  it("states each section's default severity as the rule does", () => {
    for (const rule of ALL_RULES) {
      const body = DOC.slice(DOC.indexOf(`## ${rule.code}\n`));
      const m = /\*\*Default severity:\*\* (\w+)/.exec(body);
      assert.equal(m?.[1], rule.defaultSeverity, rule.code);
    }
  });
});
