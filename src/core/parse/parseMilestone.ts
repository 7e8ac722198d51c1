import type { Milestone } from '../model/story';
import { asString, asText, fileTitle } from './fieldValues';
import { parseFrontMatter } from './frontMatter';
import { readThroughConflicts } from './mergeConflict';
import { failure } from './parseVision';

/** Returns the milestone of a milestone file (id falls back to the file name); never throws. */
export function parseMilestone(path: string, file: string): Milestone {
  const fallbackId = fileTitle(path);
  try {
    const read = readThroughConflicts(path, file);
    const { text, lines } = read;
    const fm = parseFrontMatter(path, text, lines, { openLine: read.openLine });
    const data = fm.frontMatter?.data ?? {};
    const body = text.slice(lines.lineStart(fm.bodyStartLine)).trim();
    const heading = firstHeadingText(body);
    const id = asText(data.id) ?? fallbackId;
    const start = asString(data.start);
    const due = asString(data.due);
    const status = asText(data.status);
    return {
      path,
      id,
      title: asText(data.title) ?? heading ?? id,
      ...(start !== undefined ? { start } : {}),
      ...(due !== undefined ? { due } : {}),
      ...(status !== undefined ? { status } : {}),
      description: asString(data.description) ?? body,
      ...(fm.frontMatter ? { frontMatter: fm.frontMatter } : {}),
      problems: [...read.problems, ...fm.problems],
    };
  } catch (e) {
    return { path, id: fallbackId, title: fallbackId, description: '', problems: [failure(path, e)] };
  }
}

/** Returns the text of the first `# ` heading line (closing `#`s and blanks dropped), or undefined. */
function firstHeadingText(body: string): string | undefined {
  // Why a scan and not /^#[ \t]+(.+?)[ \t#]*$/m: its lazy text and trailing `[ \t#]*` re-scanned a run of blanks or
  // '#' from each of its characters (quadratic on a long heading).
  const skip = (c: string | undefined) => c === ' ' || c === '\t' || c === '#';
  for (const raw of body.split(/\r\n|\r|\n/)) {
    if (raw[0] !== '#' || (raw[1] !== ' ' && raw[1] !== '\t') || raw.length < 3) continue;
    let start = 1;
    while (raw[start] === ' ' || raw[start] === '\t') start++;
    let end = raw.length;
    while (end > start && skip(raw[end - 1])) end--;
    // Nothing but blanks after "#": the old pattern kept the last blank as the title; keep that.
    return end > start ? raw.slice(start, end) : raw.slice(start === raw.length ? raw.length - 1 : start, start === raw.length ? raw.length : start + 1);
  }
  return undefined;
}
