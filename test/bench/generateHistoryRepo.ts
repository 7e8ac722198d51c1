// Generates a git repository with a long backlog history for the benchmark: N stories and M commits with
// fixed, increasing author and committer dates, written with `git fast-import` (committing one by one
// would take longer than what is measured). Each commit is what a team does: a story created, a status
// moved on, an estimate or a milestone changed, a body edited, a file renamed or moved into archive/.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';

export interface GeneratedHistory {
  readonly root: string;
  readonly stories: number;
  readonly commits: number;
  /** Story files now (relative paths). */
  readonly paths: readonly string[];
}

const STATUSES = ['draft', 'ready', 'in-progress', 'done'];

/** A small deterministic generator (mulberry32), so every run builds the same repository. */
function rng(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface StoryState {
  id: number;
  path: string;
  status: number;
  estimate: number;
  milestone: number;
  edits: number;
}

function storyText(s: StoryState): string {
  const lines = [
    '---',
    `id: S-${s.id}`,
    `title: Story number ${s.id} of the generated backlog`,
    `status: ${STATUSES[s.status]}`,
    `priority: ${['must', 'should', 'could'][s.id % 3]}`,
    `rank: a${s.id.toString(36).padStart(4, '0')}`,
    `estimate: ${s.estimate}`,
    `milestone: M${s.milestone}`,
    `epic: E-${(s.id % 20) + 1}`,
    `labels: [area-${s.id % 7}, generated]`,
    '---',
    '',
    `As a shopper, I want feature ${s.id}, so that the weekly shop takes less time.`,
    '',
    '## Acceptance Criteria',
    '',
    `- [${s.status === 3 ? 'x' : ' '}] Given a household list, when I open it, then item ${s.id} is there`,
    `- [ ] Given two devices, when both edit, then no change is lost (${s.id})`,
    '',
    '## Notes',
    '',
    ...Array.from({ length: 1 + s.edits }, (_, i) => `Note ${i + 1}: a line of discussion about story ${s.id}, as teams write them.`),
    '',
  ];
  return lines.join('\n');
}

/** Writes the repository into `root` (created); returns what it holds. */
export function generateHistoryRepo(root: string, storyCount: number, commitCount: number): GeneratedHistory {
  fs.mkdirSync(root, { recursive: true });
  const git = (args: string[], input?: string) => {
    const r = spawnSync('git', args, { cwd: root, input, encoding: 'utf8', maxBuffer: 1 << 30 });
    if (r.status !== 0) throw new Error(`git ${args[0]} failed: ${r.stderr}`);
    return r.stdout;
  };
  git(['init', '-q', '-b', 'main']);
  const random = rng(42);
  const stories: StoryState[] = [];
  const chunks: string[] = [];
  const enc = (s: string) => Buffer.byteLength(s, 'utf8');
  // Two years of history, ending on 2026-11-27.
  const end = Date.UTC(2026, 10, 27) / 1000;
  const start = end - 2 * 365 * 86_400;
  let mark = 0;
  let previous: number | undefined;
  for (let c = 0; c < commitCount; c++) {
    const time = Math.round(start + ((end - start) * c) / commitCount);
    const ops: string[] = [];
    // Create the stories early enough that each can go through the workflow.
    const mustCreate = stories.length < storyCount && (c < storyCount / 2 || random() < (storyCount - stories.length) / Math.max(1, commitCount - c));
    let message: string;
    if (c === 0) {
      // The milestones, due every quarter from a year before the end of the history to a year after it.
      for (let m = 1; m <= 8; m++) {
        const due = new Date((end + (m - 4) * 91 * 86_400) * 1000).toISOString().slice(0, 10);
        const text = `---\nid: M${m}\ntitle: Milestone ${m}\ndue: ${due}\n---\n\nRelease ${m}.\n`;
        chunks.push(`blob\nmark :${++mark}\ndata ${enc(text)}\n${text}\n`);
        ops.push(`M 100644 :${mark} backlog/milestones/M${m}.md`);
      }
    }
    if (mustCreate || stories.length === 0) {
      const s: StoryState = { id: stories.length + 1, path: `backlog/stories/S-${stories.length + 1}.md`, status: 0, estimate: [1, 2, 3, 5, 8][stories.length % 5], milestone: 1 + (stories.length % 8), edits: 0 };
      stories.push(s);
      const text = storyText(s);
      chunks.push(`blob\nmark :${++mark}\ndata ${enc(text)}\n${text}\n`);
      ops.push(`M 100644 :${mark} ${s.path}`);
      message = `Add S-${s.id}`;
    } else {
      const s = stories[Math.floor(random() * stories.length)];
      const r = random();
      let from: string | undefined;
      if (r < 0.45 && s.status < 3) {
        s.status++;
        message = `S-${s.id}: ${STATUSES[s.status]}`;
      } else if (r < 0.55) {
        // Always another value: a commit that changes nothing would not be in the log at all.
        const others = [1, 2, 3, 5, 8, 13].filter((e) => e !== s.estimate);
        s.estimate = others[Math.floor(random() * others.length)];
        message = `S-${s.id}: estimate ${s.estimate}`;
      } else if (r < 0.63) {
        s.milestone = 1 + ((s.milestone + Math.floor(random() * 7)) % 8);
        message = `S-${s.id}: milestone M${s.milestone}`;
      } else if (r < 0.7 && !s.path.includes('/archive/')) {
        from = s.path;
        s.path = s.status === 3 && random() < 0.5 ? `backlog/archive/S-${s.id}.md` : `backlog/stories/S-${s.id}-${['renamed', 'split', 'reworded'][s.id % 3]}-${c}.md`;
        message = `Move S-${s.id}`;
      } else {
        s.edits++;
        message = `S-${s.id}: notes`;
      }
      const text = storyText(s);
      chunks.push(`blob\nmark :${++mark}\ndata ${enc(text)}\n${text}\n`);
      if (from) ops.push(`D ${from}`);
      ops.push(`M 100644 :${mark} ${s.path}`);
    }
    const commitMark = ++mark;
    chunks.push(
      `commit refs/heads/main\nmark :${commitMark}\nauthor Bench <bench@example.com> ${time} +0000\ncommitter Bench <bench@example.com> ${time} +0000\ndata ${enc(message)}\n${message}\n` +
        (previous !== undefined ? `from :${previous}\n` : '') +
        `${ops.join('\n')}\n\n`,
    );
    previous = commitMark;
  }
  git(['fast-import', '--quiet'], chunks.join(''));
  git(['checkout', '-q', '-f', 'main']);
  return { root, stories: stories.length, commits: commitCount, paths: stories.map((s) => s.path) };
}
