import type { RoadmapModel } from './roadmapModel';

/** Returns the roadmap model as pretty-printed JSON text, ending with a newline. */
export function toRoadmapJson(model: RoadmapModel): string {
  return `${JSON.stringify(model, null, 2)}\n`;
}
