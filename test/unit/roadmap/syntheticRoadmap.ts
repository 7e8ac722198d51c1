// A deterministic synthetic backlog for size/performance checks of the roadmap: `stories` stories
// (a few epics among them) over `milestones` four-week milestones, five goals, dependencies and
// one hostile title. Used by the unit tests and by test/bench/roadmapBench.mjs.
import type { Milestone, Story } from '../../../src/core/model/story';
import type { RoadmapModel } from '../../../src/core/roadmap/roadmapModel';
import { toRoadmap } from '../../../src/core/roadmap/toRoadmap';
import { fromDayNumber, toDayNumber } from '../../../src/core/roadmap/roadmapDates';
import { milestone, source, story } from './roadmapFixtures';
import { seededRandom } from '../../support/seededRandom';

export const HOSTILE_TITLE = '<img src=x onerror=alert(1)>';

const random = seededRandom;

const WORDS = ['export', 'invoice', 'search', 'login', 'roadmap', 'sync', 'billing', 'report', 'audit', 'share', 'notify', 'import', 'filter', 'archive', 'tag', 'theme'];
const LABELS = ['ui', 'api', 'infra', 'docs', 'security', 'mobile'];
const STATUSES = ['Draft', 'Ready', 'In Progress', 'Review', 'Done'];

/** Returns the stories and milestones of a synthetic backlog. */
export function syntheticBacklog(storyCount: number, milestoneCount: number, today: string): { stories: Story[]; milestones: Milestone[]; goals: string[] } {
  const rnd = random(42);
  const todayDay = toDayNumber(today)!;
  const milestones: Milestone[] = [];
  const firstStart = todayDay - 7 * 12;
  for (let i = 0; i < milestoneCount; i++) {
    const start = firstStart + i * 28;
    // Every seventh milestone is undated, to exercise the Later lane.
    milestones.push(i % 7 === 6 ? milestone(`M${i + 1}`) : milestone(`M${i + 1}`, fromDayNumber(start), fromDayNumber(start + 27)));
  }
  const goals = ['G1', 'G2', 'G3', 'G4', 'G5'];
  const epicCount = Math.max(1, Math.round(storyCount / 40));
  const stories: Story[] = [];
  for (let e = 0; e < epicCount; e++) {
    stories.push(story({ id: `E-${e + 1}`, type: 'epic', title: `Epic ${WORDS[e % WORDS.length]} ${e + 1}`, vision: [goals[e % goals.length]], milestone: milestones[e % milestoneCount].id }));
  }
  for (let i = 0; i < storyCount - epicCount; i++) {
    const mi = Math.floor((i / (storyCount - epicCount)) * milestoneCount);
    const past = mi < 3;
    const status = past ? 'Done' : STATUSES[Math.floor(rnd() * (mi < 5 ? 5 : 3))];
    const criteria: [string, boolean][] = Array.from({ length: 1 + Math.floor(rnd() * 4) }, (_, k) => [`Criterion ${k + 1} of S-${i + 1}`, status === 'Done' || rnd() < 0.3]);
    const deps = i > 10 && rnd() < 0.08 ? [`S-${1 + Math.floor(rnd() * (storyCount - epicCount))}`] : [];
    stories.push(
      story({
        id: `S-${i + 1}`,
        title: i === 7 ? HOSTILE_TITLE : `${WORDS[i % WORDS.length]} ${WORDS[(i * 7) % WORDS.length]} for ${WORDS[(i * 3) % WORDS.length]} #${i + 1}`,
        status,
        estimate: rnd() < 0.9 ? [1, 2, 3, 5, 8][Math.floor(rnd() * 5)] : undefined,
        milestone: rnd() < 0.08 ? undefined : milestones[mi].id,
        epic: rnd() < 0.7 ? `E-${1 + Math.floor(rnd() * epicCount)}` : undefined,
        vision: rnd() < 0.3 ? [goals[Math.floor(rnd() * goals.length)]] : [],
        labels: rnd() < 0.5 ? [LABELS[Math.floor(rnd() * LABELS.length)]] : [],
        dependsOn: deps,
        updated: status === 'Done' ? fromDayNumber(todayDay - Math.floor(rnd() * 60)) : undefined,
        criteria,
        userStory: `As a product manager, I want ${WORDS[i % WORDS.length]}, so that the team ships`,
      }),
    );
  }
  return { stories, milestones, goals };
}

/** Returns the roadmap model of the synthetic backlog. */
export function syntheticRoadmap(storyCount = 1000, milestoneCount = 20, today = '2026-03-02', velocity?: number): RoadmapModel {
  const { stories, milestones, goals } = syntheticBacklog(storyCount, milestoneCount, today);
  return toRoadmap(source(stories, milestones, { goals, velocity }), { today, title: `Synthetic roadmap (${storyCount} stories)` });
}
