import { storyCategory } from '../config/workflow';
import type { RudderConfig } from '../model/config';
import type { Milestone, Story, Vision } from '../model/story';
import type {
  NoEstimateReason,
  RoadmapBucket,
  RoadmapDependency,
  RoadmapForecast,
  RoadmapGoalLane,
  RoadmapLane,
  RoadmapMilestone,
  RoadmapModel,
  RoadmapMonth,
  RoadmapProgress,
  RoadmapQuarter,
  RoadmapStory,
  RoadmapVelocity,
  RoadmapWarning,
} from './roadmapModel';
import { fromDayNumber, monthLabel, normaliseDate, quarterOf, startOfMonth, startOfNextMonth, toDayNumber } from './roadmapDates';

/** The part of `BacklogIndex` the roadmap reads (the index satisfies it structurally). */
export interface RoadmapSource {
  readonly config: RudderConfig;
  stories(): readonly Story[];
  milestones(): readonly Milestone[];
  /** Milestones named in stories but defined by no file (Backlog.md); drawn like undated milestones. */
  namedMilestones?(): readonly Milestone[];
  vision(): Vision | undefined;
  goalsOf(story: Story): readonly string[];
}

export interface RoadmapOptions {
  /** Today, YYYY-MM-DD: an input so the model is deterministic. */
  readonly today: string;
  readonly title?: string;
}

export const LATER_LANE = 'later';
/** Why six weeks: long enough to smooth one slow sprint, short enough to follow a changing team. */
export const VELOCITY_WINDOW_DAYS = 42;
/** An undated start is drawn this many days before the due date when no earlier milestone bounds it. */
const DEFAULT_BAR_DAYS = 14;

const MILESTONE_DONE = new Set(['done', 'complete', 'completed', 'closed', 'released', 'shipped', 'finished']);

/** Returns a negative, zero or positive number ordering ids naturally (M-2 before M-10). */
export function compareNatural(a: string, b: string): number {
  const ra = a.match(/\d+|\D+/g) ?? [];
  const rb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(ra.length, rb.length); i++) {
    const x = ra[i];
    const y = rb[i];
    if (x === y) continue;
    const nx = /^\d/.test(x);
    const ny = /^\d/.test(y);
    if (nx && ny) {
      const d = Number(x) - Number(y);
      if (d !== 0) return d;
      continue;
    }
    return x < y ? -1 : 1;
  }
  return ra.length - rb.length || (a < b ? -1 : a > b ? 1 : 0);
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

function plural(n: number, word: string, words = `${word}s`): string {
  return `${n} ${n === 1 ? word : words}`;
}

function isEpic(story: Story): boolean {
  return story.type.trim().toLowerCase() === 'epic';
}

function toRoadmapStory(story: Story, order: number, config: RudderConfig, goals: readonly string[], lane: string, milestone: string | null): RoadmapStory {
  const items = story.acceptanceCriteria?.items ?? [];
  const checkable = items.filter((c) => c.checked !== undefined);
  const points = typeof story.estimate === 'number' && Number.isFinite(story.estimate) && story.estimate >= 0 ? story.estimate : undefined;
  return {
    path: story.path,
    ...(story.id !== undefined ? { id: story.id } : {}),
    title: story.title,
    type: story.type,
    isEpic: isEpic(story),
    ...(story.status !== undefined ? { status: story.status } : {}),
    category: storyCategory(story, config),
    ...(points !== undefined ? { points } : {}),
    acDone: checkable.filter((c) => c.checked === true).length,
    acTotal: checkable.length > 0 ? checkable.length : items.length,
    ...(story.epic !== undefined ? { epic: story.epic } : {}),
    goals: [...goals],
    labels: [...story.labels],
    milestone,
    lane,
    dependsOn: [...story.dependsOn],
    order,
    ...(story.userStory ? { userStory: story.userStory.text } : {}),
    criteria: items.map((c) => ({ text: c.text, done: c.checked === true })),
  };
}

