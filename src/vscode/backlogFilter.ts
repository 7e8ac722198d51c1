import * as vscode from 'vscode';
import type { Story } from '../core/model/story';
import type { BacklogSessions } from './backlogSessions';

/** What the backlog tree shows: stories matching every field that is set (case-insensitive). */
export interface BacklogFilter {
  /** Substring of the title, id, path or user story. */
  readonly text?: string;
  readonly status?: string;
  readonly label?: string;
  readonly assignee?: string;
}

/** Returns true when the filter has no field set. */
export function isEmptyFilter(filter: BacklogFilter | undefined): boolean {
  return !filter || !(filter.text || filter.status || filter.label || filter.assignee);
}

/** Returns true when a story matches every field of the filter. */
export function matchesFilter(story: Story, filter: BacklogFilter | undefined): boolean {
  if (!filter) return true;
  const eq = (a: string | undefined, b: string) => (a ?? '').toLowerCase() === b.toLowerCase();
  if (filter.status && !eq(story.status, filter.status)) return false;
  if (filter.label && !story.labels.some((l) => eq(l, filter.label!))) return false;
  if (filter.assignee && !story.assignee.some((a) => eq(a, filter.assignee!))) return false;
  if (filter.text) {
    const needle = filter.text.toLowerCase();
    const hay = [story.title, story.id ?? '', story.path, story.userStory?.text ?? ''].join('\n').toLowerCase();
    if (!hay.includes(needle)) return false;
  }
  return true;
}

/** Returns the filter as shown in the view's description: `status: ready · "csv"`. */
export function describeFilter(filter: BacklogFilter | undefined): string | undefined {
  if (isEmptyFilter(filter)) return undefined;
  const parts: string[] = [];
  if (filter!.text) parts.push(`"${filter!.text}"`);
  if (filter!.status) parts.push(`status: ${filter!.status}`);
  if (filter!.label) parts.push(`label: ${filter!.label}`);
  if (filter!.assignee) parts.push(`assignee: ${filter!.assignee}`);
  return `Filter: ${parts.join(' · ')}`;
}

type FilterField = keyof BacklogFilter;

/** Asks the user for one filter field (a quick pick of fields, then a value); returns the new filter, or undefined when cancelled. */
export async function pickFilter(sessions: BacklogSessions, current: BacklogFilter | undefined): Promise<BacklogFilter | undefined> {
  const fields: (vscode.QuickPickItem & { field: FilterField })[] = [
    { field: 'text', label: '$(search) Text', description: current?.text ? `"${current.text}"` : 'title, id or user story contains…' },
    { field: 'status', label: '$(circle-large-outline) Status', description: current?.status },
    { field: 'label', label: '$(tag) Label', description: current?.label },
    { field: 'assignee', label: '$(person) Assignee', description: current?.assignee },
  ];
  const field = await vscode.window.showQuickPick(fields, { title: 'Filter the backlog', placeHolder: 'Filter by…' });
  if (!field) return undefined;
  if (field.field === 'text') {
    const text = await vscode.window.showInputBox({ title: 'Filter the backlog by text', value: current?.text ?? '', prompt: 'Shows stories whose title, id or user story contains this text (empty: no text filter)' });
    return text === undefined ? undefined : { ...current, text: text.trim() || undefined };
  }
  const values = new Map<string, number>();
  for (const s of sessions.all()) {
    for (const story of s.index.stories()) {
      const vs = field.field === 'status' ? (story.status ? [story.status] : []) : field.field === 'label' ? story.labels : story.assignee;
      for (const v of vs) values.set(v, (values.get(v) ?? 0) + 1);
    }
  }
  if (field.field === 'status') for (const s of sessions.all()) for (const st of s.index.config.statuses) if (!values.has(st)) values.set(st, 0);
  const items: vscode.QuickPickItem[] = [{ label: '(any)', description: `no ${field.field} filter` }, ...[...values].map(([v, n]) => ({ label: v, description: `${n} ${n === 1 ? 'story' : 'stories'}` }))];
  const picked = await vscode.window.showQuickPick(items, { title: `Filter the backlog by ${field.field}` });
  if (!picked) return undefined;
  return { ...current, [field.field]: picked.label === '(any)' ? undefined : picked.label };
}
