import { fromDayNumber, toDayNumber } from './roadmapDates';
import type { RoadmapModel, RoadmapStory } from './roadmapModel';

// Words that start a statement in a Mermaid gantt: a task name beginning with one would be read as that statement.
const KEYWORDS = /^(title|section|dateformat|axisformat|tickinterval|excludes|includes|todaymarker|weekday|weekend|click|call|inclusiveenddates|topaxis|acctitle|accdescr|gantt|displaymode)\b/i;

/** Returns `text` safe as a Mermaid gantt task or section name: no `:`, `;`, `#`, `%`, line breaks or leading keyword. */
export function sanitiseMermaidName(text: string, fallback = 'untitled'): string {
  let s = text
    .replace(/[:;#%\r\n\t{}<>`"]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (s.length > 80) s = `${s.slice(0, 79).trimEnd()}…`;
  if (s.length === 0) s = fallback;
  return KEYWORDS.test(s) ? `· ${s}` : s;
}

function storyTags(s: RoadmapStory): string {
  if (s.category === 'done') return 'done, ';
  if (s.category === 'doing') return 'active, ';
  return '';
}

/** Returns a Mermaid `gantt` chart of the dated milestones (one section each, its stories as tasks); undated work is listed in a comment. */
export function toMermaidGantt(model: RoadmapModel, options: { stories?: boolean } = {}): string {
  const withStories = options.stories ?? true;
  const lines = ['gantt', `    title ${sanitiseMermaidName(model.title, 'Roadmap')}`, '    dateFormat YYYY-MM-DD', '    axisFormat %b %d'];
  const undated: string[] = [];
  for (const m of model.milestones) {
    const due = toDayNumber(m.due);
    const start = toDayNumber(m.barStart);
    if (due === undefined || start === undefined) {
      undated.push(m.id);
      continue;
    }
    // Why the day after `due` as end: Mermaid's end date is exclusive, and the due day is a working day.
    const from = fromDayNumber(start);
    const to = fromDayNumber(Math.max(due + 1, start + 1));
    const forecast = m.forecast.kind === 'at-risk' ? 'crit, ' : m.done ? 'done, ' : m.bucket === 'now' ? 'active, ' : '';
    const { doneStories, totalStories } = m.progress;
    lines.push(`    section ${sanitiseMermaidName(`${m.id} ${m.title === m.id ? '' : m.title}`, m.id)}`);
    lines.push(`    ${sanitiseMermaidName(`${m.title} (${doneStories}/${totalStories} done)`)} :${forecast}${from}, ${to}`);
    if (withStories) {
      for (const path of m.stories) {
        const s = model.stories[path];
        if (!s || s.category === 'dropped') continue;
        lines.push(`    ${sanitiseMermaidName(`${s.id ?? ''} ${s.title}`)} :${storyTags(s)}${from}, ${to}`);
      }
    }
    lines.push(`    ${sanitiseMermaidName(`${m.id} due`)} :milestone, ${fromDayNumber(due)}, 0d`);
  }
  const later = model.lanes.find((l) => l.kind === 'later');
  const unscheduled = later ? later.unscheduled.length : 0;
  if (undated.length > 0 || unscheduled > 0) {
    const parts = [];
    if (undated.length > 0) parts.push(`undated milestones ${undated.map((id) => sanitiseMermaidName(id)).join(', ')}`);
    if (unscheduled > 0) parts.push(`${unscheduled} unscheduled stories`);
    lines.push(`    %% Later, not drawn: ${parts.join('; ')}`);
  }
  return `${lines.join('\n')}\n`;
}