/** Returns the team velocity: configured, else derived from recently done stories, else none. */
export function deriveVelocity(stories: readonly RoadmapStory[], rawStories: ReadonlyMap<string, Story>, config: RudderConfig, todayDay: number): RoadmapVelocity {
  if (typeof config.velocity === 'number' && Number.isFinite(config.velocity) && config.velocity > 0) {
    return { pointsPerWeek: config.velocity, source: 'config', explanation: `${config.velocity} points/week from \`velocity\` in the configuration` };
  }
  let points = 0;
  let count = 0;
  for (const s of stories) {
    if (s.isEpic || s.category !== 'done' || s.points === undefined) continue;
    const day = toDayNumber(rawStories.get(s.path)?.updated);
    if (day === undefined || day > todayDay || day <= todayDay - VELOCITY_WINDOW_DAYS) continue;
    points += s.points;
    count++;
  }
  const weeks = VELOCITY_WINDOW_DAYS / 7;
  if (points <= 0) {
    return { source: 'none', explanation: `no velocity: \`velocity\` is not configured and no estimated story was marked done (with an \`updated\` date) in the last ${weeks} weeks` };
  }
  const v = round1(points / weeks);
  return { pointsPerWeek: v, source: 'derived', explanation: `${v} points/week derived from ${plural(count, 'done story', 'done stories')} (${round1(points)} points) updated in the last ${weeks} weeks` };
}

interface MilestoneDraft {
  readonly milestone: Milestone;
  readonly start?: string;
  readonly due?: string;
  readonly startDay?: number;
  readonly dueDay?: number;
}

