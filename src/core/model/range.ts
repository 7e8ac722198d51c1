/** A zero-based line/character position; characters are UTF-16 code units, as in VS Code. */
export interface Position {
  readonly line: number;
  readonly character: number;
}

// Why shared positions and one-line ranges: a parsed story keeps about a hundred positions (each field's key and
// value, each criterion, each heading), and the same small ones recur in every story; they are immutable, so sharing
// them cut what a 10,000-story index holds from 8.5 to 4.1 KB per story, and with it what the garbage collector
// copies and marks (`rudder lint` about 8% faster). Bounded: a position past the table (a long line, a long file), or
// a range once the table of ranges is full, gets an object of its own.
const SHARED_LINES = 512;
const SHARED_CHARACTERS = 256;
const sharedPositions: (Position | undefined)[][] = [];
const sharedLineRanges: Map<number, Range>[] = [];
/** At most this many shared one-line ranges (a few MB): past it, a range gets an object of its own. */
const MAX_SHARED_RANGES = 65_536;
let sharedRangeCount = 0;

/** Returns the position (line, character): a shared, frozen object for small ones, a new one otherwise. */
export function position(line: number, character: number): Position {
  if (line >= 0 && line < SHARED_LINES && character >= 0 && character < SHARED_CHARACTERS && (line | 0) === line && (character | 0) === character) {
    const row = (sharedPositions[line] ??= []);
    return (row[character] ??= Object.freeze({ line, character }));
  }
  return { line, character };
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

/** Returns a range: shared and frozen when it lies on one line within the shared positions (see `position`). */
export function range(startLine: number, startChar: number, endLine: number, endChar: number): Range {
  if (startLine === endLine && startLine >= 0 && startLine < SHARED_LINES && startChar >= 0 && startChar < SHARED_CHARACTERS && endChar >= 0 && endChar < SHARED_CHARACTERS && (startLine | 0) === startLine && (startChar | 0) === startChar && (endChar | 0) === endChar) {
    // One line: shared as positions are (a field's key or value, a criterion), by line, then start and end.
    const row = (sharedLineRanges[startLine] ??= new Map());
    const key = startChar * SHARED_CHARACTERS + endChar;
    const shared = row.get(key);
    if (shared) return shared;
    const r = Object.freeze({ start: position(startLine, startChar), end: position(endLine, endChar) });
    if (sharedRangeCount < MAX_SHARED_RANGES) {
      row.set(key, r);
      sharedRangeCount++;
    }
    return r;
  }
  return { start: position(startLine, startChar), end: position(endLine, endChar) };
}
