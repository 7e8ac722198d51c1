import type { Issue } from '../model/issue';
import type { Range } from '../model/range';
import type { Goal, Vision } from '../model/story';
import { asText } from './fieldValues';
import { parseFrontMatter } from './frontMatter';
import { readThroughConflicts } from './mergeConflict';

const ZERO: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** Returns the vision (statement and goals) of a vision file; never throws. */
export function parseVision(path: string, file: string): Vision {
  try {
    const read = readThroughConflicts(path, file);
    const { text, lines } = read;
    const fm = parseFrontMatter(path, text, lines, { openLine: read.openLine });
    const data = fm.frontMatter?.data ?? {};
    const field = fm.frontMatter?.fields.goals;
    const goals: Goal[] = [];
    const list = Array.isArray(data.goals) ? data.goals : [];
    list.forEach((g: unknown, i: number) => {
      if (g === null || typeof g !== 'object' || Array.isArray(g)) return;
      const o = g as Record<string, unknown>;
      const id = asText(o.id);
      if (id === undefined) return;
      const range = field?.itemRanges?.[i] ?? field?.valueRange ?? ZERO;
      const metric = asText(o.metric);
      goals.push({ id, title: asText(o.title) ?? id, ...(metric !== undefined ? { metric } : {}), range });
    });
    const statement = text.slice(lines.lineStart(fm.bodyStartLine)).trim();
    return { path, statement, goals, ...(fm.frontMatter ? { frontMatter: fm.frontMatter } : {}), problems: [...read.problems, ...fm.problems] };
  } catch (e) {
    return { path, statement: '', goals: [], problems: [failure(path, e)] };
  }
}

/** Returns the issue reported when a file could not be read at all. */
export function failure(path: string, e: unknown): Issue {
  return {
    code: 'front-matter-syntax',
    severity: 'error',
    message: `Rudder could not read this file (${String((e as Error)?.message ?? e).slice(0, 120)}); check its front matter.`,
    path,
    range: ZERO,
  };
}