/** Returns the roadmap view model of a backlog, as of `options.today`. */
export function toRoadmap(index: RoadmapSource, options: RoadmapOptions): RoadmapModel {
  const config = index.config;
  const todayDay = toDayNumber(options.today) ?? 0;
  const today = fromDayNumber(todayDay);
  const warnings: RoadmapWarning[] = [];

  // Milestones: dated ones by due (then start, then id), undated ones after them by id.
  const drafts: MilestoneDraft[] = [];
  const seenMilestones = new Set<string>();
  for (const m of [...index.milestones(), ...(index.namedMilestones?.() ?? [])]) {
    if (!m.id || seenMilestones.has(m.id)) continue;
    seenMilestones.add(m.id);
    const start = normaliseDate(m.start);
    const due = normaliseDate(m.due);
    if (m.start !== undefined && start === undefined) warnings.push({ code: 'invalid-date', path: m.path, message: `Milestone ${m.id}: start "${m.start}" is not a YYYY-MM-DD date` });
    if (m.due !== undefined && due === undefined) warnings.push({ code: 'invalid-date', path: m.path, message: `Milestone ${m.id}: due "${m.due}" is not a YYYY-MM-DD date` });
    drafts.push({ milestone: m, start, due, startDay: toDayNumber(start), dueDay: toDayNumber(due) });
  }
  drafts.sort((a, b) => {
    if (a.dueDay !== undefined && b.dueDay !== undefined) {
      return a.dueDay - b.dueDay || (a.startDay ?? a.dueDay) - (b.startDay ?? b.dueDay) || compareNatural(a.milestone.id, b.milestone.id);
    }
    if (a.dueDay !== undefined) return -1;
    if (b.dueDay !== undefined) return 1;
    return compareNatural(a.milestone.id, b.milestone.id);
  });
  const milestoneOrder = new Map<string, number>();
  drafts.forEach((d, i) => milestoneOrder.set(d.milestone.id, i));
  const laneOf = (milestoneId: string | undefined): string => {
    if (milestoneId === undefined) return LATER_LANE;
    const i = milestoneOrder.get(milestoneId);
    return i !== undefined && drafts[i].dueDay !== undefined ? milestoneId : LATER_LANE;
  };

  // A story names its milestone by id or by title, in any case (as the index resolves it): the lanes go by id.
  const milestoneIds = new Map<string, string>();
  for (const d of drafts) if (!milestoneIds.has(d.milestone.title.trim().toLowerCase())) milestoneIds.set(d.milestone.title.trim().toLowerCase(), d.milestone.id);
  for (const d of drafts) milestoneIds.set(d.milestone.id.toLowerCase(), d.milestone.id);
  const resolveMilestone = (ref: string | undefined): string | null =>
    ref === undefined ? null : milestoneOrder.has(ref) ? ref : (milestoneIds.get(ref.trim().toLowerCase()) ?? ref);

  // Stories in backlog order.
  const raw = index.stories();
  const rawByPath = new Map<string, Story>();
  const stories: Record<string, RoadmapStory> = Object.create(null);
  const ordered: RoadmapStory[] = [];
  const firstById = new Map<string, RoadmapStory>();
  const epics: Record<string, string> = Object.create(null);
  raw.forEach((s, i) => {
    rawByPath.set(s.path, s);
    const ms = resolveMilestone(s.milestone);
    const rs = toRoadmapStory(s, i, config, index.goalsOf(s), laneOf(ms ?? undefined), ms);
    stories[s.path] = rs;
    ordered.push(rs);
    if (rs.id !== undefined && !firstById.has(rs.id)) firstById.set(rs.id, rs);
    if (rs.isEpic && rs.id !== undefined && !(rs.id in epics)) epics[rs.id] = rs.path;
    if (ms !== null && !milestoneOrder.has(ms)) {
      warnings.push({ code: 'unknown-milestone', path: s.path, message: `${s.id ?? s.path}: milestone "${s.milestone}" does not exist; shown under Later` });
    }
  });

  const velocity = deriveVelocity(ordered, rawByPath, config, todayDay);

  // Bars, progress, forecasts.
  const built: RoadmapMilestone[] = [];
  let pointsAhead = 0;
  let previousDue: number | undefined;
  const draftsDone: boolean[] = [];
  const byMilestone = new Map<string, RoadmapStory[]>();
  for (const s of ordered) {
    if (s.milestone === null || !milestoneOrder.has(s.milestone)) continue;
    const list = byMilestone.get(s.milestone) ?? [];
    list.push(s);
    byMilestone.set(s.milestone, list);
  }
  const barStarts: (number | undefined)[] = [];
  for (const d of drafts) {
    const members = byMilestone.get(d.milestone.id) ?? [];
    const counted = members.filter((s) => !s.isEpic && s.category !== 'dropped');
    const progress: RoadmapProgress = {
      donePoints: round1(counted.filter((s) => s.category === 'done').reduce((n, s) => n + (s.points ?? 0), 0)),
      totalPoints: round1(counted.reduce((n, s) => n + (s.points ?? 0), 0)),
      doneStories: counted.filter((s) => s.category === 'done').length,
      totalStories: counted.length,
      unestimatedStories: counted.filter((s) => s.points === undefined).length,
    };
    const statusDone = MILESTONE_DONE.has((d.milestone.status ?? '').trim().toLowerCase());
    const done = statusDone || (progress.totalStories > 0 && progress.doneStories === progress.totalStories);
    draftsDone.push(done);

    let barStart: number | undefined;
    if (d.dueDay !== undefined) {
      if (d.startDay !== undefined && d.startDay <= d.dueDay) barStart = d.startDay;
      else if (previousDue !== undefined && previousDue < d.dueDay) barStart = previousDue;
      else barStart = d.dueDay - DEFAULT_BAR_DAYS;
      previousDue = d.dueDay;
    }
    barStarts.push(barStart);

    const remaining = round1(progress.totalPoints - progress.donePoints);
    if (!done && d.dueDay !== undefined) pointsAhead = round1(pointsAhead + remaining);
    const forecast = forecastOf(d, progress, done, statusDone, remaining, pointsAhead, velocity, todayDay);

    const epicIds: string[] = [];
    const seenEpics = new Set<string>();
    for (const s of members) {
      const e = s.isEpic ? s.id : s.epic;
      if (e !== undefined && !seenEpics.has(e)) {
        seenEpics.add(e);
        epicIds.push(e);
      }
    }
    const goals = new Set<string>();
    for (const s of members) for (const g of s.goals) goals.add(g);
    built.push({
      id: d.milestone.id,
      title: d.milestone.title || d.milestone.id,
      path: d.milestone.path,
      description: d.milestone.description,
      ...(d.milestone.status !== undefined ? { status: d.milestone.status } : {}),
      ...(d.start !== undefined ? { start: d.start } : {}),
      ...(d.due !== undefined ? { due: d.due } : {}),
      ...(barStart !== undefined ? { barStart: fromDayNumber(barStart) } : {}),
      startInferred: barStart !== undefined && barStart !== d.startDay,
      order: built.length,
      lane: d.dueDay !== undefined ? d.milestone.id : LATER_LANE,
      bucket: 'later',
      done,
      epics: epicIds,
      stories: members.filter((s) => !s.isEpic).map((s) => s.path),
      goals: [...goals].sort(compareNatural),
      progress,
      forecast,
    });
  }

  // Now / next / later: the running milestone, else the earliest not done; then the following one.
  let now = built.findIndex((m, i) => !m.done && barStarts[i] !== undefined && barStarts[i]! <= todayDay && todayDay <= drafts[i].dueDay!);
  if (now < 0) now = built.findIndex((m) => !m.done);
  const next = now < 0 ? -1 : built.findIndex((m, i) => i > now && !m.done);
  const bucketOf = (m: RoadmapMilestone, i: number): RoadmapBucket => (i === now ? 'now' : i === next ? 'next' : m.done ? 'done' : 'later');
  const milestones = built.map((m, i) => ({ ...m, bucket: bucketOf(m, i) }));

  // Lanes.
  const lanes: RoadmapLane[] = milestones
    .filter((m) => m.lane !== LATER_LANE)
    .map((m) => ({ id: m.id, title: m.title, kind: 'milestone' as const, milestones: [m.id], unscheduled: [] }));
  lanes.push({
    id: LATER_LANE,
    title: 'Later',
    kind: 'later',
    milestones: milestones.filter((m) => m.lane === LATER_LANE).map((m) => m.id),
    unscheduled: ordered.filter((s) => !s.isEpic && (s.milestone === null || !milestoneOrder.has(s.milestone))).map((s) => s.path),
  });

  const { dependencies, warnings: depWarnings } = dependenciesOf(ordered, firstById, milestones, milestoneOrder);
  warnings.push(...depWarnings);

  const labels = new Set<string>();
  const statuses = new Set<string>();
  for (const s of ordered) {
    for (const l of s.labels) labels.add(l);
    if (s.status !== undefined) statuses.add(s.status);
  }

  return {
    version: 1,
    today,
    title: options.title ?? 'Roadmap',
    axis: axisOf(milestones, todayDay),
    velocity,
    milestones,
    lanes,
    stories,
    epics,
    goals: goalLanesOf(index.vision(), ordered, milestones),
    buckets: {
      ...(now >= 0 ? { now: milestones[now].id } : {}),
      ...(next >= 0 ? { next: milestones[next].id } : {}),
      later: milestones.filter((m) => m.bucket === 'later').map((m) => m.id),
      done: milestones.filter((m) => m.bucket === 'done').map((m) => m.id),
    },
    dependencies,
    warnings,
    labels: [...labels].sort(compareNatural),
    statuses: [...statuses].sort((a, b) => {
      const ia = config.statuses.indexOf(a);
      const ib = config.statuses.indexOf(b);
      return (ia < 0 ? 1e9 : ia) - (ib < 0 ? 1e9 : ib) || compareNatural(a, b);
    }),
  };
}

