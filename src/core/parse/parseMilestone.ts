import { LineIndex } from '../model/lineIndex';
import type { Milestone } from '../model/story';
import { asString, asText, fileTitle } from './fieldValues';
import { parseFrontMatter } from './frontMatter';
import { failure } from './parseVision';

/** Returns the milestone of a milestone file (id falls back to the file name); never throws. */
export function parseMilestone(path: string, text: string): Milestone {
  const fallbackId = fileTitle(path);
  try {
    const lines = new LineIndex(text);
    const fm = parseFrontMatter(path, text, lines);
    const data = fm.frontMatter?.data ?? {};
    const body = text.slice(lines.lineStart(fm.bodyStartLine)).trim();
    const heading = /^#[ \t]+(.+?)[ \t#]*$/m.exec(body);
    const id = asText(data.id) ?? fallbackId;
    const start = asString(data.start);
    const due = asString(data.due);
    const status = asText(data.status);
    return {
      path,
      id,
      title: asText(data.title) ?? (heading ? heading[1] : id),
      ...(start !== undefined ? { start } : {}),
      ...(due !== undefined ? { due } : {}),
      ...(status !== undefined ? { status } : {}),
      description: asString(data.description) ?? body,
      ...(fm.frontMatter ? { frontMatter: fm.frontMatter } : {}),
      problems: fm.problems,
    };
  } catch (e) {
    return { path, id: fallbackId, title: fallbackId, description: '', problems: [failure(path, e)] };
  }
}
