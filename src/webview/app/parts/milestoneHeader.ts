// A milestone's header: id and title, bucket, dates, progress bar and forecast badge. The texts are
// plain functions, shared with views that show them as text (and testable without a DOM).
import type { RoadmapForecast, RoadmapMilestone, RoadmapProgress } from '../../../core/roadmap/roadmapModel';
import { CONFIDENCE } from '../../../core/roadmap/monteCarloForecast';
import { h, icon } from '../dom';
import { shortDate } from './dates';

/** Returns the percentage done: by points when the milestone has estimates, else by stories. */
export function percentDone(p: RoadmapProgress): number {
  const pct = (done: number, total: number): number => (total > 0 ? Math.round((done / total) * 100) : 0);
  return p.totalPoints > 0 ? pct(p.donePoints, p.totalPoints) : pct(p.doneStories, p.totalStories);
}

/** Returns '2/5 stories · 3/13 pts · 1 unestimated'. */
export function progressText(p: RoadmapProgress): string {
  return `${p.doneStories}/${p.totalStories} stories · ${p.donePoints}/${p.totalPoints} pts${p.unestimatedStories ? ` · ${p.unestimatedStories} unestimated` : ''}`;
}

/** Returns '85% by Mar 3' (a Monte Carlo forecast's 85th percentile), or 'beyond 10 years'. */
function likely(p85: string | undefined): string {
  return p85 ? `${CONFIDENCE}% by ${shortDate(p85)}` : `${CONFIDENCE}%: beyond 10 years`;
}

/** Returns the forecast's short text and codicon ('At risk: 85% by Mar 3', 'At risk: +3 pts, 5 d late'). */
export function forecastSummary(f: RoadmapForecast): { readonly text: string; readonly icon: string } {
  switch (f.kind) {
    case 'done':
      return { text: 'Done', icon: 'pass' };
    case 'on-track':
      return { text: f.method === 'monte-carlo' ? `On track: ${likely(f.p85)}` : 'On track', icon: 'check' };
    case 'at-risk':
      return { text: f.method === 'monte-carlo' ? `At risk: ${likely(f.p85)}` : `At risk: +${f.pointsOver} pts, ${f.daysLate} d late`, icon: 'warning' };
    case 'projected':
      return { text: likely(f.p85), icon: 'graph-line' };
    default:
      return { text: 'No estimate', icon: 'question' };
  }
}

/** Returns 'Mar 2 – Mar 27', with '(start inferred)' when the start is drawn rather than written, or 'no due date'. */
export function milestoneDatesText(m: RoadmapMilestone): string {
  return m.due ? `${m.start ? shortDate(m.start) : shortDate(m.barStart)} – ${shortDate(m.due)}${m.startInferred ? ' (start inferred)' : ''}` : 'no due date';
}

/** Returns what a screen reader says for a milestone group. */
export function milestoneAria(m: RoadmapMilestone): string {
  return `Milestone ${m.id} ${m.title}${m.due ? `, due ${m.due}` : ', no due date'}, ${m.progress.doneStories} of ${m.progress.totalStories} stories done. ${m.forecast.message}`;
}

/** Returns the forecast badge (the full message as its tooltip and accessible name). */
export function forecastBadge(f: RoadmapForecast): HTMLElement {
  const { text, icon: iconName } = forecastSummary(f);
  return h('span', `badge forecast-${f.kind}`, { title: f.message, 'aria-label': f.message, role: 'note' }, icon(iconName), h('span', undefined, undefined, text));
}

/** Returns the progress bar with its text. */
export function progressBlock(m: RoadmapMilestone): HTMLElement {
  const value = percentDone(m.progress);
  const bar = h('div', 'progress', { role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': value, 'aria-label': `${value}% done` });
  const fill = h('div', 'progress-fill');
  fill.style.width = `${value}%`;
  bar.append(fill);
  return h('div', 'progress-block', undefined, bar, h('span', 'progress-text', undefined, progressText(m.progress)));
}

const BUCKET_TEXT: Readonly<Record<string, string>> = { now: 'Now', next: 'Next' };

/** Returns the milestone's header (as an h3 on the board, where it titles a card). */
export function milestoneHeader(m: RoadmapMilestone, tag: 'div' | 'h3' = 'div'): HTMLElement {
  return h(
    tag,
    'milestone-header',
    undefined,
    h(
      'div',
      'milestone-title-row',
      undefined,
      icon('milestone'),
      h('span', 'milestone-id', undefined, m.id),
      h('span', 'milestone-title', { title: m.description || m.title }, m.title === m.id ? '' : m.title),
      BUCKET_TEXT[m.bucket] ? h('span', `bucket-tag bucket-${m.bucket}`, undefined, BUCKET_TEXT[m.bucket]) : undefined,
    ),
    h('div', 'milestone-dates', undefined, icon('calendar'), milestoneDatesText(m)),
    progressBlock(m),
    forecastBadge(m.forecast),
  );
}

/** Returns a header for a group that is not a milestone (Unscheduled, Later). */
export function groupHeader(iconName: string, title: string, subtitle?: string, tag: 'div' | 'h3' = 'div'): HTMLElement {
  return h(
    tag,
    'milestone-header',
    undefined,
    h('div', 'milestone-title-row', undefined, icon(iconName), h('span', 'milestone-title', undefined, title)),
    subtitle !== undefined ? h('div', 'milestone-dates', undefined, subtitle) : undefined,
  );
}
