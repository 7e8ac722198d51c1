import { defaultConfig } from '../../../src/core/config/parseConfig';
// Small in-memory backlogs for the roadmap tests. Stories are hand-built `Story` objects so the
// tests pin the view model alone, independent of the parser.
import type { RudderConfig } from '../../../src/core/model/config';
import type { Milestone, Story, Vision } from '../../../src/core/model/story';
import type { RoadmapSource } from '../../../src/core/roadmap/toRoadmap';

const ZERO = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export const testConfig: RudderConfig = {
  ...defaultConfig('backlog'),
  exclude: [],
  statuses: ['Draft', 'Ready', 'In Progress', 'Review', 'Done'],
  readyStatus: 'Ready',
  doneStatus: 'Done',
  doneStatuses: ['Done'],
  droppedStatuses: [],
  priorities: ['high', 'medium', 'low'],
  definitionOfReady: [],
  splitThreshold: 8,
  idPrefix: 'S',
};
export interface StorySpec {
  id: string;
  title?: string;
  type?: string;
  status?: string;
  estimate?: number;
  milestone?: string;
  epic?: string;
  vision?: string[];
  dependsOn?: string[];
  labels?: string[];
  updated?: string;
  criteria?: [string, boolean][];
  userStory?: string;
}

/** Returns a Story built from a spec. */
export function story(spec: StorySpec): Story {
  return {
    path: `backlog/${spec.id.toLowerCase()}.md`,
    id: spec.id,
    title: spec.title ?? `Story ${spec.id}`,
    titleRange: ZERO,
    type: spec.type ?? 'story',
    status: spec.status,
    estimate: spec.estimate,
    epic: spec.epic,
    milestone: spec.milestone,
    vision: spec.vision ?? [],
    dependsOn: spec.dependsOn ?? [],
    labels: spec.labels ?? [],
    assignee: [],
    updated: spec.updated,
    userStory: spec.userStory ? { text: spec.userStory, range: ZERO } : undefined,
    acceptanceCriteria: spec.criteria
      ? { headingRange: ZERO, headingDepth: 2, endLine: 10, items: spec.criteria.map(([text, checked]) => ({ text, checked, range: ZERO, textRange: ZERO, lastLine: 0 })) }
      : undefined,
    bodyStartLine: 0,
    lineCount: 1,
    problems: [],
  };
}

/** Returns a Milestone. */
export function milestone(id: string, start?: string, due?: string, status?: string): Milestone {
  return { path: `backlog/milestones/${id.toLowerCase()}.md`, id, title: `Milestone ${id}`, start, due, status, description: '', problems: [] };
}

/** Returns a RoadmapSource over the given stories (in the given backlog order) and milestones. */
export function source(stories: Story[], milestones: Milestone[], opts: { velocity?: number; goals?: string[] } = {}): RoadmapSource {
  const byId = new Map(stories.filter((s) => s.id).map((s) => [s.id!, s] as const));
  const vision: Vision | undefined = opts.goals
    ? { path: 'backlog/vision.md', statement: 'Vision', goals: opts.goals.map((g) => ({ id: g, title: `Goal ${g}`, range: ZERO })), problems: [] }
    : undefined;
  return {
    config: opts.velocity !== undefined ? { ...testConfig, velocity: opts.velocity } : testConfig,
    stories: () => stories,
    milestones: () => milestones,
    vision: () => vision,
    goalsOf: (s) => (s.vision.length > 0 ? s.vision : s.epic ? (byId.get(s.epic)?.vision ?? []) : []),
  };
}
