import type { Story } from './story';

// The one table of story fields: every front-matter key Rudder reads, the keys other tools write for the same thing
// (Backlog.md's `dependencies`, `parent_task_id`, `created_date`, …), what kind of value it holds, where completion
// proposals come from and which rule reports a bad value. The parser, the rules (invalid-field, unknown-reference),
// completions, hovers' reference lookup, quick fixes and grooming (the key a command writes) read it; docs/format.md's
// field table is checked against it (test/unit/model/fields.test.ts).

/** What a field's value is, as read and as validated. */
export type FieldType =
  /** Free text (ids, titles, names). */
  | 'text'
  /** A non-negative number, or any number (WSJF and RICE inputs). */
  | 'number'
  /** YYYY-MM-DD, optionally with a time. */
  | 'date'
  /** A fractional rank key (0-9A-Za-z). */
  | 'rank'
  /** One of the workflow's statuses. */
  | 'status'
  /** One of the configured priorities. */
  | 'priority'
  /** story, epic, bug, spike, task (free in Backlog.md mode). */
  | 'type';

/** What the values of a reference field name: completion proposals and go-to-definition follow it. */
export type Reference = 'story' | 'epic' | 'goal' | 'milestone';

/** One story field. */
export interface FieldSpec {
  /** Rudder's own key (what it writes in a file that has none yet). */
  readonly key: string;
  /** Keys other tools write for the same field, read in this order after `key` (the first present wins). */
  readonly aliases: readonly string[];
  /** The Story property it fills; none for a field only validated (Backlog.md's `completed_date`). */
  readonly prop?: keyof Story;
  /** One value, or a list (a single value where a list belongs is a list of one). */
  readonly shape: 'scalar' | 'list';
  readonly type: FieldType;
  /** The smallest valid number (estimates and score inputs are never negative); a smaller one is reported and not read. */
  readonly min?: number;
  /** What its values name, when they are references to other items. */
  readonly references?: Reference;
  /** Another tool's field (Backlog.md's `ordinal`, `completed_date`): read and checked, never proposed by completion. */
  readonly foreign?: true;
  /** The rule that reports a bad value. */
  readonly rule: 'invalid-field' | 'unknown-reference' | 'unknown-vision-goal';
  /** One line shown by completion. */
  readonly doc: string;
}

const f = (key: string, spec: Omit<FieldSpec, 'key' | 'aliases' | 'rule'> & { aliases?: readonly string[]; rule?: FieldSpec['rule'] }): FieldSpec => ({
  ...spec,
  key,
  aliases: spec.aliases ?? [],
  rule: spec.rule ?? 'invalid-field',
});

/** Every story field, in the order completion offers them. */
export const FIELDS: readonly FieldSpec[] = [
  f('id', { prop: 'id', shape: 'scalar', type: 'text', doc: 'Unique id of the story, e.g. `S-12`. Other stories refer to it.' }),
  f('title', { prop: 'title', shape: 'scalar', type: 'text', doc: 'Short title shown in the backlog (else the first `#` heading).' }),
  f('type', { prop: 'type', shape: 'scalar', type: 'type', doc: 'Kind of item: `story` (default), `epic`, `bug`, `spike` or `task`.' }),
  f('status', { prop: 'status', shape: 'scalar', type: 'status', doc: 'Where the story is in the workflow (see `statuses` in `.rudder.yml`).' }),
  f('rank', { prop: 'rank', shape: 'scalar', type: 'rank', doc: 'Fractional rank key: lower sorts first. Set it by dragging in the backlog rather than by hand.' }),
  f('ordinal', { foreign: true, prop: 'ordinal', shape: 'scalar', type: 'number', doc: "Backlog.md's order (lower first): ordered like `rank` when there is none." }),
  f('priority', { prop: 'priority', shape: 'scalar', type: 'priority', doc: 'Priority (default MoSCoW: `must`, `should`, `could`, `wont`). Orders unranked stories.' }),
  f('estimate', { min: 0, prop: 'estimate', shape: 'scalar', type: 'number', doc: 'Size in story points (a non-negative number).' }),
  f('value', { min: 0, prop: 'value', shape: 'scalar', type: 'number', doc: 'Business value (WSJF input).' }),
  f('time_criticality', { min: 0, prop: 'timeCriticality', shape: 'scalar', type: 'number', doc: 'Time criticality (WSJF input).' }),
  f('risk_reduction', { min: 0, prop: 'riskReduction', shape: 'scalar', type: 'number', doc: 'Risk reduction / opportunity enablement (WSJF input).' }),
  f('reach', { min: 0, prop: 'reach', shape: 'scalar', type: 'number', doc: 'People or events affected per period (RICE input).' }),
  f('impact', { min: 0, prop: 'impact', shape: 'scalar', type: 'number', doc: 'Impact per person (RICE input).' }),
  f('confidence', { min: 0, prop: 'confidence', shape: 'scalar', type: 'number', doc: 'Confidence in the estimates, 0–1 or a percentage (RICE input).' }),
  f('epic', { prop: 'epic', aliases: ['parent_task_id', 'parent'], shape: 'scalar', type: 'text', references: 'epic', rule: 'unknown-reference', doc: 'Id of the epic this story belongs to.' }),
  f('milestone', { prop: 'milestone', shape: 'scalar', type: 'text', references: 'milestone', rule: 'unknown-reference', doc: 'Id of the milestone this story is planned for.' }),
  f('vision', { prop: 'vision', shape: 'list', type: 'text', references: 'goal', rule: 'unknown-vision-goal', doc: 'Vision goal id (or list of ids) this story serves.' }),
  f('depends_on', { prop: 'dependsOn', aliases: ['dependencies'], shape: 'list', type: 'text', references: 'story', rule: 'unknown-reference', doc: 'Ids of stories that must be done first.' }),
  f('labels', { prop: 'labels', shape: 'list', type: 'text', doc: 'Free-form labels.' }),
  f('assignee', { prop: 'assignee', shape: 'list', type: 'text', doc: 'Who works on it.' }),
  f('persona', { prop: 'persona', shape: 'scalar', type: 'text', doc: 'The user this story is for.' }),
  f('created', { prop: 'created', aliases: ['created_date'], shape: 'scalar', type: 'date', doc: 'Creation date (YYYY-MM-DD).' }),
  f('updated', { prop: 'updated', aliases: ['updated_date'], shape: 'scalar', type: 'date', doc: 'Last update date (YYYY-MM-DD).' }),
  f('completed_date', { foreign: true, shape: 'scalar', type: 'date', doc: "Backlog.md's completion date (YYYY-MM-DD)." }),
  f('split_from', { prop: 'splitFrom', shape: 'scalar', type: 'text', references: 'story', doc: 'Id of the story this one was split from.' }),
];

const BY_KEY = new Map<string, FieldSpec>(FIELDS.flatMap((s) => [s.key, ...s.aliases].map((k) => [k, s] as const)));

/** Returns the field a front-matter key (its own or an alias) belongs to. */
export function fieldOfKey(key: string): FieldSpec | undefined {
  return BY_KEY.get(key);
}

/** Returns every key a field may be written under: its own first, then its aliases (the parser's reading order). */
export function keysOfField(key: string): readonly string[] {
  const spec = BY_KEY.get(key);
  return spec ? [spec.key, ...spec.aliases] : [key];
}

/** Every front-matter key (own and aliases) of the fields matching `test`. */
export function keysWhere(test: (spec: FieldSpec) => boolean): string[] {
  return FIELDS.filter(test).flatMap((s) => [s.key, ...s.aliases]);
}
