import { isClosed, statusCategory } from '../config/workflow';
import type { RudderConfig } from '../model/config';
import type { Story } from '../model/story';
import type { TextOf } from './fileText';
import { setFieldsPlan, type FieldPlan } from './setFields';

/** The plan of "reopen": the status edits, the status written, and the stories left alone with the reason. */
export interface ReopenPlan extends FieldPlan {
  /** The status the stories reopen to; undefined when none could be chosen. */
  readonly status?: string;
  readonly refused: readonly { readonly path: string; readonly reason: string }[];
}

const isOpen = (status: string, config: RudderConfig): boolean => {
  const c = statusCategory(status, config);
  return c !== 'done' && c !== 'dropped';
};

/**
 * Returns the status a done or dropped story reopens to: the workflow's ready status; when that one means done or
 * dropped (a Backlog.md workflow `To Do, Done` makes `Done` the ready status), the nearest open status before the
 * first done status of the workflow, else its first open status; undefined when the workflow has no open status.
 */
export function reopenStatus(config: RudderConfig): string | undefined {
  if (isOpen(config.readyStatus, config)) return config.readyStatus;
  const statuses = config.statuses;
  const done = statuses.findIndex((s) => statusCategory(s, config) === 'done');
  for (let i = (done < 0 ? statuses.length : done) - 1; i >= 0; i--) if (isOpen(statuses[i], config)) return statuses[i];
  return statuses.find((s) => isOpen(s, config));
}

/**
 * Returns the plan that sets done or dropped stories back to an open status: `wanted` (one of the workflow's open
 * statuses, any case) or `reopenStatus`. Stories that are not closed, or that a status cannot reopen (a Backlog.md
 * task in `completed/` is done by its folder), are refused with a reason and left unchanged.
 */
export function reopenPlan(stories: readonly Story[], config: RudderConfig, text: TextOf, wanted?: string): ReopenPlan {
  const label = (s: Story) => s.id ?? s.title;
  const everyone = (reason: string): ReopenPlan => ({ edits: [], skipped: [], refused: stories.map((s) => ({ path: s.path, reason })) });
  let status: string | undefined;
  if (wanted !== undefined) {
    status = config.statuses.find((s) => s.toLowerCase() === wanted.trim().toLowerCase());
    if (status === undefined) return everyone(`"${wanted}" is not a status of the workflow (${config.statuses.join(', ')})`);
    if (!isOpen(status, config)) return everyone(`"${status}" is done or dropped: a story reopens to an open status`);
  } else {
    status = reopenStatus(config);
    if (status === undefined) return everyone('the workflow has no status that is neither done nor dropped');
  }
  const reopen: string[] = [];
  const refused: { path: string; reason: string }[] = [];
  for (const s of stories) {
    if (!isClosed(s, config)) refused.push({ path: s.path, reason: `${label(s)} is not done or dropped: there is nothing to reopen` });
    else if (isClosed({ path: s.path, status }, config)) refused.push({ path: s.path, reason: `${label(s)} is done by its folder (Backlog.md's completed/): move the file out of it to reopen it` });
    else reopen.push(s.path);
  }
  return { ...setFieldsPlan(reopen, { status }, text), status, refused };
}
