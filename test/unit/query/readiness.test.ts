import * as assert from 'node:assert/strict';
import { parseConfig } from '../../../src/core/config/parseConfig';
import { BacklogIndex } from '../../../src/core/index/backlogIndex';
import { codeLensFor } from '../../../src/core/intel/codeLensFor';
import { fixesFor } from '../../../src/core/intel/fixesFor';
import { markReady } from '../../../src/core/grooming/markReady';
import { findPlaceholder, hasPlaceholder } from '../../../src/core/parse/placeholders';
import { blockersOf, filledCriteria, isBlocked, passesDefinitionOfReady, readinessContextOf, readinessFailures, userStoryPlaceholder } from '../../../src/core/query/readiness';

const VISION = '---\ngoals:\n  - id: G1\n    title: One\n---\n';

function story(fields: Record<string, string>, body = 'As a cook, I want a list, so that I shop once.\n\n## Acceptance Criteria\n\n- [ ] Given a list, when I open it, then I see 3 items\n'): string {
  return `---\n${Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join('\n')}\n---\n\n${body}`;
}

function index(dor = '[acceptance-criteria, vision-link, estimate, user-story]'): BacklogIndex {
  const i = new BacklogIndex(parseConfig({ rudderYml: `definitionOfReady: ${dor}\n` }).config);
  i.upsert('backlog/vision.md', VISION);
  return i;
}

describe('placeholders: template text is not content', () => {
  it('finds the templates Rudder inserts and the markers people type', () => {
    for (const [text, found] of [
      ['Given <context>, when <action>, then <outcome>', '<context>'],
      ['As a <persona>, I want <capability>, so that <benefit>.', '<persona>'],
      ['As a …, I want …, so that ….', '…'],
      ['As a ..., I want a list', '...'],
      ['Then the total is TODO', 'TODO'],
      ['TBD', 'TBD'],
      ['Given a list, when I add <item name>, then it shows', '<item name>'],
    ] as const) {
      assert.equal(findPlaceholder(text)?.text, found, text);
    }
  });
  it('leaves real text alone: HTML elements, code, words that contain the markers, an ellipsis inside a word', () => {
    for (const text of [
      'Given a list, when I press <kbd>Enter</kbd>, then it is saved',
      'Line one<br>line two',
      'Given `Map<string>` in the API, when typed, then it compiles',
      'Given a todo list, when I check an item, then it is done',
      'Then the spinner says "Loading…"',
      'Given 3 < 5 and 7 > 2, then it sorts',
      'As a cook, I want a list, so that I shop once.',
    ]) {
      assert.equal(hasPlaceholder(text), false, text);
    }
  });
  it('reports where it is, so a quick fix can select it', () => {
    assert.deepEqual(findPlaceholder('Given x, then <outcome> and TODO'), { start: 14, end: 23, text: '<outcome>' });
  });
});

