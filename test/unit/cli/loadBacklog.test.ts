import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { UsageError } from '../../../src/cli/cliIo';
import { findBacklogRoot, loadBacklog, readMarkdown } from '../../../src/cli/loadBacklog';
import { globBase, walkMarkdown } from '../../../src/cli/walkMarkdown';

function tempTree(files: Record<string, string | Uint8Array>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rudder-load-'));
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), content);
  }
  return root;
}

describe('cli loading', () => {
  const roots: string[] = [];
  after(() => roots.forEach((r) => fs.rmSync(r, { recursive: true, force: true })));
  const tree = (files: Record<string, string | Uint8Array>): string => {
    const r = tempTree(files);
    roots.push(r);
    return r;
  };

  it('globBase keeps the folders before the first wildcard', () => {
    assert.equal(globBase('backlog/**/*.md'), 'backlog');
    assert.equal(globBase('docs/stories/*.md'), 'docs/stories');
    assert.equal(globBase('**/*.md'), '');
    assert.equal(globBase('backlog/vision.md'), 'backlog/vision.md');
  });

  it('walks .md files under the starts, sorted, skipping node_modules, .git and dot-folders, without duplicates', () => {
    const root = tree({
      'backlog/a.md': '',
      'backlog/sub/B.MD': '',
      'backlog/notes.txt': '',
      'backlog/node_modules/x.md': '',
      'backlog/.git/y.md': '',
      'backlog/.hidden/z.md': '',
      'other/c.md': '',
    });
    assert.deepEqual(walkMarkdown(root, ['backlog', 'backlog/sub', 'missing']), ['backlog/a.md', 'backlog/sub/B.MD']);
    assert.deepEqual(walkMarkdown(root, ['']), ['backlog/a.md', 'backlog/sub/B.MD', 'other/c.md']);
  });

  it('reads UTF-8 without the BOM, keeps CRLF, and never throws on binary bytes', () => {
    const root = tree({
      'bom.md': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('---\r\nid: S-1\r\n---\r\n')]),
      'bin.md': Uint8Array.from([0, 255, 254, 1, 2, 0xc3]),
    });
    assert.equal(readMarkdown(path.join(root, 'bom.md')), '---\r\nid: S-1\r\n---\r\n');
    const bin = readMarkdown(path.join(root, 'bin.md'));
    assert.equal(bin.charCodeAt(0), 0);
    assert.ok(bin.includes('\ufffd'));
  });

  it('finds the root: .rudder.yml or backlog/ → backlog; a Backlog.md folder itself → "."; else a UsageError', () => {
    const withBacklog = tree({ 'backlog/s.md': '' });
    assert.deepEqual(findBacklogRoot(withBacklog), { root: withBacklog, backlogFolder: 'backlog' });
    const withConfig = tree({ '.rudder.yml': 'backlog: stories\n' });
    assert.equal(findBacklogRoot(withConfig).backlogFolder, 'backlog');
    const backlogMd = tree({ 'config.yml': 'statuses: ["To Do", "Done"]\n' });
    assert.deepEqual(findBacklogRoot(backlogMd), { root: backlogMd, backlogFolder: '.' });
    const tasksOnly = tree({ 'tasks/task-1.md': '' });
    assert.equal(findBacklogRoot(tasksOnly).backlogFolder, '.');
    const nothing = tree({ 'README.md': '# hi' });
    assert.throws(() => findBacklogRoot(nothing), (e: Error) => e instanceof UsageError && /no backlog found/.test(e.message));
    assert.throws(() => findBacklogRoot(path.join(nothing, 'README.md')), /not a folder/);
  });

  it('loads every file, a BOM/CRLF story, a binary and an empty .md alike, and honours .rudder.yml\'s backlog folder', async () => {
    const root = tree({
      '.rudder.yml': 'backlog: planning\n',
      'planning/s-1.md': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('---\r\nid: S-1\r\ntitle: One\r\n---\r\n\r\nBody\r\n')]),
      'planning/empty.md': '',
      'planning/binary.md': Uint8Array.from([0, 1, 2, 3, 255]),
      'backlog/ignored.md': '---\nid: X-1\n---\n',
    });
    const loaded = await loadBacklog(root);
    assert.equal(loaded.files, 3);
    assert.deepEqual(loaded.configIssues, []);
    assert.deepEqual(loaded.index.stories().map((s) => [s.path, s.id, s.title]), [['planning/s-1.md', 'S-1', 'One']]);
  });
});
