// A milestone's work as chips: the epics row (an epic shows where its stories are) and the stories.
import type { RoadmapMilestone, RoadmapStory } from '../../../core/roadmap/roadmapModel';
import { h } from '../dom';
import type { RenderContext } from '../renderContext';
import { storyChip } from './storyChip';

/** Returns the epic chips and story chips of one milestone that pass `pred`. */
export function milestoneItems(m: RoadmapMilestone, ctx: RenderContext, pred: (s: RoadmapStory) => boolean): { epics: RoadmapStory[]; stories: RoadmapStory[] } {
  const { model } = ctx;
  const stories = m.stories.map((p) => model.stories[p]).filter((s): s is RoadmapStory => s !== undefined && pred(s));
  const epics: RoadmapStory[] = [];
  for (const id of m.epics) {
    const path = Object.prototype.hasOwnProperty.call(model.epics, id) ? model.epics[id] : undefined;
    const e = path ? model.stories[path] : undefined;
    if (!e) continue;
    // An epic shows when it is itself in this milestone and passes the filters, or when a shown story belongs to it.
    if ((e.milestone === m.id && pred(e)) || stories.some((s) => s.epic === id)) epics.push(e);
  }
  return { epics, stories };
}

/** Returns the unscheduled stories (the Later lane's) that pass `pred`, in backlog order. */
export function unscheduledStories(ctx: RenderContext, pred: (s: RoadmapStory) => boolean): RoadmapStory[] {
  const later = ctx.model.lanes.find((l) => l.kind === 'later');
  return (later?.unscheduled ?? []).map((p) => ctx.model.stories[p]).filter((s): s is RoadmapStory => s !== undefined && pred(s));
}

/** Returns the block of chips for one milestone (`milestoneId` null: the unscheduled stories). */
export function chipsBlock(epics: RoadmapStory[], stories: RoadmapStory[], ctx: RenderContext, milestoneId: string | null): HTMLElement {
  const block = h('div', 'items');
  if (epics.length) {
    const row = h('div', 'epics', { role: 'group', 'aria-label': 'Epics' });
    for (const e of epics) {
      const n = stories.filter((s) => s.epic === e.id).length;
      const chip = storyChip(e, ctx, `${n} here`);
      if (e.milestone !== milestoneId) {
        // The epic itself is scheduled elsewhere (or not at all); some of its stories are here.
        chip.classList.add('elsewhere');
        chip.dataset.note = `The epic is ${e.milestone ? `in ${e.milestone}` : 'unscheduled'}; ${n} of its stories are here.`;
      }
      row.append(chip);
    }
    block.append(row);
  }
  const list = h('div', 'chips', { role: 'group', 'aria-label': 'Stories' });
  for (const s of stories) list.append(storyChip(s, ctx));
  if (!stories.length) list.append(h('div', 'empty', undefined, 'No stories'));
  block.append(list);
  return block;
}
