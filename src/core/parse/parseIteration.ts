import type { Issue } from '../model/issue';
import type { Iteration } from '../model/story';
import { toDayNumber } from '../roadmap/roadmapDates';
import { asNumber, asString, asText, fileTitle } from './fieldValues';
import { parseFrontMatter } from './frontMatter';
import { readThroughConflicts } from './mergeConflict';
import { failure } from './parseVision';

/**
 * Returns the iteration of an iteration file (id falls back to the file name); never throws. A date that is not a
 * real YYYY-MM-DD date, an end before the start and a capacity that is not a number of 0 or more are reported as
 * invalid-field on their value and left out.
 */
export function parseIteration(path: string, file: string): Iteration {
  const fallbackId = fileTitle(path);
  try {
    const read = readThroughConflicts(path, file);
    const { text, lines } = read;
    const fm = parseFrontMatter(path, text, lines, { openLine: read.openLine });
    const data = fm.frontMatter?.data ?? {};
    const fields = fm.frontMatter?.fields ?? {};
    const problems: Issue[] = [...read.problems, ...fm.problems];
    const bad = (key: string, message: string) => {
      const f = fields[key];
      problems.push({ code: 'invalid-field', severity: 'error', message, path, range: f ? f.valueRange : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });
    };
    const date = (key: 'start' | 'end'): string | undefined => {
      if (data[key] === undefined || data[key] === null) return undefined;
      const v = asString(data[key]);
      if (v !== undefined && toDayNumber(v) !== undefined) return v;
      bad(key, `Iteration ${asText(data.id) ?? fallbackId}: \`${key}\` must be a date written YYYY-MM-DD (e.g. 2026-11-16).`);
      return undefined;
    };
    const start = date('start');
    let end = date('end');
    if (start !== undefined && end !== undefined && toDayNumber(end)! < toDayNumber(start)!) {
      bad('end', `Iteration ${asText(data.id) ?? fallbackId} ends (${end}) before it starts (${start}).`);
      end = undefined;
    }
    let capacity: number | undefined;
    if (data.capacity !== undefined && data.capacity !== null) {
      capacity = asNumber(data.capacity);
      if (capacity === undefined || capacity < 0) {
        bad('capacity', `Iteration ${asText(data.id) ?? fallbackId}: \`capacity\` must be the points the team can take on, a number of 0 or more (e.g. capacity: 20).`);
        capacity = undefined;
      }
    }
    const body = text.slice(lines.lineStart(fm.bodyStartLine)).trim();
    const heading = /^#[ \t]+([^\r\n]*)/m.exec(body)?.[1]?.trim();
    const id = asText(data.id) ?? fallbackId;
    const goal = asText(data.goal);
    return {
      path,
      id,
      title: asText(data.title) ?? (heading || undefined) ?? id,
      ...(start !== undefined ? { start } : {}),
      ...(end !== undefined ? { end } : {}),
      ...(capacity !== undefined ? { capacity } : {}),
      ...(goal !== undefined ? { goal } : {}),
      description: asString(data.description) ?? body,
      ...(fm.frontMatter ? { frontMatter: fm.frontMatter } : {}),
      problems,
    };
  } catch (e) {
    return { path, id: fallbackId, title: fallbackId, description: '', problems: [failure(path, e)] };
  }
}
