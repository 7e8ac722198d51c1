// The roadmap's views, one per layout of LAYOUTS (protocol.ts), in toolbar order. The mapped type makes
// the compiler refuse a layout without a view, and a view without a layout.
import type { Layout } from '../../protocol';
import { boardView } from './boardView';
import { flowView } from './flowView';
import { listView } from './listView';
import type { RoadmapViewSpec } from './roadmapView';
import { timelineView } from './timelineView';

export const VIEWS: { readonly [L in Layout]: RoadmapViewSpec } = {
  timeline: timelineView,
  board: boardView,
  list: listView,
  flow: flowView,
};
