import * as assert from 'node:assert/strict';
import { defaultConfig, parseConfig } from '../../../src/core/config/parseConfig';
import { suggestNearest } from '../../../src/core/config/suggestNearest';

describe('defaultConfig', () => {
  it('derives the globs from the backlog folder', () => {
    const c = defaultConfig();
    assert.deepEqual(c.stories, ['backlog/**/*.md']);
    assert.deepEqual(c.exclude, ['**/archive/**', 'backlog/docs/**', 'backlog/decisions/**']);
    assert.equal(c.vision, 'backlog/vision.md');
    assert.equal(c.milestones, 'backlog/milestones/*.md');
    assert.deepEqual(c.statuses, ['draft', 'ready', 'in-progress', 'done', 'dropped']);
    assert.deepEqual(c.definitionOfReady, ['acceptance-criteria', 'vision-link', 'estimate']);
    assert.equal(c.splitThreshold, 13);
    assert.equal(c.idPrefix, 'S-');
    assert.equal(c.source, 'defaults');
  });
  it("has no prefix for the root folder '.'", () => {
    const c = defaultConfig('.');
    assert.deepEqual(c.stories, ['**/*.md']);
    assert.deepEqual(c.exclude, ['**/archive/**', 'docs/**', 'decisions/**']);
    assert.equal(c.vision, 'vision.md');
    assert.equal(c.milestones, 'milestones/*.md');
  });
});