function forecastOf(
  d: MilestoneDraft,
  progress: RoadmapProgress,
  done: boolean,
  statusDone: boolean,
  remaining: number,
  pointsAhead: number,
  velocity: RoadmapVelocity,
  todayDay: number,
): RoadmapForecast {
  if (done) {
    return { kind: 'done', message: statusDone ? `Done: the milestone's status is "${d.milestone.status}".` : `Done: all ${plural(progress.totalStories, 'story', 'stories')} are done.` };
  }
  const reasons: NoEstimateReason[] = [];
  const why: string[] = [];
  if (progress.totalStories === 0) {
    reasons.push('no-stories');
    why.push('no stories are scheduled in it');
  }
  if (d.dueDay === undefined) {
    reasons.push('no-due-date');
    why.push('it has no due date');
  }
  const v = velocity.pointsPerWeek;
  if (v === undefined || v <= 0) {
    reasons.push('no-velocity');
    why.push(velocity.explanation);
  }
  const openUnestimated = progress.unestimatedStories;
  if (openUnestimated > 0) {
    reasons.push('unestimated-stories');
    why.push(`${plural(openUnestimated, 'story', 'stories')} ${openUnestimated === 1 ? 'has' : 'have'} no estimate`);
  }
  if (reasons.length > 0 || v === undefined || d.dueDay === undefined) {
    return { kind: 'no-estimate', reasons, message: `No estimate: ${why.join('; ')}.` };
  }
  const daysLeft = d.dueDay - todayDay;
  const capacity = round1(Math.max(0, (v * daysLeft) / 7));
  const earlier = round1(pointsAhead - remaining);
  const aheadText = earlier > 0 ? ` (${pointsAhead} with the ${earlier} left in earlier milestones)` : '';
  if (pointsAhead <= capacity) {
    return {
      kind: 'on-track',
      velocity: v,
      remainingPoints: remaining,
      pointsAhead,
      capacity,
      daysLeft,
      message: `On track: ${remaining} points left${aheadText}; ${daysLeft} days to ${d.due} at ${v} points/week allow ${capacity}.`,
    };
  }
  const pointsOver = round1(pointsAhead - capacity);
  const finishDay = todayDay + Math.ceil((pointsAhead / v) * 7);
  const daysLate = Math.max(1, finishDay - d.dueDay);
  return {
    kind: 'at-risk',
    velocity: v,
    remainingPoints: remaining,
    pointsAhead,
    capacity,
    daysLeft,
    pointsOver,
    daysLate,
    message: `At risk: ${pointsOver} points over, about ${plural(daysLate, 'day')} late; ${remaining} points left${aheadText} but ${daysLeft < 0 ? `the due date ${d.due} has passed` : `${daysLeft} days to ${d.due} at ${v} points/week allow ${capacity}`}.`,
  };
}

