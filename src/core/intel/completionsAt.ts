import type { Position, Range } from '../model/range';
import type { BacklogIndex } from '../index/backlogIndex';
import { FIELDS, fieldOfKey } from '../model/fields';
import { frontMatterContext } from './frontMatterContext';

export type CompletionKind = 'field' | 'value' | 'story' | 'epic' | 'goal' | 'milestone';

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

const TYPES = ['story', 'epic', 'bug', 'spike', 'task'];

/** Returns the completion proposals at a position of a story (or milestone) file's front matter; [] elsewhere. */
export function completionsAt(index: BacklogIndex, path: string, text: string, position: Position): IntelCompletion[] {
  const ctx = frontMatterContext(text, position);
  if (!ctx) return [];
  const range = ctx.word;
  const sort = (i: number) => String(i).padStart(5, '0');
  if (ctx.place === 'key') {
    const present = new Set(ctx.presentKeys.filter((k) => k !== ctx.key));
    // Rudder's own keys (an alias is accepted, never proposed), from the field table.
    return FIELDS.filter((f) => !f.foreign && !present.has(f.key)).map((f, i) => ({
      label: f.key,
      kind: 'field' as const,
      detail: f.shape === 'list' ? 'list' : undefined,
      documentation: f.doc,
      insertText: `${f.key}: `,
      range,
      sortText: sort(i),
    }));
  }
  const config = index.config;
  const enumItems = (values: readonly string[], doc: string): IntelCompletion[] =>
    values.map((v, i) => ({ label: v, kind: 'value' as const, documentation: doc, insertText: v, range, sortText: sort(i) }));
  const self = index.story(path);
  const existing = new Set(ctx.existingValues);
  const spec = ctx.key === undefined ? undefined : fieldOfKey(ctx.key);
  switch (spec?.references ?? spec?.type) {
    case 'status':
      return enumItems(config.statuses, `Workflow status. Ready is \`${config.readyStatus}\`, done is \`${config.doneStatus}\`.`);
    case 'priority':
      return enumItems(config.priorities, 'Priority.');
    case 'type':
      return enumItems(TYPES, spec!.doc);
    case 'goal':
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
    case 'epic':
    case 'story': {
      // Only `epic:` itself proposes epics alone; Backlog.md's `parent_task_id` names any task.
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
