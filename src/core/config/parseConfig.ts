import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import type { ReadyCheck, RudderConfig, RuleSetting } from '../model/config';
import type { Issue } from '../model/issue';
import { ISSUE_CODES } from '../rules/rules';
import { LineIndex } from '../model/lineIndex';
import { findConflicts, oursAtSameOffsets } from '../parse/mergeConflict';
import { quoteList, suggestNearest } from './suggestNearest';
import { doneStatusOf } from './workflow';
import { trimEndChars } from '../model/trimChars';

const CONFIG_PATH = '.rudder.yml';

export const READY_CHECKS: readonly ReadyCheck[] = ['acceptance-criteria', 'vision-link', 'estimate', 'user-story', 'no-open-dependencies'];
const RULE_SETTINGS: readonly RuleSetting[] = ['error', 'warning', 'info', 'off'];
const CONFIG_KEYS = [
  'backlog',
  'stories',
  'exclude',
  'vision',
  'milestones',
  'statuses',
  'readyStatus',
  'doneStatus',
  'doneStatuses',
  'droppedStatuses',
  'priorities',
  'definitionOfReady',
  'definitionOfDone',
  'rules',
  'splitThreshold',
  'idPrefix',
  'velocity',
] as const;

/** Returns `folder/rest`, or just `rest` when the folder is the root ('.' or ''). */
function under(folder: string, rest: string): string {
  const f = trimEndChars(folder.replace(/^\.\/+/, ''), '/');
  return f === '' || f === '.' ? rest : `${f}/${rest}`;
}