function dependenciesOf(
  ordered: readonly RoadmapStory[],
  firstById: ReadonlyMap<string, RoadmapStory>,
  milestones: readonly RoadmapMilestone[],
  milestoneOrder: ReadonlyMap<string, number>,
): { dependencies: RoadmapDependency[]; warnings: RoadmapWarning[] } {
  const dependencies: RoadmapDependency[] = [];
  const warnings: RoadmapWarning[] = [];
  const scheduledIn = (s: RoadmapStory): RoadmapMilestone | undefined => {
    if (s.milestone === null) return undefined;
    const i = milestoneOrder.get(s.milestone);
    return i === undefined ? undefined : milestones[i];
  };
  for (const s of ordered) {
    for (const id of s.dependsOn) {
      const target = firstById.get(id);
      if (!target || target.path === s.path) continue;
      dependencies.push({ from: s.path, to: target.path, toId: id });
      if (s.category === 'done' || s.category === 'dropped' || target.category === 'done' || target.category === 'dropped') continue;
      const mine = scheduledIn(s);
      if (!mine || mine.due === undefined) continue;
      const theirs = scheduledIn(target);
      const name = s.id ?? s.path;
      if (!theirs || theirs.due === undefined) {
        warnings.push({
          code: 'dependency-unscheduled',
          path: s.path,
          relatedPath: target.path,
          message: `${name} is due with ${mine.id} (${mine.due}) but depends on ${id}, which ${theirs ? `is in ${theirs.id}, which has no due date` : 'is not scheduled'}`,
        });
      } else if (theirs.due > mine.due) {
        warnings.push({
          code: 'dependency-order',
          path: s.path,
          relatedPath: target.path,
          message: `${name} is in ${mine.id} (due ${mine.due}) but depends on ${id} in the later ${theirs.id} (due ${theirs.due})`,
        });
      }
    }
  }
  return { dependencies, warnings };
}