describe('parseConfig', () => {
  it('reads every setting of .rudder.yml', () => {
    const { config, issues } = parseConfig({
      rudderYml: [
        'backlog: work',
        'stories: [work/**/*.md]',
        'exclude: work/old/**',
        'vision: work/VISION.md',
        'milestones: work/ms/*.md',
        'statuses: [idea, ready, doing, shipped]',
        'readyStatus: Ready',
        'doneStatus: shipped',
        'priorities: [p1, p2]',
        'definitionOfReady: [estimate, user-story]',
        'rules: { missing-user-story: off, oversized-story: warning }',
        'splitThreshold: 8',
        'idPrefix: W-',
        'velocity: 20',
      ].join('\n'),
    });
    assert.deepEqual(issues, []);
    assert.equal(config.backlog, 'work');
    assert.deepEqual(config.stories, ['work/**/*.md']);
    assert.deepEqual(config.exclude, ['work/old/**']);
    assert.equal(config.vision, 'work/VISION.md');
    assert.equal(config.milestones, 'work/ms/*.md');
    assert.deepEqual(config.statuses, ['idea', 'ready', 'doing', 'shipped']);
    assert.equal(config.readyStatus, 'ready');
    assert.equal(config.doneStatus, 'shipped');
    assert.deepEqual(config.priorities, ['p1', 'p2']);
    assert.deepEqual(config.definitionOfReady, ['estimate', 'user-story']);
    assert.deepEqual(config.rules, { 'missing-user-story': 'off', 'oversized-story': 'warning' });
    assert.equal(config.splitThreshold, 8);
    assert.equal(config.idPrefix, 'W-');
    assert.equal(config.velocity, 20);
    assert.equal(config.source, '.rudder.yml');
  });
  it('reads definitionOfDone from .rudder.yml over Backlog.md\'s definition_of_done; [] turns it off; a wrong shape is invalid-config', () => {
    const md = 'statuses: ["To Do", "Done"]\ndefinition_of_done: ["Tests pass", "", 3]\n';
    assert.deepEqual(parseConfig({ backlogMdConfigYml: md }).config.definitionOfDone, ['Tests pass']);
    assert.deepEqual(parseConfig({ rudderYml: 'definitionOfDone: [Reviewed, "Docs updated"]\n', backlogMdConfigYml: md }).config.definitionOfDone, ['Reviewed', 'Docs updated']);
    assert.deepEqual(parseConfig({ rudderYml: 'definitionOfDone: []\n', backlogMdConfigYml: md }).config.definitionOfDone, []);
    const bad = parseConfig({ rudderYml: 'definitionOfDone: { a: 1 }\n' });
    assert.deepEqual(bad.config.definitionOfDone, []);
    assert.deepEqual(bad.issues.map((i) => i.code), ['invalid-config']);
    assert.deepEqual(parseConfig({}).config.definitionOfDone, []);
  });

  it('names a merge conflict in .rudder.yml or config.yml and reads their first version', () => {
    const yml = 'splitThreshold: 8\n<<<<<<< HEAD\nidPrefix: TW-\n=======\nidPrefix: RW-\n>>>>>>> other\n';
    const md = 'statuses: ["To Do", "Done"]\n<<<<<<< HEAD\ntask_prefix: "back"\n=======\ntask_prefix: "task"\n>>>>>>> main\n';
    const r = parseConfig({ rudderYml: yml, backlogMdConfigYml: md });
    assert.equal(r.config.idPrefix, 'TW-');
    assert.equal(r.config.splitThreshold, 8);
    assert.deepEqual(r.config.statuses, ['To Do', 'Done']);
    assert.deepEqual(r.issues.map((i) => [i.code, i.path, i.range.start.line, i.range.end.line]), [
      ['invalid-config', '.rudder.yml', 1, 5],
      ['invalid-config', 'backlog/config.yml', 1, 5],
    ]);
    assert.match(r.issues[0].message, /\.rudder\.yml has an unresolved merge conflict \(lines 2–6\)/);
    const mdOnly = parseConfig({ backlogMdConfigYml: md });
    assert.equal(mdOnly.config.idPrefix, 'BACK-');
    assert.equal(mdOnly.config.backlogMd, true);
  });

  it('derives default globs from `backlog:`', () => {
    const { config } = parseConfig({ rudderYml: 'backlog: plan\n' });
    assert.deepEqual(config.stories, ['plan/**/*.md']);
    assert.equal(config.vision, 'plan/vision.md');
  });
  it('reports unknown keys at the key with a suggestion', () => {
    const { issues } = parseConfig({ rudderYml: 'splitTreshold: 8\n' });
    assert.equal(issues.length, 1);
    assert.equal(issues[0].code, 'invalid-config');
    assert.equal(issues[0].path, '.rudder.yml');
    assert.deepEqual(issues[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 13 } });
    assert.match(issues[0].message, /Did you mean "splitThreshold"\?/);
  });
  it('reports wrong types at the value and keeps the default', () => {
    const { config, issues } = parseConfig({ rudderYml: 'statuses: draft\nsplitThreshold: [1]\n' });
    assert.deepEqual(issues.map((i) => i.range.start.line), [0, 1]);
    assert.deepEqual(config.statuses, defaultConfig().statuses);
    assert.equal(config.splitThreshold, 13);
  });
  it('reports a readyStatus that is not a status', () => {
    const { issues } = parseConfig({ rudderYml: 'statuses: [a, b, c]\nreadyStatus: x\n' });
    assert.equal(issues.length, 1);
    assert.deepEqual(issues[0].range.start, { line: 1, character: 13 });
  });
  it('picks ready/done statuses inside a replaced workflow', () => {
    const { config } = parseConfig({ rudderYml: 'statuses: [todo, doing, finished]\n' });
    assert.equal(config.readyStatus, 'doing');
    assert.equal(config.doneStatus, 'finished');
  });
  it('reports broken YAML without throwing', () => {
    const { config, issues } = parseConfig({ rudderYml: 'statuses: [a, b\nrules: x: y\n' });
    assert.ok(issues.length >= 1);
    assert.ok(issues.every((i) => i.code === 'invalid-config'));
    assert.equal(config.source, '.rudder.yml');
  });
  it('treats an empty .rudder.yml as defaults', () => {
    const { config, issues } = parseConfig({ rudderYml: '' });
    assert.deepEqual(issues, []);
    assert.equal(config.splitThreshold, 13);
  });
  it('reads Backlog.md config.yml when there is no .rudder.yml', () => {
    const { config, issues } = parseConfig({
      backlogMdConfigYml: 'project_name: "X"\nstatuses: ["To Do", "In Progress", "Done"]\ntask_prefix: "back"\n',
    });
    assert.deepEqual(issues, []);
    assert.deepEqual(config.statuses, ['To Do', 'In Progress', 'Done']);
    assert.equal(config.readyStatus, 'In Progress');
    assert.equal(config.doneStatus, 'Done');
    assert.deepEqual(config.priorities, ['high', 'medium', 'low']);
    assert.deepEqual(config.definitionOfReady, ['acceptance-criteria']);
    assert.equal(config.idPrefix, 'BACK-');
    assert.equal(config.source, 'backlog/config.yml');
  });
  it('applies .rudder.yml over Backlog.md config.yml: what .rudder.yml sets wins, the rest stays Backlog.md\'s', () => {
    const { config } = parseConfig({ rudderYml: 'idPrefix: R-\n', backlogMdConfigYml: 'statuses: [A, B]\ntask_prefix: back\n' });
    assert.equal(config.idPrefix, 'R-');
    assert.equal(config.source, '.rudder.yml');
    assert.equal(config.backlogMd, true);
    assert.deepEqual(config.statuses, ['A', 'B']);
    assert.deepEqual(config.priorities, ['high', 'medium', 'low']);
    const own = parseConfig({ rudderYml: 'statuses: [X, Y]\n', backlogMdConfigYml: 'statuses: [A, B]\n' }).config;
    assert.deepEqual(own.statuses, ['X', 'Y']);
    assert.equal(parseConfig({ rudderYml: 'idPrefix: R-\n' }).config.backlogMd, false);
    assert.deepEqual(parseConfig({ rudderYml: 'idPrefix: R-\n' }).config.statuses, defaultConfig().statuses);
  });
});

describe('suggestNearest', () => {
  it('finds close values case-insensitively and refuses far ones', () => {
    assert.equal(suggestNearest('Redy', ['draft', 'ready', 'done']), 'ready');
    assert.equal(suggestNearest('in progress', ['draft', 'in-progress']), 'in-progress');
    assert.equal(suggestNearest('blocked', ['draft', 'ready', 'done']), undefined);
  });
});
