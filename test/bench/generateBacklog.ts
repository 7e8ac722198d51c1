import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateNKeysBetween } from 'fractional-indexing';
import { seededRandom } from '../support/seededRandom';

// Synthetic backlogs for the benchmark: believable sizes and shapes, deterministic content.

const WORDS = [
  'invoice', 'export', 'dashboard', 'filter', 'search', 'report', 'login', 'password', 'reset', 'upload',
  'calendar', 'reminder', 'payment', 'refund', 'profile', 'avatar', 'team', 'invite', 'audit', 'log',
  'webhook', 'token', 'csv', 'pdf', 'chart', 'budget', 'forecast', 'tag', 'comment', 'mention',
];
const PERSONAS = ['finance manager', 'team lead', 'new user', 'administrator', 'support agent', 'freelancer'];
const STATUSES = ['draft', 'ready', 'in-progress', 'done', 'ready', 'draft'];
const PRIORITIES = ['must', 'should', 'could', 'wont'];
const GOALS = ['G-1', 'G-2', 'G-3', 'G-4'];

const random = seededRandom;

function words(rnd: () => number, n: number): string {
  return Array.from({ length: n }, () => WORDS[Math.floor(rnd() * WORDS.length)]).join(' ');
}

/** What was generated, for the report. */
export interface GeneratedBacklog {
  readonly root: string;
  readonly stories: number;
  readonly epics: number;
  readonly files: number;
  readonly bytes: number;
  /** Story paths (relative to root) that carry no deliberate issue: safe to edit in the re-index benchmark. */
  readonly storyPaths: readonly string[];
}

/** Writes a Rudder backlog of `count` stories (~1.2 KB each) plus epics, 3 milestones and a vision under `root`; returns what it wrote. */
export function generateRudderBacklog(root: string, count: number, seed = 42): GeneratedBacklog {
  const rnd = random(seed);
  const dir = path.join(root, 'backlog');
  fs.mkdirSync(path.join(dir, 'stories'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'epics'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'milestones'), { recursive: true });
  let bytes = 0;
  let files = 0;
  const write = (rel: string, text: string): void => {
    fs.writeFileSync(path.join(root, rel), text);
    bytes += Buffer.byteLength(text);
    files++;
  };
  write(
    'backlog/vision.md',
    `---\ngoals:\n${GOALS.map((g, i) => `  - id: ${g}\n    title: Goal ${i + 1} - ${words(rnd, 3)}\n    metric: ${10 + i * 5}% more weekly active teams\n`).join('')}---\n\n# Vision\n\nSmall teams run their money without a bookkeeper.\n`,
  );
  for (let m = 1; m <= 3; m++) {
    write(`backlog/milestones/m-${m}.md`, `---\nid: M-${m}\ntitle: Release ${m}\nstart: 2025-0${m * 3 - 2}-01\ndue: 2025-0${m * 3}-28\nstatus: planned\n---\n\nRelease ${m}: ${words(rnd, 8)}.\n`);
  }
  const epicCount = Math.max(4, Math.round(count / 100));
  for (let e = 1; e <= epicCount; e++) {
    write(
      `backlog/epics/e-${e}.md`,
      `---\nid: E-${e}\ntitle: Epic ${e} - ${words(rnd, 3)}\ntype: epic\nstatus: draft\nvision: ${GOALS[e % GOALS.length]}\nmilestone: M-${(e % 3) + 1}\n---\n\n# Epic ${e}\n\n${words(rnd, 30)}.\n`,
    );
  }
  const ranks = generateNKeysBetween(null, null, count);
  const storyPaths: string[] = [];
  for (let s = 1; s <= count; s++) {
    const id = `S-${s}`;
    const status = STATUSES[s % STATUSES.length];
    const criteria = 3 + (s % 4);
    // Deliberate issues, a few per thousand: the benchmark must exercise the reporting paths too.
    const badStatus = s % 997 === 0;
    const noCriteria = s % 499 === 0;
    const badEpic = s % 1009 === 0;
    const badYaml = s % 2003 === 0; // `@` cannot start a plain YAML value
    const deps = s > 2 && s % 3 === 0 ? `depends_on: [S-${s - 1}, S-${s - 2}]\n` : '';
    const fm =
      `---\nid: ${id}\ntitle: ${capital(words(rnd, 5))}\nstatus: ${badStatus ? 'redy' : status}\nrank: ${ranks[s - 1]}\n` +
      `priority: ${PRIORITIES[s % 4]}\nestimate: ${[1, 2, 3, 5, 8, 13][s % 6]}\nepic: E-${badEpic ? 99999 : (s % epicCount) + 1}\n` +
      `milestone: M-${(s % 3) + 1}\nvision: [${GOALS[s % 4]}]\n${deps}${badYaml ? 'assignee: @dev\n' : ''}labels: [${WORDS[s % WORDS.length]}, backend]\ncreated: 2025-01-${String((s % 28) + 1).padStart(2, '0')}\n---\n`;
    const persona = PERSONAS[s % PERSONAS.length];
    let body =
      `\n# ${id}\n\nAs a ${persona}, I want to ${words(rnd, 6)}, so that I can ${words(rnd, 7)} without waiting for the monthly close.\n\n` +
      `## Context\n\n${capital(words(rnd, 20))}. ${capital(words(rnd, 10))}.\n`;
    if (!noCriteria) {
      body += '\n## Acceptance Criteria\n\n';
      for (let c = 1; c <= criteria; c++) {
        const checked = status === 'done' || (status === 'in-progress' && c === 1);
        body += `- [${checked ? 'x' : ' '}] Given a ${words(rnd, 2)}, when the ${persona} opens the ${words(rnd, 2)}, then ${c * 3} ${words(rnd, 2)} are shown\n`;
      }
    }
    body += `\n## Notes\n\n${capital(words(rnd, 15))}.\n`;
    const rel = `backlog/stories/s-${s}.md`;
    write(rel, fm + body);
    if (!badStatus && !noCriteria && !badEpic && !badYaml) storyPaths.push(rel);
  }
  return { root, stories: count, epics: epicCount, files, bytes, storyPaths };
}

