import * as vscode from 'vscode';
import { FILTER_FIELDS, type FilterField, type StoryFilter } from '../core/query/storyFilter';
import type { BacklogSessions } from './backlogSessions';
import { plural } from '../core/model/plural';

const FIELD_ITEMS: Record<FilterField, { icon: string; label: string; hint?: string }> = {
  text: { icon: 'search', label: 'Text', hint: 'title, id or user story contains…' },
  status: { icon: 'circle-large-outline', label: 'Status' },
  label: { icon: 'tag', label: 'Label' },
  assignee: { icon: 'person', label: 'Assignee' },
  epic: { icon: 'layers', label: 'Epic' },
  milestone: { icon: 'milestone', label: 'Milestone' },
  iteration: { icon: 'calendar', label: 'Iteration' },
  goal: { icon: 'target', label: 'Vision goal' },
};

/** Asks the user for one filter field (a quick pick of fields, then a value); returns the new filter, or undefined when cancelled. */
export async function pickFilter(sessions: BacklogSessions, current: StoryFilter | undefined): Promise<StoryFilter | undefined> {
  const fields = FILTER_FIELDS.map((f) => ({
    field: f,
    label: `$(${FIELD_ITEMS[f].icon}) ${FIELD_ITEMS[f].label}`,
    description: current?.[f] ? (f === 'text' ? `"${current.text}"` : current[f]) : FIELD_ITEMS[f].hint,
  }));
  const field = await vscode.window.showQuickPick(fields, { title: 'Filter the backlog', placeHolder: 'Filter by…' });
  if (!field) return undefined;
  if (field.field === 'text') {
    const text = await vscode.window.showInputBox({ title: 'Filter the backlog by text', value: current?.text ?? '', prompt: 'Shows stories whose title, id or user story contains this text (empty: no text filter)' });
    return text === undefined ? undefined : { ...current, text: text.trim() || undefined };
  }
  const values = valuesOf(sessions, field.field);
  const items: vscode.QuickPickItem[] = [
    { label: '(any)', description: `no ${FIELD_ITEMS[field.field].label.toLowerCase()} filter` },
    ...[...values].map(([v, { n, name }]) => ({ label: v, description: [name, plural(n, 'story', 'stories')].filter(Boolean).join(' · ') })),
  ];
  const picked = await vscode.window.showQuickPick(items, { title: `Filter the backlog by ${FIELD_ITEMS[field.field].label.toLowerCase()}` });
  if (!picked) return undefined;
  return { ...current, [field.field]: picked.label === '(any)' ? undefined : picked.label };
}

/** Returns the values a field takes in the backlogs, with how many stories have each (and a name to show). */
function valuesOf(sessions: BacklogSessions, field: Exclude<FilterField, 'text'>): Map<string, { n: number; name?: string }> {
  const values = new Map<string, { n: number; name?: string }>();
  const add = (v: string, name?: string, n = 1) => {
    const e = values.get(v);
    if (e) e.n += n;
    else values.set(v, { n, name });
  };
  for (const s of sessions.all()) {
    const index = s.index;
    if (field === 'status') for (const st of index.config.statuses) add(st, undefined, 0);
    if (field === 'milestone') for (const m of index.allMilestones()) add(m.id, m.byName ? undefined : m.title, 0);
    if (field === 'iteration') for (const it of index.iterations()) add(it.id, it.title, 0);
    if (field === 'goal') for (const g of index.vision()?.goals ?? []) add(g.id, g.title, 0);
    if (field === 'epic') for (const e of index.stories()) if (e.type === 'epic' && e.id) add(e.id, e.title, 0);
    for (const story of index.stories()) {
      const vs =
        field === 'status' ? (story.status ? [story.status] : [])
        : field === 'label' ? story.labels
        : field === 'assignee' ? story.assignee
        : field === 'epic' ? (story.epic ? [index.byId(story.epic)[0]?.id ?? story.epic] : [])
        : field === 'milestone' ? (story.milestone ? [index.milestoneOrNamed(story.milestone)?.id ?? story.milestone] : [])
        : field === 'iteration' ? (story.iteration ? [index.iteration(story.iteration)?.id ?? story.iteration] : [])
        : index.goalsOf(story);
      for (const v of vs) add([...values.keys()].find((k) => k.toLowerCase() === v.toLowerCase()) ?? v);
    }
  }
  return values;
}
