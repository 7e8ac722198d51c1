// A story (or epic) chip: focusable, clickable, draggable, with its status, points, criteria,
// dependencies and warnings; the texts screen readers and tooltips give for it.
import type { RoadmapStory } from '../../../core/roadmap/roadmapModel';
import { h, icon } from '../dom';
import type { RenderContext } from '../renderContext';

/** Returns the tooltip of a story chip: status, points, the user story, criteria, dependencies and warnings. */
export function storyTooltip(s: RoadmapStory, ctx: RenderContext): string {
  const lines = [`${s.id ? `${s.id} ` : ''}${s.title}`];
  lines.push(`Status: ${s.status ?? 'none'}${s.points !== undefined ? ` · ${s.points} points` : ' · no estimate'}`);
  if (s.epic) lines.push(`Epic: ${s.epic}`);
  if (s.goals.length) lines.push(`Goals: ${s.goals.join(', ')}`);
  if (s.labels.length) lines.push(`Labels: ${s.labels.join(', ')}`);
  if (s.userStory) lines.push('', s.userStory);
  if (s.criteria.length) {
    lines.push('', `Acceptance criteria (${s.acDone}/${s.acTotal}):`);
    for (const c of s.criteria.slice(0, 12)) lines.push(`${c.done ? '☑' : '☐'} ${c.text}`);
    if (s.criteria.length > 12) lines.push(`… ${s.criteria.length - 12} more`);
  }
  if (s.dependsOn.length) lines.push('', `Depends on: ${s.dependsOn.join(', ')}`);
  if (s.blockedBy.length) lines.push(`Blocked: waits for ${s.blockedBy.join(', ')}`);
  const dependents = ctx.dependents.get(s.path);
  if (dependents?.length) lines.push(`Needed by: ${dependents.map((p) => ctx.model.stories[p]?.id ?? p).join(', ')}`);
  for (const w of ctx.warningsByPath.get(s.path) ?? []) lines.push(`⚠ ${w.message}`);
  return lines.join('\n');
}

/** Returns what a screen reader says for a story: kind, id, title, status, estimate, criteria, dependencies, warnings. */
export function storyAriaLabel(s: RoadmapStory, ctx: RenderContext): string {
  const parts = [`${s.isEpic ? 'Epic' : 'Story'} ${s.id ?? ''}: ${s.title}`, `status ${s.status ?? 'none'}`];
  parts.push(s.points !== undefined ? `${s.points} points` : 'no estimate');
  if (s.acTotal > 0) parts.push(`${s.acDone} of ${s.acTotal} criteria done`);
  if (s.dependsOn.length) parts.push(`depends on ${s.dependsOn.join(', ')}`);
  if (s.blockedBy.length) parts.push(`blocked, waits for ${s.blockedBy.join(', ')}`);
  const warnings = ctx.warningsByPath.get(s.path);
  if (warnings?.length) parts.push(`warning: ${warnings.map((w) => w.message).join('; ')}`);
  return parts.join(', ');
}

/** The codicon of each status category. */
export const CATEGORY_ICON: Readonly<Record<RoadmapStory['category'], string>> = { todo: 'circle-outline', doing: 'circle-filled', done: 'pass-filled', dropped: 'circle-slash' };

/** Returns a focusable, clickable, draggable chip for one story or epic. */
export function storyChip(s: RoadmapStory, ctx: RenderContext, extra?: string): HTMLElement {
  const warned = (ctx.warningsByPath.get(s.path)?.length ?? 0) > 0;
  const el = h(
    'div',
    `chip cat-${s.category}${s.isEpic ? ' epic' : ''}${warned ? ' warned' : ''}${s.blockedBy.length ? ' blocked' : ''}`,
    // The tooltip (title) is set on first hover or focus: building 1,000 of them up front costs more than the chips.
    { role: 'button', tabindex: -1, 'data-path': s.path, draggable: ctx.readonly ? undefined : 'true', 'aria-label': storyAriaLabel(s, ctx) },
    icon(s.isEpic ? 'layers' : CATEGORY_ICON[s.category], 'chip-status'),
    s.id ? h('span', 'chip-id', undefined, s.id) : undefined,
    h('span', 'chip-title', undefined, s.title),
    extra ? h('span', 'chip-extra', undefined, extra) : undefined,
    s.points !== undefined ? h('span', 'chip-points', undefined, String(s.points)) : undefined,
    s.acTotal > 0 && !s.isEpic ? h('span', `chip-ac${s.acDone === s.acTotal ? ' complete' : ''}`, undefined, icon('checklist'), `${s.acDone}/${s.acTotal}`) : undefined,
    s.dependsOn.length > 0 ? h('span', 'chip-deps', undefined, icon(s.blockedBy.length ? 'debug-pause' : 'link'), String(s.dependsOn.length)) : undefined,
    warned ? icon('warning', 'chip-warn') : undefined,
  );
  return el;
}
