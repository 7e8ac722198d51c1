// The one roadmap export, used by the panel's Export command and by `rudder roadmap`: a writer per
// format of EXPORT_FORMATS (the record type makes a new format ask for its writer). No 'vscode', no Node: the CLI,
// the Node extension host and the web worker call the same writers.
import { toRoadmapJson } from '../core/roadmap/exportJson';
import { toMermaidGantt } from '../core/roadmap/exportMermaid';
import type { RoadmapModel } from '../core/roadmap/roadmapModel';
import type { ExportFormat } from './exportFormats';
import { toRoadmapHtml, type RoadmapHtmlAssets } from './exportHtml';

export interface ExportRoadmapOptions {
  /** Reads the front end's files; called only by the formats that inline it (HTML). */
  readonly assets: () => RoadmapHtmlAssets | Promise<RoadmapHtmlAssets>;
}

const WRITERS: Readonly<Record<ExportFormat, (model: RoadmapModel, options: ExportRoadmapOptions) => string | Promise<string>>> = {
  html: async (model, options) => toRoadmapHtml(model, await options.assets()),
  mermaid: (model) => toMermaidGantt(model),
  json: (model) => toRoadmapJson(model),
};

/** Returns the text of the roadmap in `format`. */
export async function exportRoadmap(model: RoadmapModel, format: ExportFormat, options: ExportRoadmapOptions): Promise<string> {
  return WRITERS[format](model, options);
}
