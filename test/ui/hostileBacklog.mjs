// Stories with hostile titles, written into a throwaway copy of a backlog by the roadmap UI tests.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Hostile titles: each must show up literally, and none may run or create an element. */
export const HOSTILE_TITLES = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(2)</script>',
  '</script><script>alert(3)</script><!--',
  '"><svg onload=alert(4)>',
  "{{constructor.constructor('alert(5)')()}} & &amp; <b>bold</b>",
];

/** Writes the hostile stories into a backlog folder (first one in milestone M1, the rest unscheduled). */
export function writeHostileStories(folder) {
  const dir = join(folder, 'backlog', 'stories');
  mkdirSync(dir, { recursive: true });
  HOSTILE_TITLES.forEach((title, i) => {
    const yamlTitle = `'${title.replace(/'/g, "''")}'`;
    const lines = ['---', `id: X-${i + 1}`, `title: ${yamlTitle}`, 'type: story', 'status: draft', `rank: z${i}`, 'estimate: 2'];
    if (i === 0) lines.push('milestone: M1');
    lines.push('---', '', `As a tester, I want ${title}, so that escaping is proven.`, '', '## Acceptance criteria', '', `- [ ] ${title} shows as text`, '');
    writeFileSync(join(dir, `x-${i + 1}-hostile.md`), lines.join('\n'));
  });
}