/** Writes a Backlog.md-format project (`backlog/config.yml`, `backlog/tasks/*.md`) of `count` tasks under `root`; returns what it wrote. */
export function generateBacklogMdProject(root: string, count: number, seed = 7): GeneratedBacklog {
  const rnd = random(seed);
  const dir = path.join(root, 'backlog');
  fs.mkdirSync(path.join(dir, 'tasks'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'drafts'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'completed'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'docs'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'decisions'), { recursive: true });
  let bytes = 0;
  let files = 0;
  const write = (rel: string, text: string): void => {
    fs.writeFileSync(path.join(root, rel), text);
    bytes += Buffer.byteLength(text);
    files++;
  };
  fs.writeFileSync(
    path.join(dir, 'config.yml'),
    'project_name: "Bench"\ndefault_status: "To Do"\nstatuses: ["To Do", "In Progress", "Done"]\nlabels: []\nmilestones: []\ndate_format: yyyy-mm-dd\nmax_column_width: 20\nauto_open_browser: false\ndefault_port: 6420\nremote_operations: false\nauto_commit: false\ncheck_active_branches: false\n',
  );
  const statuses = ['To Do', 'In Progress', 'Done'];
  const priorities = ['high', 'medium', 'low'];
  const paths: string[] = [];
  for (let t = 1; t <= count; t++) {
    const title = capital(words(rnd, 5));
    const deps = t > 1 && t % 4 === 0 ? `dependencies:\n  - task-${t - 1}\n` : 'dependencies: []\n';
    const criteria = 2 + (t % 4);
    let text =
      `---\nid: task-${t}\ntitle: ${title}\nstatus: ${statuses[t % 3]}\nassignee: []\ncreated_date: '2025-07-${String((t % 28) + 1).padStart(2, '0')} 10:00'\n` +
      `labels:\n  - ${WORDS[t % WORDS.length]}\n${deps}priority: ${priorities[t % 3]}\nordinal: ${t * 1000}\n---\n\n` +
      `## Description\n\n${capital(words(rnd, 60))}.\n\n## Acceptance Criteria\n<!-- AC:BEGIN -->\n`;
    for (let c = 1; c <= criteria; c++) text += `- [${t % 3 === 2 ? 'x' : ' '}] #${c} ${capital(words(rnd, 8))}\n`;
    text += '<!-- AC:END -->\n';
    const rel = `backlog/tasks/task-${t} - ${title.replace(/[^A-Za-z0-9]+/g, '-')}.md`;
    write(rel, text);
    paths.push(rel);
  }
  return { root, stories: count, epics: 0, files, bytes, storyPaths: paths };
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
