// The List layout: the milestones in roadmap order, each a heading with its dates, progress and
// forecast in words, then its stories in backlog order; the unscheduled stories last. Plain headings,
// lists and buttons, for screen readers and for printing. `listOutline` (no DOM) decides what is
// listed; `ListView` only draws it. Sections are cached by a signature of everything they show.
import type { RoadmapMilestone, RoadmapModel, RoadmapStory } from '../../../core/roadmap/roadmapModel';
import { h, icon, patchChildren } from '../dom';
import type { ElementCache } from '../elementCache';
import { milestoneDatesText, progressText } from '../parts/milestoneHeader';
import { CATEGORY_ICON } from '../parts/storyChip';
import { groupSig, type RenderContext } from '../renderContext';
import type { RoadmapView, RoadmapViewSpec } from './roadmapView';

/** One section of the list: a milestone, or the unscheduled stories. */
export interface ListSection {
  /** The milestone's id; null for the unscheduled stories. */
  readonly milestoneId: string | null;
  readonly heading: string;
  /** 'Now', 'Next' or 'Done' when the milestone is in that bucket. */
  readonly bucket?: string;
  /** Dates, then progress, in words. */
  readonly summary: string;
  /** The forecast's full sentence (milestones only). */
  readonly forecast?: string;
  readonly forecastKind?: RoadmapMilestone['forecast']['kind'];
  /** The stories (not epics) that pass the filters, in backlog order. */
  readonly stories: readonly RoadmapStory[];
}

const BUCKET_TEXT: Readonly<Record<string, string>> = { now: 'Now', next: 'Next', done: 'Done' };

/** Returns the list's sections: every milestone in roadmap order, then the unscheduled stories, with the stories that pass `visible`. */
export function listOutline(model: RoadmapModel, visible: (s: RoadmapStory) => boolean): ListSection[] {
  const storiesOf = (paths: readonly string[]): RoadmapStory[] => paths.map((p) => model.stories[p]).filter((s): s is RoadmapStory => s !== undefined && !s.isEpic && visible(s));
  const sections: ListSection[] = model.milestones.map((m) => ({
    milestoneId: m.id,
    heading: m.title === m.id ? m.id : `${m.id} · ${m.title}`,
    ...(BUCKET_TEXT[m.bucket] ? { bucket: BUCKET_TEXT[m.bucket] } : {}),
    summary: `${m.due ? milestoneDatesText(m) : 'No due date'} · ${progressText(m.progress)}`,
    forecast: m.forecast.message,
    forecastKind: m.forecast.kind,
    stories: storiesOf(m.stories),
  }));
  const later = model.lanes.find((l) => l.kind === 'later');
  const unscheduled = storiesOf(later?.unscheduled ?? []);
  sections.push({ milestoneId: null, heading: 'Unscheduled', summary: `No milestone · ${unscheduled.length} ${unscheduled.length === 1 ? 'story' : 'stories'}`, stories: unscheduled });
  return sections;
}

/** Returns the words after a story's title: status, estimate, criteria and epic ('In Progress · 5 points · 1 of 3 criteria done · epic E-2'). */
export function storyDetails(s: RoadmapStory): string {
  const parts = [s.status ?? 'no status', s.points !== undefined ? `${s.points} ${s.points === 1 ? 'point' : 'points'}` : 'no estimate'];
  if (s.acTotal > 0) parts.push(`${s.acDone} of ${s.acTotal} criteria done`);
  if (s.epic) parts.push(`epic ${s.epic}`);
  if (s.dependsOn.length) parts.push(`depends on ${s.dependsOn.join(', ')}`);
  return parts.join(' · ');
}

function storyItem(s: RoadmapStory, ctx: RenderContext): HTMLElement {
  const name = `${s.id ? `${s.id} ` : ''}${s.title}`;
  const warned = (ctx.warningsByPath.get(s.path)?.length ?? 0) > 0;
  return h(
    'li',
    `list-story cat-${s.category}${warned ? ' warned' : ''}`,
    { 'data-path': s.path, tabindex: -1, draggable: ctx.readonly ? undefined : 'true' },
    icon(CATEGORY_ICON[s.category], 'list-status'),
    // In VS Code the title opens the story; a standalone page has nothing to open, so it is plain text.
    ctx.readonly ? h('span', 'list-title', undefined, name) : h('button', 'list-title link', { type: 'button' }, name),
    h('span', 'list-details', undefined, ` — ${storyDetails(s)}`),
    warned ? h('span', 'list-warning', undefined, icon('warning'), ` ${ctx.warningsByPath.get(s.path)!.map((w) => w.message).join('; ')}`) : undefined,
  );
}

function sectionElement(section: ListSection, ctx: RenderContext): HTMLElement {
  const id = section.milestoneId;
  return h(
    'section',
    `list-section${id === null ? ' unscheduled' : ''}`,
    { 'data-summary': id ?? 'later', 'data-drop': id ?? '' },
    h('h2', 'list-heading', undefined, h('span', undefined, undefined, section.heading), section.bucket ? h('span', 'bucket-tag', undefined, section.bucket) : undefined),
    h('p', 'list-summary', undefined, section.summary),
    section.forecast ? h('p', `list-forecast forecast-${section.forecastKind}`, undefined, section.forecast) : undefined,
    section.stories.length ? h('ol', 'list-stories', undefined, ...section.stories.map((s) => storyItem(s, ctx))) : h('p', 'empty', undefined, 'No stories'),
  );
}

class ListView implements RoadmapView {
  readonly root = h('div', 'list');

  update(ctx: RenderContext, cache: ElementCache): void {
    const sections = listOutline(ctx.model, ctx.visible).map((section) => {
      const paths = section.stories.map((s) => s.path);
      const head = [section.heading, section.bucket, section.summary, section.forecast, section.forecastKind];
      return cache.get(`list|${section.milestoneId === null ? 'unscheduled' : `m:${section.milestoneId}`}`, groupSig(ctx, head, paths), () => sectionElement(section, ctx));
    });
    patchChildren(this.root, sections);
  }
}

export const listView: RoadmapViewSpec = {
  label: 'List',
  icon: 'list-ordered',
  controls: { zoom: false, swimlanes: false },
  create: () => new ListView(),
};
