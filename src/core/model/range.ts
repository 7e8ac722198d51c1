/** A zero-based line/character position; characters are UTF-16 code units, as in VS Code. */
export interface Position {
  readonly line: number;
  readonly character: number;
}

/** A half-open range [start, end). */
export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/** Replace `range` with `newText` in one document. */
export interface TextEdit {
  readonly range: Range;
  readonly newText: string;
}

/** Edits to one file, identified by its path relative to the backlog root ('/' separators). */
export interface FileEdit {
  readonly path: string;
  readonly edits: readonly TextEdit[];
  /** Set when the file does not exist yet and must be created with `edits` applied to ''. */
  readonly create?: boolean;
}

/** Returns a range. */
export function range(startLine: number, startChar: number, endLine: number, endChar: number): Range {
  return { start: { line: startLine, character: startChar }, end: { line: endLine, character: endChar } };
}
