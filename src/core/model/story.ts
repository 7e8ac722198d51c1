import type { Range } from './range';
import type { Issue } from './issue';

/** Where one front-matter key and its value sit in the file. */
export interface FieldLocation {
  /** Range of the key (e.g. `status`). */
  readonly keyRange: Range;
  /** Range of the value as written (scalar, flow or block collection); empty at the end of the key line when the value is empty. */
  readonly valueRange: Range;
  /** For sequences: range of each item. */
  readonly itemRanges?: readonly Range[];
}

/** The front matter block of a file. */
export interface FrontMatter {
  /** 'yaml' for `---`; another language name for `---js` and friends (never evaluated). */
  readonly language: string;
  /** Range of the whole block, from the opening `---` to the end of the closing fence line. */
  readonly range: Range;
  /** Zero-based line of the first content line (after the opening fence). */
  readonly contentStartLine: number;
  /** Zero-based line of the closing fence; -1 when it is not closed. */
  readonly closeLine: number;
  /** The parsed values; {} when the YAML is broken (see `recovered`). Plain JSON-like data only. */
  readonly data: Readonly<Record<string, unknown>>;
  /** Ranges of top-level keys, by key name. */
  readonly fields: Readonly<Record<string, FieldLocation>>;
  /** True when the YAML did not parse and `data` holds only what a line scan recovered. */
  readonly recovered: boolean;
}

/**
 * One acceptance criterion: an item of a top-level list in the acceptance criteria section. Its nested items and
 * continuation lines belong to it. When the section has checkbox items, only those are criteria (plain items beside
 * them are notes); a section of plain items only counts them all.
 */
export interface Criterion {
  readonly text: string;
  /** true/false for a GFM checkbox, undefined for a plain bullet. */
  readonly checked?: boolean;
  /** Backlog.md `#1` numbering, when present. */
  readonly number?: number;
  /** Range of the whole item's first line (from the bullet to the end of the line). */
  readonly range: Range;
  /** Range of the text after the bullet and checkbox (and `#N`). */
  readonly textRange: Range;
  /** Zero-based last line of the item: its continuation lines and nested items included, trailing blank lines not. */
  readonly lastLine: number;
}

/** A checklist section of the body: the acceptance criteria, or the Definition of Done. */
export type Checklist = AcceptanceCriteria;

/** The acceptance criteria section (the Definition of Done section has the same shape). */
export interface AcceptanceCriteria {
  /** Range of the heading line. */
  readonly headingRange: Range;
  readonly headingDepth: number;
  /** Zero-based line after which the section ends (exclusive): the next heading of same or higher level, or the end of the file. */
  readonly endLine: number;
  /** The criteria, in document order. */
  readonly items: readonly Criterion[];
}

/** A parsed Markdown story file. Plain readonly data. */
export interface Story {
  /** Path relative to the backlog root, '/' separators. The key of the story in the index. */
  readonly path: string;
  readonly id?: string;
  readonly title: string;
  /** Where the title is: the `title:` value, else the first `#` heading, else line 0. */
  readonly titleRange: Range;
  readonly type: string;
  readonly status?: string;
  /** Fractional-index rank key: compared as plain strings, lower first. */
  readonly rank?: string;
  /** Backlog.md `ordinal`: ordered like rank when there is no rank. */
  readonly ordinal?: number;
  readonly priority?: string;
  readonly estimate?: number;
  readonly value?: number;
  readonly timeCriticality?: number;
  readonly riskReduction?: number;
  readonly reach?: number;
  readonly impact?: number;
  readonly confidence?: number;
  /** Id of an epic (or Backlog.md `parent_task_id`). */
  readonly epic?: string;
  readonly milestone?: string;
  /** The iteration (sprint) it is planned into: an iteration file's id or title. */
  readonly iteration?: string;
  /** Vision goal ids. */
  readonly vision: readonly string[];
  /** Story ids (also Backlog.md `dependencies`). */
  readonly dependsOn: readonly string[];
  readonly labels: readonly string[];
  readonly assignee: readonly string[];
  readonly persona?: string;
  readonly created?: string;
  readonly updated?: string;
  readonly splitFrom?: string;
  /** The "As a …, I want …, so that …" statement, when found. */
  readonly userStory?: { readonly text: string; readonly range: Range };
  readonly acceptanceCriteria?: AcceptanceCriteria;
  /** The story's Definition of Done checklist (a "Definition of Done" section, Backlog.md's `<!-- DOD:BEGIN -->` block inside it). */
  readonly definitionOfDone?: Checklist;
  /** Undefined when the file has no front matter at all. */
  readonly frontMatter?: FrontMatter;
  /** Zero-based line where the Markdown body starts (after the front matter). */
  readonly bodyStartLine: number;
  readonly lineCount: number;
  /** Problems found while parsing (front-matter-syntax, invalid-field on wrongly shaped values, unread-content). */
  readonly problems: readonly Issue[];
}

/** A vision goal. */
export interface Goal {
  readonly id: string;
  readonly title: string;
  readonly metric?: string;
  readonly range: Range;
}

/** The product vision (backlog/vision.md). */
export interface Vision {
  readonly path: string;
  readonly statement: string;
  readonly goals: readonly Goal[];
  readonly frontMatter?: FrontMatter;
  readonly problems: readonly Issue[];
}

/** A milestone (backlog/milestones/*.md), or in Backlog.md mode a milestone named only in stories (`byName`). */
export interface Milestone {
  /** The milestone file; '' for a milestone by name (no file). */
  readonly path: string;
  readonly id: string;
  readonly title: string;
  /** ISO dates (YYYY-MM-DD) as written. */
  readonly start?: string;
  readonly due?: string;
  readonly status?: string;
  readonly description: string;
  readonly frontMatter?: FrontMatter;
  readonly problems: readonly Issue[];
  /** True for a milestone that no file defines: Backlog.md accepts free-text names (`milestone: Beta launch`). */
  readonly byName?: boolean;
}

/**
 * An iteration (a sprint): one file under backlog/iterations/ (`iterations` in .rudder.yml). Optional: a backlog
 * without iterations works without them.
 */
export interface Iteration {
  readonly path: string;
  readonly id: string;
  readonly title: string;
  /** ISO dates (YYYY-MM-DD), as written and valid (an invalid date is a problem of the file, and left out here). */
  readonly start?: string;
  readonly end?: string;
  /** The points the team commits to in it. */
  readonly capacity?: number;
  /** The sprint goal, as written; it may be a vision goal's id. */
  readonly goal?: string;
  readonly description: string;
  readonly frontMatter?: FrontMatter;
  readonly problems: readonly Issue[];
}