/** Returns the built-in configuration for a backlog in `backlogFolder` (globs derive from the folder). */
export function defaultConfig(backlogFolder = 'backlog'): RudderConfig {
  return {
    backlog: backlogFolder,
    stories: [under(backlogFolder, '**/*.md')],
    exclude: ['**/archive/**', under(backlogFolder, 'docs/**'), under(backlogFolder, 'decisions/**')],
    vision: under(backlogFolder, 'vision.md'),
    milestones: under(backlogFolder, 'milestones/*.md'),
    statuses: ['draft', 'ready', 'in-progress', 'done', 'dropped'],
    readyStatus: 'ready',
    doneStatus: 'done',
    doneStatuses: ['done'],
    droppedStatuses: ['dropped'],
    priorities: ['must', 'should', 'could', 'wont'],
    definitionOfReady: ['acceptance-criteria', 'vision-link', 'estimate'],
    definitionOfDone: [],
    rules: {},
    splitThreshold: 13,
    idPrefix: 'S-',
    source: 'defaults',
    backlogMd: false,
  };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Returns the effective configuration and the problems found in `.rudder.yml` (never throws). Backlog.md's
 * `config.yml` (when given) is the base and `.rudder.yml` overrides what it sets: a Backlog.md team that adds a
 * `.rudder.yml` to tune Rudder keeps its own statuses and prefix.
 */
export function parseConfig(input: { rudderYml?: string; backlogMdConfigYml?: string; backlogFolder?: string }): {
  config: RudderConfig;
  issues: Issue[];
} {
  const folder = input.backlogFolder ?? 'backlog';
  // A configuration file with git's conflict markers is named as such (not as a YAML error), and read as its first
  // version ("ours"), as a story is: the backlog keeps its workflow while the conflict waits to be resolved.
  const md = input.backlogMdConfigYml === undefined ? undefined : oursOf(under(folder, 'config.yml'), input.backlogMdConfigYml);
  const yml = input.rudderYml === undefined ? undefined : oursOf(CONFIG_PATH, input.rudderYml);
  const conflicts = [...(yml?.issues ?? []), ...(md?.issues ?? [])];
  const base: (folder: string) => RudderConfig = md !== undefined ? (f) => fromBacklogMd(md.text, f) : defaultConfig;
  const parsed = yml !== undefined ? parseRudderYml(yml.text, folder, base) : { config: base(folder), issues: [] };
  return conflicts.length ? { config: parsed.config, issues: [...conflicts, ...parsed.issues] } : parsed;
}

/** Returns a configuration file's text as its first version reads (same offsets) and an invalid-config issue per conflict block or stray marker. */
function oursOf(path: string, text: string): { text: string; issues: Issue[] } {
  const lines = new LineIndex(text);
  const found = findConflicts(text, lines);
  if (!found.blocks.length && !found.strays.length) return { text, issues: [] };
  const spans = [...found.blocks.map((b) => [b.open, b.close] as const), ...found.strays.map((l) => [l, l] as const)];
  const issues = spans.map(([a, z]) => ({
    code: 'invalid-config' as const,
    severity: 'error' as const,
    message: `${path.split('/').pop()} has an unresolved merge conflict (${a === z ? `line ${a + 1}` : `lines ${a + 1}–${z + 1}`}): Rudder reads its first version until it is resolved. Keep one version and delete the marker lines.`,
    path,
    range: lines.rangeOf(lines.lineStart(a), lines.lineEnd(z)),
  }));
  return { text: oursAtSameOffsets(text, found, lines), issues };
}

/** Reads what Rudder needs from a Backlog.md `config.yml` (statuses, task prefix); bad values fall back to defaults. */
function fromBacklogMd(text: string, folder: string): RudderConfig {
  const config: Mutable<RudderConfig> = {
    ...defaultConfig(folder),
    priorities: ['high', 'medium', 'low'],
    definitionOfReady: ['acceptance-criteria'],
    source: under(folder, 'config.yml'),
    backlogMd: true,
  };
  let data: unknown;
  try {
    const doc = parseDocument(text, { uniqueKeys: false });
    data = doc.errors.length ? undefined : doc.toJS({ maxAliasCount: 50 });
  } catch {
    data = undefined;
  }
  if (data && typeof data === 'object' && !Array.isArray(data)) {
    const d = data as Record<string, unknown>;
    const statuses = Array.isArray(d.statuses) ? d.statuses.filter((s): s is string => typeof s === 'string' && s.trim() !== '') : [];
    if (statuses.length) {
      config.statuses = statuses;
      // Backlog.md has no "ready": its second column ("In Progress") is the first where work has started.
      config.readyStatus = statuses[Math.min(1, statuses.length - 1)];
      // Done by meaning: [To Do, In Progress, Done, Wontfix] is done at "Done", not at its last status.
      config.doneStatus = doneStatusOf(statuses);
      config.doneStatuses = [config.doneStatus];
      config.droppedStatuses = [];
    }
    if (typeof d.task_prefix === 'string' && d.task_prefix.trim()) config.idPrefix = `${d.task_prefix.trim().toUpperCase()}-`;
    if (Array.isArray(d.definition_of_done)) {
      config.definitionOfDone = d.definition_of_done.filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => x.trim());
    }
  }
  return config;
}

