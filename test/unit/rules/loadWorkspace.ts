// Test helpers: load a fixture mini-workspace into a BacklogIndex, format issues as expected.txt lines.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseConfig } from '../../../src/core/config/parseConfig';
import { BacklogIndex } from '../../../src/core/index/backlogIndex';
import type { Issue } from '../../../src/core/model/issue';

/** Returns the .md files under a folder, relative to it, '/' separators. */
function markdownFiles(root: string, dir = ''): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = dir ? `${dir}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...markdownFiles(root, rel));
    else if (e.name.endsWith('.md')) out.push(rel);
  }
  return out.sort();
}

/** Loads a mini-workspace the way the CLI does: config, then every .md file. */
export function loadWorkspace(root: string): BacklogIndex {
  const read = (p: string) => (fs.existsSync(path.join(root, p)) ? fs.readFileSync(path.join(root, p), 'utf8') : undefined);
  const { config, issues } = parseConfig({ rudderYml: read('.rudder.yml'), backlogMdConfigYml: read('backlog/config.yml') });
  const index = new BacklogIndex(config, issues);
  for (const f of markdownFiles(root)) index.upsert(f, read(f)!);
  return index;
}

/** Returns an issue as one expected.txt line (1-based line and column). */
export function formatIssue(i: Issue): string {
  const r = i.range;
  return `${i.path}:${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1}: ${i.severity} ${i.code} ${i.message}`;
}

