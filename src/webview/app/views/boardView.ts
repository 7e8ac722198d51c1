// The Now / Next / Later board: a column per bucket (plus Done when any milestone is done), a card
// per milestone with its chips. Cards are cached by a signature of everything they show.
import type { RoadmapMilestone } from '../../../core/roadmap/roadmapModel';
import { h, patchChildren } from '../dom';
import type { ElementCache } from '../elementCache';
import { chipsBlock, milestoneItems, unscheduledStories } from '../parts/chipsBlock';
import { clearDependencies, dependencyOverlay } from '../parts/dependencies';
import { groupHeader, milestoneAria, milestoneHeader } from '../parts/milestoneHeader';
import { groupSig, type RenderContext } from '../renderContext';
import type { RoadmapView, RoadmapViewSpec } from './roadmapView';

function boardCard(m: RoadmapMilestone, ctx: RenderContext): HTMLElement {
  const { epics, stories } = milestoneItems(m, ctx, ctx.visible);
  return h('article', `card bucket-${m.bucket}`, { 'data-drop': m.id, 'data-summary': m.id, role: 'group', 'aria-label': milestoneAria(m) }, milestoneHeader(m, 'h3'), chipsBlock(epics, stories, ctx, m.id));
}

/** The Now / Next / Later board (plus Done when any milestone is done); cards are patched in place. */
class BoardView implements RoadmapView {
  readonly root = h('div', 'board');
  private readonly overlay = dependencyOverlay();
  private readonly columns = new Map<string, HTMLElement>();

  update(ctx: RenderContext, cache: ElementCache): void {
    const { model } = ctx;
    const byId = new Map(model.milestones.map((m) => [m.id, m] as const));
    const card = (id: string): HTMLElement | undefined => {
      const m = byId.get(id);
      if (!m) return undefined;
      const paths = [...m.stories, ...m.epics.map((e) => model.epics[e] ?? '')];
      return cache.get(`board|${id}`, groupSig(ctx, [m, ctx.filterKey], paths), () => boardCard(m, ctx));
    };
    const later = model.lanes.find((l) => l.kind === 'later');
    const unscheduledPaths = later?.unscheduled ?? [];
    const unscheduledCard = cache.get('board|unscheduled', groupSig(ctx, [null, ctx.filterKey], unscheduledPaths), () => {
      const unscheduled = unscheduledStories(ctx, ctx.visible);
      return h(
        'article',
        'card unscheduled',
        { 'data-drop': '', 'data-summary': 'later', role: 'group', 'aria-label': `Unscheduled: ${unscheduled.length} stories` },
        groupHeader('inbox', 'Unscheduled', undefined, 'h3'),
        chipsBlock([], unscheduled, ctx, null),
      );
    });
    const specs: [string, string, string, (HTMLElement | undefined)[]][] = [
      ['Now', 'now', 'current milestone', [model.buckets.now ? card(model.buckets.now) : undefined]],
      ['Next', 'next', 'the one after', [model.buckets.next ? card(model.buckets.next) : undefined]],
      ['Later', 'later', 'everything else', [...model.buckets.later.map(card), unscheduledCard]],
    ];
    if (model.buckets.done.length) specs.push(['Done', 'done', 'finished milestones', model.buckets.done.map(card)]);
    const cols = specs.map(([title, cls, hint, cards]) => {
      let col = this.columns.get(cls);
      if (!col) {
        col = h('section', `column column-${cls}`, { role: 'region', 'aria-label': title }, h('h2', 'column-title', undefined, title, h('span', 'column-hint', undefined, hint)));
        this.columns.set(cls, col);
      }
      const present = cards.filter((c): c is HTMLElement => c !== undefined);
      patchChildren(col, [col.firstChild!, ...(present.length ? present : [cache.get(`board-empty|${cls}`, '', () => h('div', 'empty', undefined, 'Nothing here'))])]);
      return col;
    });
    patchChildren(this.root, [...cols, this.overlay]);
    clearDependencies(this.root);
  }
}

export const boardView: RoadmapViewSpec = {
  label: 'Now / Next / Later',
  icon: 'project',
  controls: { zoom: false, swimlanes: false },
  create: () => new BoardView(),
};