function parseRudderYml(text: string, folderHint: string, base: (folder: string) => RudderConfig): { config: RudderConfig; issues: Issue[] } {
  const lines = new LineIndex(text);
  const issues: Issue[] = [];
  const report = (start: number, end: number, message: string) =>
    issues.push({ code: 'invalid-config', severity: 'error', message, path: CONFIG_PATH, range: lines.rangeOf(start, end) });
  const rangeOf = (n: YamlNode | null | undefined): [number, number] => (n?.range ? [n.range[0], n.range[1]] : [0, 0]);

  let doc;
  try {
    doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  } catch (e) {
    report(0, 0, `.rudder.yml could not be read (${String(e)}). Fix the YAML or delete the file to use the defaults.`);
    return { config: { ...base(folderHint), source: CONFIG_PATH }, issues };
  }
  for (const err of doc.errors) {
    const [s, e] = err.pos;
    report(s, Math.max(e, s), `.rudder.yml is not valid YAML: ${err.message.split('\n')[0]}. Fix the syntax; until then the defaults are used.`);
  }
  if (doc.errors.length) return { config: { ...base(folderHint), source: CONFIG_PATH }, issues };

  const root = doc.contents;
  if (root === null || root === undefined || (isScalar(root) && (root.value === null || root.value === ''))) {
    return { config: { ...base(folderHint), source: CONFIG_PATH }, issues };
  }
  if (!isMap(root)) {
    const [s, e] = rangeOf(root as YamlNode);
    report(s, e, '.rudder.yml must be a mapping of settings (key: value). Rewrite it as `key: value` lines.');
    return { config: { ...base(folderHint), source: CONFIG_PATH }, issues };
  }

  // First pass: the folder, because every default glob derives from it.
  const pairs = new Map<string, { key: YamlNode; value: YamlNode | null }>();
  for (const pair of root.items) {
    const keyNode = pair.key as YamlNode | null;
    const key = isScalar(keyNode) ? String(keyNode.value) : undefined;
    const [ks, ke] = rangeOf(keyNode);
    if (key === undefined) {
      report(ks, ke, 'Keys in .rudder.yml must be plain names. Replace this key with one of the documented settings.');
      continue;
    }
    if (!(CONFIG_KEYS as readonly string[]).includes(key)) {
      const near = suggestNearest(key, CONFIG_KEYS);
      report(ks, ke, `Unknown setting "${key}" in .rudder.yml.${near ? ` Did you mean "${near}"?` : ` Use one of ${quoteList(CONFIG_KEYS)}.`}`);
      continue;
    }
    pairs.set(key, { key: keyNode as YamlNode, value: (pair.value as YamlNode | null) ?? null });
  }

  const str = (key: string): string | undefined => {
    const p = pairs.get(key);
    if (!p) return undefined;
    if (isScalar(p.value) && typeof p.value.value === 'string' && p.value.value.trim() !== '') return p.value.value.trim();
    const [s, e] = p.value ? rangeOf(p.value) : rangeOf(p.key);
    report(s, e, `"${key}" must be a non-empty text value. Write e.g. \`${key}: ${example(key)}\`.`);
    return undefined;
  };
  const strList = (key: string, allowScalar: boolean): { values: string[]; nodes: YamlNode[] } | undefined => {
    const p = pairs.get(key);
    if (!p) return undefined;
    if (allowScalar && isScalar(p.value) && typeof p.value.value === 'string' && p.value.value.trim() !== '') {
      return { values: [p.value.value.trim()], nodes: [p.value] };
    }
    if (isSeq(p.value)) {
      const values: string[] = [];
      const nodes: YamlNode[] = [];
      let ok = true;
      for (const item of p.value.items) {
        if (isScalar(item) && (typeof item.value === 'string' || typeof item.value === 'number') && String(item.value).trim() !== '') {
          values.push(String(item.value).trim());
          nodes.push(item);
        } else {
          ok = false;
          const [s, e] = rangeOf(item as YamlNode);
          report(s, e, `Every item of "${key}" must be a text value. Replace this item with a name.`);
        }
      }
      if (ok && values.length === 0) {
        const [s, e] = rangeOf(p.value);
        report(s, e, `"${key}" must not be empty. List at least one value, or remove the key to use the defaults.`);
        return undefined;
      }
      return ok ? { values, nodes } : undefined;
    }
    const [s, e] = p.value ? rangeOf(p.value) : rangeOf(p.key);
    report(s, e, `"${key}" must be a list${allowScalar ? ' or a single text value' : ''}. Write e.g. \`${key}: [${example(key)}]\`.`);
    return undefined;
  };
  const num = (key: string, min: number, exclusiveMin: boolean): number | undefined => {
    const p = pairs.get(key);
    if (!p) return undefined;
    const v = isScalar(p.value) ? p.value.value : undefined;
    if (typeof v === 'number' && Number.isFinite(v) && (exclusiveMin ? v > min : v >= min)) return v;
    const [s, e] = p.value ? rangeOf(p.value) : rangeOf(p.key);
    report(s, e, `"${key}" must be a number ${exclusiveMin ? 'above' : 'of at least'} ${min}. Write e.g. \`${key}: ${example(key)}\`.`);
    return undefined;
  };

  // Every path and glob must stay inside the root: `backlog: ../../x` or `stories: "../**/*.md"` would read files
  // outside the workspace (or walk the whole file system). Such a value is reported and its default is used.
  const inside = (key: string, value: string, node: YamlNode | null | undefined): boolean => {
    const why = outsideRoot(value);
    if (!why) return true;
    const [s, e] = rangeOf(node);
    report(s, e, `"${key}" is "${value}", which ${why}: Rudder reads only files inside the folder of .rudder.yml. Write a path relative to it, e.g. \`${key}: ${example(key)}\`; until then the default is used.`);
    return false;
  };
  const insideStr = (key: string): string | undefined => {
    const v = str(key);
    return v !== undefined && inside(key, v, pairs.get(key)?.value) ? v : undefined;
  };
  const insideList = (key: string): string[] | undefined => {
    const list = strList(key, true);
    if (!list) return undefined;
    const ok = list.values.filter((v, i) => inside(key, v, list.nodes[i]));
    return ok.length === list.values.length ? ok : ok.length ? ok : undefined;
  };
  const folder = insideStr('backlog') ?? folderHint;
  const config: Mutable<RudderConfig> = { ...base(folder), source: CONFIG_PATH };
  const stories = insideList('stories');
  if (stories) config.stories = stories;
  const exclude = strList('exclude', true);
  if (exclude) config.exclude = exclude.values;
  const vision = insideStr('vision');
  if (vision) config.vision = vision;
  const milestones = insideStr('milestones');
  if (milestones) config.milestones = milestones;
  const statuses = strList('statuses', false);
  if (statuses) config.statuses = statuses.values;
  const priorities = strList('priorities', false);
  if (priorities) config.priorities = priorities.values;

  const statusSetting = (key: 'readyStatus' | 'doneStatus') => {
    const v = str(key);
    if (v === undefined) {
      // When the workflow was replaced, a default status that is no longer in it would make every rule misfire.
      if (statuses && !config.statuses.includes(config[key])) {
        config[key] = key === 'doneStatus' ? doneStatusOf(config.statuses) : config.statuses[Math.min(1, config.statuses.length - 1)];
      }
      return;
    }
    const match = config.statuses.find((s) => s.toLowerCase() === v.toLowerCase());
    if (match) {
      config[key] = match;
      return;
    }
    const p = pairs.get(key)!;
    const [s, e] = rangeOf(p.value);
    const near = suggestNearest(v, config.statuses);
    report(s, e, `"${key}" is "${v}", which is not one of the statuses ${quoteList(config.statuses)}.${near ? ` Did you mean "${near}"?` : ' Use one of them.'}`);
    if (!config.statuses.includes(config[key])) {
      config[key] = key === 'doneStatus' ? doneStatusOf(config.statuses) : config.statuses[Math.min(1, config.statuses.length - 1)];
    }
  };
  statusSetting('readyStatus');
  statusSetting('doneStatus');
  // Statuses that mean done or dropped besides the ones named so; each must be one of the workflow's.
  const statusList = (key: 'doneStatuses' | 'droppedStatuses'): string[] | undefined => {
    const list = strList(key, true);
    if (!list) return undefined;
    const out: string[] = [];
    list.values.forEach((v, i) => {
      const match = config.statuses.find((s) => s.toLowerCase() === v.toLowerCase());
      if (match) out.push(match);
      else {
        const [s, e] = rangeOf(list.nodes[i]);
        const near = suggestNearest(v, config.statuses);
        report(s, e, `"${key}" names "${v}", which is not one of the statuses ${quoteList(config.statuses)}.${near ? ` Did you mean "${near}"?` : ' Use one of them.'}`);
      }
    });
    return out;
  };
  config.doneStatuses = [...new Set([config.doneStatus, ...(statusList('doneStatuses') ?? [])])];
  config.droppedStatuses = statusList('droppedStatuses') ?? [];

  const dor = strList('definitionOfReady', false);
  if (dor) {
    const checks: ReadyCheck[] = [];
    dor.values.forEach((v, i) => {
      if ((READY_CHECKS as readonly string[]).includes(v)) checks.push(v as ReadyCheck);
      else {
        const [s, e] = rangeOf(dor.nodes[i]);
        const near = suggestNearest(v, READY_CHECKS);
        report(s, e, `Unknown Definition of Ready check "${v}".${near ? ` Did you mean "${near}"?` : ` Use ${quoteList(READY_CHECKS)}.`}`);
      }
    });
    config.definitionOfReady = checks;
  }
  // An empty list is allowed: it turns off a Definition of Done that Backlog.md's config.yml gave.
  const dodPair = pairs.get('definitionOfDone');
  if (dodPair && isSeq(dodPair.value) && dodPair.value.items.length === 0) config.definitionOfDone = [];
  else {
    const dod = strList('definitionOfDone', true);
    if (dod) config.definitionOfDone = dod.values;
  }
  const rules = pairs.get('rules');
  if (rules) {
    if (!isMap(rules.value)) {
      const [s, e] = rules.value ? rangeOf(rules.value) : rangeOf(rules.key);
      report(s, e, '"rules" must map rule codes to error, warning, info or off, e.g. `rules: { missing-user-story: off }`.');
    } else {
      const out: Record<string, RuleSetting> = {};
      for (const pair of rules.value.items) {
        const k = pair.key as YamlNode | null;
        const code = isScalar(k) ? String(k.value) : '';
        if (!(ISSUE_CODES as readonly string[]).includes(code)) {
          const [s, e] = rangeOf(k);
          const near = suggestNearest(code, ISSUE_CODES);
          report(s, e, `Unknown rule code "${code}".${near ? ` Did you mean "${near}"?` : ' See docs/rules.md for the list of codes.'}`);
          continue;
        }
        const v = pair.value as YamlNode | null;
        const setting = isScalar(v) ? String(v.value) : '';
        if (!(RULE_SETTINGS as readonly string[]).includes(setting)) {
          const [s, e] = v ? rangeOf(v) : rangeOf(k);
          const near = suggestNearest(setting, RULE_SETTINGS);
          report(s, e, `Rule "${code}" is set to "${setting}"; use error, warning, info or off.${near ? ` Did you mean "${near}"?` : ''}`);
          continue;
        }
        out[code] = setting as RuleSetting;
      }
      config.rules = out;
    }
  }
  const split = num('splitThreshold', 0, false);
  if (split !== undefined) config.splitThreshold = split;
  const prefix = str('idPrefix');
  if (prefix) config.idPrefix = prefix;
  const velocity = num('velocity', 0, true);
  if (velocity !== undefined) config.velocity = velocity;
  // Reported in file order, whatever order the checks ran in.
  issues.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return { config, issues };
}

/** Returns why a configured path or glob would leave the root (absolute, a drive, '..', a backslash), else undefined. */
export function outsideRoot(value: string): string | undefined {
  const v = value.trim();
  if (v.startsWith('/') || v.startsWith('~')) return 'is an absolute path';
  if (/^[A-Za-z]:/.test(v) || v.includes('\\')) return 'is a Windows path';
  if (v.split('/').some((seg) => seg === '..')) return 'goes up out of the folder (..)';
  return undefined;
}

function example(key: string): string {
  const examples: Record<string, string> = {
    backlog: 'backlog',
    stories: 'backlog/**/*.md',
    exclude: '**/archive/**',
    vision: 'backlog/vision.md',
    milestones: 'backlog/milestones/*.md',
    statuses: 'draft, ready, in-progress, done',
    readyStatus: 'ready',
    doneStatus: 'done',
    doneStatuses: 'done, released',
    droppedStatuses: 'dropped, wontfix',
    priorities: 'must, should, could, wont',
    definitionOfReady: 'acceptance-criteria, estimate',
    definitionOfDone: '"Tests pass", "Docs updated"',
    splitThreshold: '13',
    idPrefix: 'S-',
    velocity: '20',
  };
  return examples[key] ?? 'value';
}
