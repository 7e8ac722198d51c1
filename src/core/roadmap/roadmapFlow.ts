// The roadmap's flow part: the stories' timelines from the git history, the flow metrics, the sample the
// Monte Carlo forecasts draw from (or why they cannot run), and the burn-ups. Without a history, every
// number that needs one is absent and the message says why.
import type { BacklogHistory } from '../flow/backlogHistory';
import { burnupsOf } from '../flow/burnups';
import { flowMetrics, type FlowMetrics } from '../flow/flowMetrics';
import { DEFAULT_SEED, throughputSample } from '../flow/monteCarlo';
import { storyTimelines, type StoryTimeline } from '../flow/storyTimelines';
import type { RudderConfig } from '../model/config';
import type { Story } from '../model/story';
import { canForecast, shortDay, type MonteCarloInput } from './monteCarloForecast';
import type { RoadmapBurnup, RoadmapFlow } from './roadmapModel';
import { toDayNumber } from './roadmapDates';
import { plural } from './roadmapHelpers';

/** Everything the roadmap takes from the history. */
export interface FlowPart {
  readonly flow: RoadmapFlow;
  readonly monteCarlo?: MonteCarloInput;
  /** Why the forecasts use the velocity instead, when they do. */
  readonly note?: string;
  readonly timelines: readonly StoryTimeline[];
  readonly metrics?: FlowMetrics;
}

/** Returns a sentence on what the history covers, or why there is none. */
export function historyMessage(history: BacklogHistory | undefined, folder: string): string {
  if (!history) return 'No history was read.';
  if (!history.available) return `No git history: ${history.reason}.`;
  if (history.commits === 0) return `No commit has touched ${folder}/ yet.`;
  const span = history.first === history.last ? `on ${history.first}` : `from ${history.first} to ${history.last}`;
  const shallow = history.shallow
    ? ` A shallow clone: the history starts ${history.shallow.since}, and ${plural(history.shallow.files, 'file')} existed before it (their lead and cycle times are not counted; \`git fetch --unshallow\` reads the rest).`
    : '';
  return `${plural(history.commits, 'commit')} touched ${folder}/ ${span}.${shallow}`;
}

/** Returns the flow part of a roadmap as of `todayDay`; without a history, the metrics are empty and the message says why. */
export function roadmapFlowOf(history: BacklogHistory | undefined, stories: readonly Story[], config: RudderConfig, todayDay: number): FlowPart {
  const unit = config.forecastUnit;
  const base = {
    history: {
      available: history?.available === true,
      message: historyMessage(history, config.backlog),
      commits: history?.available ? history.commits : 0,
      ...(history?.available && history.first ? { first: history.first } : {}),
      ...(history?.available && history.last ? { last: history.last } : {}),
      shallow: history?.available === true && history.shallow !== undefined,
    },
    unit,
    weeks: config.forecastWeeks,
    trials: config.forecastTrials,
  };
  if (!history?.available) {
    const note = history ? `no git history (${history.reason})` : undefined;
    const flow: RoadmapFlow = { ...base, ...(note ? { note } : {}), throughput: [], finished: [], wip: 0, agingWip: [] };
    return { flow, timelines: [], ...(note ? { note } : {}) };
  }
  const timelines = storyTimelines(history, stories, config, todayDay);
  const metrics = flowMetrics(timelines, todayDay, toDayNumber(history.shallow?.since ?? history.first));
  const sample = throughputSample(metrics.throughput, todayDay, config.forecastWeeks, unit);
  let note: string | undefined;
  if (!sample) note = 'the history has no complete week before this one to draw throughput from';
  else if (!canForecast(sample)) note = `no ${unit === 'points' ? 'points were' : 'story was'} finished in the ${plural(sample.values.length, 'week')} sampled (${shortDay(toDayNumber(sample.from)!, todayDay)} – ${shortDay(toDayNumber(sample.to)! + 6, todayDay)})`;
  const flow: RoadmapFlow = {
    ...base,
    ...(sample ? { sample: { from: sample.from, to: sample.to, values: [...sample.values] } } : {}),
    ...(note ? { note } : {}),
    throughput: metrics.throughput,
    ...(metrics.cycleTimeDays ? { cycleTimeDays: metrics.cycleTimeDays } : {}),
    ...(metrics.leadTimeDays ? { leadTimeDays: metrics.leadTimeDays } : {}),
    finished: metrics.finished,
    wip: metrics.wip,
    agingWip: metrics.agingWip,
  };
  const monteCarlo = sample && canForecast(sample) ? { sample, trials: config.forecastTrials, seed: DEFAULT_SEED } : undefined;
  return { flow, timelines, metrics, ...(monteCarlo ? { monteCarlo } : {}), ...(note ? { note } : {}) };
}

/** Returns the burn-up of each milestone, by id (none without a history). */
export function milestoneBurnups(part: FlowPart, resolve: (ref: string) => string | undefined, unit: 'stories' | 'points', todayDay: number): ReadonlyMap<string, RoadmapBurnup> {
  return part.flow.history.available ? burnupsOf(part.timelines, resolve, unit, todayDay) : new Map();
}