describe('readiness: the one Definition of Ready query', () => {
  it('passes a story that has everything, and names each failing check in order', () => {
    const i = index();
    i.upsert('backlog/s-1.md', story({ id: 'S-1', title: 'Ready', status: 'ready', estimate: '3', vision: 'G1' }));
    i.upsert('backlog/s-2.md', story({ id: 'S-2', title: 'Bare', status: 'draft' }, 'Nothing here.\n'));
    const ctx = readinessContextOf(i);
    assert.equal(passesDefinitionOfReady(i.byId('S-1')[0], ctx), true);
    assert.deepEqual(
      readinessFailures(i.byId('S-2')[0], ctx).map((f) => f.check),
      ['acceptance-criteria', 'vision-link', 'estimate', 'user-story'],
    );
  });

  it('counts unfilled templates as missing: the criteria template, the user story template, TODO', () => {
    const i = index();
    const template = 'As a <persona>, I want <capability>, so that <benefit>.\n\n## Acceptance Criteria\n\n- [ ] Given <context>, when <action>, then <outcome>\n';
    const text = story({ id: 'S-1', title: 'Template', status: 'ready', estimate: '3', vision: 'G1' }, template);
    i.upsert('backlog/s-1.md', text);
    const s = i.byId('S-1')[0];
    assert.equal(filledCriteria(s).length, 0);
    const failures = readinessFailures(s, readinessContextOf(i), { text });
    assert.deepEqual(failures.map((f) => f.check), ['acceptance-criteria', 'user-story']);
    assert.match(failures[0].message, /still the template \(<context>\)/);
    // The placeholder's place in the file: line 12 is the criterion, `<context>` after "- [ ] Given ".
    assert.deepEqual(failures[0].placeholder, { start: { line: 12, character: 12 }, end: { line: 12, character: 21 } });
    assert.deepEqual(userStoryPlaceholder(s, text), { start: { line: 8, character: 5 }, end: { line: 8, character: 14 } });
    // Mark Ready refuses, the not-ready rule and the CodeLens agree.
    const plan = markReady(s, i, (p) => i.text(p));
    assert.equal(plan.ready, false);
    assert.ok(!plan.ready && plan.failures[0].remedy?.kind === 'open', 'the remedy opens the placeholder');
    assert.ok(i.issues(s.path).some((x) => x.code === 'not-ready'));
    assert.doesNotMatch(codeLensFor(i, s).title, /Ready ✓/);
    assert.match(codeLensFor(i, s).title, /Not ready: the acceptance criteria are still the template/);
    // missing-acceptance-criteria and missing-user-story report the templates, each with a fix that selects it.
    for (const code of ['missing-acceptance-criteria', 'missing-user-story'] as const) {
      const issue = i.issues(s.path).find((x) => x.code === code);
      assert.ok(issue, `${code} is reported: ${i.issues(s.path).map((x) => x.code).join(', ')}`);
      const fill = fixesFor(i, issue).find((f) => f.title.startsWith('Fill in'));
      assert.ok(fill?.selection, `${code}: a fix that puts the cursor on the placeholder`);
      assert.deepEqual(fill.selection.range, issue.range);
      assert.deepEqual(fill.edits, []);
    }
  });

  it('one written criterion beside a template passes the criteria check; the template is a vague criterion', () => {
    const i = index('[acceptance-criteria]');
    i.upsert('backlog/s-1.md', story({ id: 'S-1', title: 'Half', status: 'ready' }, '## Acceptance Criteria\n\n- [ ] Given a list, then it shows 3 items\n- [ ] Given <context>, then TBD\n'));
    const s = i.byId('S-1')[0];
    assert.equal(passesDefinitionOfReady(s, readinessContextOf(i)), true);
    assert.deepEqual(i.issues(s.path).filter((x) => x.code === 'vague-criterion').map((x) => x.message.slice(0, 40)), ['This criterion is still template text: r']);
    assert.ok(!i.issues(s.path).some((x) => x.code === 'missing-acceptance-criteria'));
  });

  it('a story is blocked while a dependency is neither done nor dropped; unknown ids do not block (unknown-reference does)', () => {
    const i = index('[acceptance-criteria, no-open-dependencies]');
    i.upsert('backlog/s-1.md', story({ id: 'S-1', title: 'Base', status: 'in-progress' }));
    i.upsert('backlog/s-2.md', story({ id: 'S-2', title: 'Done base', status: 'done' }));
    i.upsert('backlog/s-3.md', story({ id: 'S-3', title: 'Dropped base', status: 'dropped' }));
    i.upsert('backlog/s-4.md', story({ id: 'S-4', title: 'Waits', status: 'ready', depends_on: '[S-1, S-2, S-3, S-99]' }));
    i.upsert('backlog/s-5.md', story({ id: 'S-5', title: 'Free', status: 'ready', depends_on: '[S-2]' }));
    const ctx = readinessContextOf(i);
    assert.deepEqual(blockersOf(i.byId('S-4')[0], ctx).map((b) => [b.id, b.stories.map((s) => s.id)]), [['S-1', ['S-1']]]);
    assert.equal(isBlocked(i.byId('S-5')[0], ctx), false);
    assert.deepEqual(readinessFailures(i.byId('S-4')[0], ctx).map((f) => f.message), ['open dependencies (S-1)']);
    assert.deepEqual(readinessFailures(i.byId('S-4')[0], ctx, { skip: ['no-open-dependencies'] }), []);
    assert.match(codeLensFor(i, i.byId('S-4')[0]).title, /Not ready: open dependencies \(S-1\)/);
  });

  it('the CodeLens puts an error before readiness and never says "Ready ✓" on a story with an error', () => {
    const i = index('[acceptance-criteria]');
    i.upsert('backlog/a.md', story({ id: 'S-1', title: 'One', status: 'ready' }));
    i.upsert('backlog/b.md', story({ id: 'S-1', title: 'Twin', status: 'ready' }));
    i.upsert('backlog/c.md', story({ id: 'S-3', title: 'Fine', status: 'ready', depends_on: '[S-1]' }));
    const lens = codeLensFor(i, i.story('backlog/a.md')!);
    assert.match(lens.title, /^Rank \d of 3 · AC 0\/1 · 1 error: Two stories share the same id$/);
    assert.match(codeLensFor(i, i.story('backlog/c.md')!).title, /Ready ✓ · Blocked by S-1$/);
  });
});
