import type { Position, Range } from '../model/range';
import type { BacklogIndex } from '../index/backlogIndex';
import { frontMatterContext } from './frontMatterContext';

export type CompletionKind = 'field' | 'value' | 'story' | 'epic' | 'goal' | 'milestone' | 'iteration';

/** One completion proposal, editor-neutral. */
export interface IntelCompletion {
  readonly label: string;
  readonly kind: CompletionKind;
  /** Short text shown beside the label (a title, a field's type). */
  readonly detail?: string;
  /** Markdown documentation. */
  readonly documentation?: string;
  readonly insertText: string;
  /** The range the insert text replaces. */
  readonly range: Range;
  /** Orders the list (lexicographic); keeps backlog/workflow order instead of alphabetical. */
  readonly sortText: string;
}

/** The story fields Rudder understands, with a one-line explanation each. */
export const FIELD_DOCS: Readonly<Record<string, string>> = {
  id: 'Unique id of the story, e.g. `S-12`. Other stories refer to it.',
  title: 'Short title shown in the backlog (else the first `#` heading).',
  type: 'Kind of item: `story` (default), `epic`, `bug`, `spike` or `task`.',
  status: 'Where the story is in the workflow (see `statuses` in `.rudder.yml`).',
  rank: 'Fractional rank key: lower sorts first. Set it by dragging in the backlog rather than by hand.',
  priority: 'Priority (default MoSCoW: `must`, `should`, `could`, `wont`). Orders unranked stories.',
  estimate: 'Size in story points (a non-negative number).',
  value: 'Business value (WSJF input).',
  time_criticality: 'Time criticality (WSJF input).',
  risk_reduction: 'Risk reduction / opportunity enablement (WSJF input).',
  reach: 'People or events affected per period (RICE input).',
  impact: 'Impact per person (RICE input).',
  confidence: 'Confidence in the estimates, 0–1 or a percentage (RICE input).',
  epic: 'Id of the epic this story belongs to.',
  milestone: 'Id of the milestone this story is planned for.',
  iteration: 'Id of the iteration (sprint) this story is planned into.',
  vision: 'Vision goal id (or list of ids) this story serves.',
  depends_on: 'Ids of stories that must be done first.',
  labels: 'Free-form labels.',
  assignee: 'Who works on it.',
  persona: 'The user this story is for.',
  created: 'Creation date (YYYY-MM-DD).',
  updated: 'Last update date (YYYY-MM-DD).',
  split_from: 'Id of the story this one was split from.',
};

const TYPES = ['story', 'epic', 'bug', 'spike', 'task'];
const LIST_FIELDS = new Set(['vision', 'depends_on', 'dependencies', 'labels', 'assignee']);

/** Returns the completion proposals at a position of a story (or milestone) file's front matter; [] elsewhere. */
export function completionsAt(index: BacklogIndex, path: string, text: string, position: Position): IntelCompletion[] {
  const ctx = frontMatterContext(text, position);
  if (!ctx) return [];
  const range = ctx.word;
  const sort = (i: number) => String(i).padStart(5, '0');
  if (ctx.place === 'key') {
    const present = new Set(ctx.presentKeys.filter((k) => k !== ctx.key));
    return Object.keys(FIELD_DOCS)
      .filter((k) => !present.has(k))
      .map((k, i) => ({
        label: k,
        kind: 'field' as const,
        detail: LIST_FIELDS.has(k) ? 'list' : undefined,
        documentation: FIELD_DOCS[k],
        insertText: `${k}: `,
        range,
        sortText: sort(i),
      }));
  }
  const config = index.config;
  const enumItems = (values: readonly string[], doc: string): IntelCompletion[] =>
    values.map((v, i) => ({ label: v, kind: 'value' as const, documentation: doc, insertText: v, range, sortText: sort(i) }));
  const self = index.story(path);
  const existing = new Set(ctx.existingValues);
  switch (ctx.key) {
    case 'status':
      return enumItems(config.statuses, `Workflow status. Ready is \`${config.readyStatus}\`, done is \`${config.doneStatus}\`.`);
    case 'priority':
      return enumItems(config.priorities, 'Priority.');
    case 'type':
      return enumItems(TYPES, FIELD_DOCS.type);
    case 'vision':
      return (index.vision()?.goals ?? [])
        .filter((g) => !existing.has(g.id))
        .map((g, i) => ({
          label: g.id,
          kind: 'goal' as const,
          detail: g.title,
          documentation: g.metric ? `**${g.title}**\n\nMetric: ${g.metric}` : `**${g.title}**`,
          insertText: g.id,
          range,
          sortText: sort(i),
        }));
    case 'milestone':
      return index.milestones().map((m, i) => ({
        label: m.id,
        kind: 'milestone' as const,
        detail: m.title,
        documentation: [m.start && `Start: ${m.start}`, m.due && `Due: ${m.due}`].filter(Boolean).join('  \n') || undefined,
        insertText: m.id,
        range,
        sortText: sort(i),
      }));
    case 'iteration':
      return index.iterations().map((it, i) => ({
        label: it.id,
        kind: 'iteration' as const,
        detail: it.title,
        documentation: [it.start && it.end && `${it.start} → ${it.end}`, it.capacity !== undefined && `Capacity: ${it.capacity} pts`, it.goal && `Goal: ${it.goal}`].filter(Boolean).join('  \n') || undefined,
        insertText: it.id,
        range,
        sortText: sort(i),
      }));
    case 'epic':
    case 'parent':
    case 'parent_task_id':
    case 'depends_on':
    case 'dependencies':
    case 'split_from': {
      const epicsOnly = ctx.key === 'epic';
      return index
        .stories()
        .filter((s) => s.id !== undefined && s.path !== path && s.id !== self?.id && !existing.has(s.id))
        .filter((s) => !epicsOnly || s.type === 'epic')
        .map((s, i) => ({
          label: s.id as string,
          kind: epicsOnly ? ('epic' as const) : ('story' as const),
          detail: s.title,
          documentation: [s.status && `Status: ${s.status}`, s.estimate !== undefined && `${s.estimate} pts`].filter(Boolean).join(' · ') || undefined,
          insertText: s.id as string,
          range,
          sortText: sort(i),
        }));
    }
    default:
      return [];
  }
}
