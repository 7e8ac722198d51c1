// The roadmap's export formats, defined once: the protocol validates them, `rudder roadmap --format`
// offers them, the panel's quick pick and save dialog and the webview's Export menu list them, and
// `exportRoadmap` writes them. Shared by every side: no 'vscode', no Node, no DOM.

/** One export format: its id, file extension and the words the menus show. */
export interface ExportFormatSpec {
  readonly id: string;
  /** File extension, without the dot. */
  readonly extension: string;
  /** Short name (quick pick, save dialog filter). */
  readonly label: string;
  /** The webview's Export menu entry. */
  readonly menuLabel: string;
  /** One line for the quick pick. */
  readonly description: string;
}

export const EXPORT_FORMATS = [
  { id: 'html', extension: 'html', label: 'HTML', menuLabel: 'HTML', description: 'a standalone page that opens in any browser' },
  { id: 'mermaid', extension: 'mmd', label: 'Mermaid', menuLabel: 'Mermaid gantt', description: 'a gantt chart for READMEs and wikis' },
  { id: 'json', extension: 'json', label: 'JSON', menuLabel: 'JSON', description: 'the roadmap view model' },
] as const satisfies readonly ExportFormatSpec[];

export type ExportFormat = (typeof EXPORT_FORMATS)[number]['id'];

/** The format ids in menu order. */
export const EXPORT_FORMAT_IDS: readonly ExportFormat[] = EXPORT_FORMATS.map((f) => f.id);

/** Returns whether `value` is the id of an export format. */
export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === 'string' && EXPORT_FORMATS.some((f) => f.id === value);
}

/** Returns the spec of a format. */
export function exportFormatSpec(format: ExportFormat): (typeof EXPORT_FORMATS)[number] {
  return EXPORT_FORMATS.find((f) => f.id === format)!;
}