function goalLanesOf(vision: Vision | undefined, ordered: readonly RoadmapStory[], milestones: readonly RoadmapMilestone[]): RoadmapGoalLane[] {
  const lanes: { id: string; title: string; metric?: string }[] = (vision?.goals ?? []).map((g) => ({ id: g.id, title: g.title, ...(g.metric ? { metric: g.metric } : {}) }));
  const known = new Set(lanes.map((l) => l.id));
  for (const s of ordered) {
    for (const g of s.goals) {
      if (!known.has(g)) {
        known.add(g);
        lanes.push({ id: g, title: `${g} (not in the vision)` });
      }
    }
  }
  lanes.push({ id: '', title: 'No goal' });
  const milestoneIds = new Set(milestones.map((m) => m.id));
  return lanes.map((lane) => {
    const serves = (s: RoadmapStory): boolean => (lane.id === '' ? s.goals.length === 0 : s.goals.includes(lane.id));
    const members = ordered.filter(serves);
    const ms = new Set<string>();
    const epicIds: string[] = [];
    for (const s of members) {
      if (s.milestone !== null && milestoneIds.has(s.milestone)) ms.add(s.milestone);
      if (s.isEpic && s.id !== undefined && !epicIds.includes(s.id)) epicIds.push(s.id);
      if (!s.isEpic && s.epic !== undefined && !epicIds.includes(s.epic)) epicIds.push(s.epic);
    }
    return {
      ...lane,
      milestones: milestones.filter((m) => ms.has(m.id)).map((m) => m.id),
      epics: epicIds,
      stories: members.filter((s) => !s.isEpic).map((s) => s.path),
    };
  });
}

function axisOf(milestones: readonly RoadmapMilestone[], todayDay: number): RoadmapModel['axis'] {
  let min = todayDay;
  let max = todayDay;
  for (const m of milestones) {
    for (const iso of [m.barStart, m.start, m.due]) {
      const d = toDayNumber(iso);
      if (d === undefined) continue;
      if (d < min) min = d;
      if (d > max) max = d;
    }
  }
  const start = startOfMonth(min);
  // Why at least three months: a roadmap with one short milestone still needs a readable axis.
  let end = startOfNextMonth(max);
  while (end - start < 88) end = startOfNextMonth(end);
  const months: RoadmapMonth[] = [];
  for (let d = start; d < end; d = startOfNextMonth(d)) months.push({ start: fromDayNumber(d), end: fromDayNumber(startOfNextMonth(d)), label: monthLabel(d) });
  const quarters: RoadmapQuarter[] = [];
  for (const m of months) {
    const q = quarterOf(toDayNumber(m.start)!);
    const last = quarters[quarters.length - 1];
    if (last && last.label === q.label) quarters[quarters.length - 1] = { ...last, end: m.end };
    else quarters.push({ start: m.start, end: m.end, label: q.label });
  }
  return { start: fromDayNumber(start), end: fromDayNumber(end), today: fromDayNumber(todayDay), months, quarters };
}
