// What every view draws from: the model, the view state, the filter, and indexes built once per
// render (warnings and dependencies by story, a short version per story for cache signatures).
import type { RoadmapModel, RoadmapStory, RoadmapWarning } from '../../core/roadmap/roadmapModel';
import { storyFilter, type ViewState } from './viewState';

export interface RenderContext {
  readonly model: RoadmapModel;
  readonly state: ViewState;
  readonly visible: (s: RoadmapStory) => boolean;
  /** A standalone export: nothing can be opened or moved. */
  readonly readonly: boolean;
  /** The filters, layout and zoom as a string: part of every cache signature (scroll is not). */
  readonly filterKey: string;
  readonly warningsByPath: ReadonlyMap<string, readonly RoadmapWarning[]>;
  /** Story path → paths of the stories that depend on it. */
  readonly dependents: ReadonlyMap<string, readonly string[]>;
  /** Story path → paths it depends on (resolved). */
  readonly dependsOn: ReadonlyMap<string, readonly string[]>;
  /** Story path → a string that changes whenever anything its chip shows changes. */
  readonly storySigs: ReadonlyMap<string, string>;
  /** The epics map as a string (epic chips depend on it). */
  readonly epicsKey: string;
}

/** Returns the signature of a story's chip: its data, its warnings and who depends on it. */
export function storySig(s: RoadmapStory, warnings: readonly RoadmapWarning[] | undefined, dependents: readonly string[] | undefined): string {
  return JSON.stringify([s, warnings?.map((w) => w.message), dependents]);
}

/** Builds render contexts, remembering story versions from one render to the next. */
export class RenderContextBuilder {
  private storyVersions = new Map<string, { sig: string; version: number }>();
  private versionCounter = 0;

  /** Returns the context for drawing `model` in `state`. */
  build(model: RoadmapModel, state: ViewState, readonly: boolean): RenderContext {
    const warningsByPath = new Map<string, RoadmapWarning[]>();
    for (const w of model.warnings) warningsByPath.set(w.path, [...(warningsByPath.get(w.path) ?? []), w]);
    const dependents = new Map<string, string[]>();
    const dependsOn = new Map<string, string[]>();
    for (const d of model.dependencies) {
      dependents.set(d.to, [...(dependents.get(d.to) ?? []), d.from]);
      dependsOn.set(d.from, [...(dependsOn.get(d.from) ?? []), d.to]);
    }
    // Each story's signature becomes a short version number that only changes when the story's chip would:
    // lane signatures then join a few bytes per story instead of its whole JSON.
    const storySigs = new Map<string, string>();
    const nextVersions = new Map<string, { sig: string; version: number }>();
    for (const path of Object.keys(model.stories)) {
      const sig = storySig(model.stories[path], warningsByPath.get(path), dependents.get(path));
      const previous = this.storyVersions.get(path);
      const entry = previous && previous.sig === sig ? previous : { sig, version: ++this.versionCounter };
      nextVersions.set(path, entry);
      storySigs.set(path, String(entry.version));
    }
    this.storyVersions = nextVersions;
    const { scrollLeft: _l, scrollTop: _t, showWarnings: _w, ...filters } = state;
    return { model, state, visible: storyFilter(state), readonly, filterKey: JSON.stringify(filters), warningsByPath, dependents, dependsOn, storySigs, epicsKey: JSON.stringify(model.epics) };
  }
}

/** Returns a cache signature for a group of stories: `head` (whatever else it shows) and each story's version. */
export function groupSig(ctx: RenderContext, head: unknown, paths: readonly string[]): string {
  return `${JSON.stringify([head, ctx.readonly])}\u0001${ctx.epicsKey}\u0001${paths.map((p) => ctx.storySigs.get(p) ?? p).join('\u0001')}`;
}
