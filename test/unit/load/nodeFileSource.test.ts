import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BacklogIndex } from '../../../src/core/index/backlogIndex';
import { LoadPipeline } from '../../../src/core/load/loadPipeline';
import { MemoryFileSource } from '../../../src/core/load/memoryFileSource';
import { NodeFileSource } from '../../../src/node/nodeFileSource';
import { loadBacklog } from '../../../src/cli/loadBacklog';

function tempTree(files: Record<string, string | Uint8Array>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rudder-source-'));
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), content);
  }
  return root;
}

describe('NodeFileSource (the CLI and local folders in the editor)', () => {
  const roots: string[] = [];
  after(() => roots.forEach((r) => fs.rmSync(r, { recursive: true, force: true })));
  const tree = (files: Record<string, string | Uint8Array>): string => {
    const r = tempTree(files);
    roots.push(r);
    return r;
  };

  it('lists entries, reads bytes exactly, and says what is missing', async () => {
    const root = tree({ 'backlog/a.md': '---\r\nid: S-1\r\n---\r\n', 'backlog/sub/b.md': 'x' });
    const source = new NodeFileSource(root);
    const listed = await source.list('backlog');
    assert.ok(listed.ok);
    assert.deepEqual(listed.entries.map((e) => `${e.name}:${e.kind}`).sort(), ['a.md:file', 'sub:folder']);
    const [a, missing, folder] = await source.read(['backlog/a.md', 'backlog/nope.md', 'backlog/sub'], { maxBytes: 1000 });
    assert.ok(a.ok && Buffer.from(a.bytes).toString('utf8') === '---\r\nid: S-1\r\n---\r\n');
    assert.ok(!missing.ok && missing.reason === 'missing');
    assert.ok(!folder.ok && folder.reason === 'not-a-file');
    assert.equal(await source.kindOf('backlog/nope.md'), undefined);
    const [big] = await source.read(['backlog/a.md'], { maxBytes: 4 });
    assert.ok(!big.ok && big.reason === 'too-large');
  });

  it('never reads outside its root: .. segments, and links that lead outside or to a device', async () => {
    const outside = tree({ 'secret.md': '---\nid: X-1\n---\n' });
    const root = tree({ 'backlog/inside.md': '---\nid: S-1\ntitle: In\n---\n' });
    fs.symlinkSync(path.join(outside, 'secret.md'), path.join(root, 'backlog', 'secret.md'));
    fs.symlinkSync('/dev/zero', path.join(root, 'backlog', 'zero.md'));
    fs.symlinkSync(path.join(root, 'backlog', 'inside.md'), path.join(root, 'backlog', 'alias.md'));
    fs.symlinkSync(outside, path.join(root, 'backlog', 'linked-folder'));
    const source = new NodeFileSource(root);
    const [up] = await source.read(['../secret.md'], { maxBytes: 1000 });
    assert.ok(!up.ok);
    const listed = await source.list('backlog');
    assert.ok(listed.ok);
    assert.deepEqual(listed.entries.map((e) => `${e.name}:${e.kind}`).sort(), ['alias.md:file', 'inside.md:file', 'linked-folder:other', 'secret.md:other', 'zero.md:other']);
    const [secret, zero, alias] = await source.read(['backlog/secret.md', 'backlog/zero.md', 'backlog/alias.md'], { maxBytes: 1 << 20 });
    assert.ok(!secret.ok && secret.reason === 'not-a-file');
    assert.ok(!zero.ok && zero.reason === 'not-a-file');
    assert.ok(alias.ok);
  });

  it('does not block on a FIFO', async function () {
    const root = tree({ 'backlog/a.md': 'x' });
    try {
      execFileSync('mkfifo', [path.join(root, 'backlog', 'pipe.md')]);
    } catch {
      this.skip(); // no mkfifo on this system
    }
    const source = new NodeFileSource(root);
    const [pipe] = await source.read(['backlog/pipe.md'], { maxBytes: 1000 });
    assert.ok(!pipe.ok && pipe.reason === 'not-a-file');
  });

  it('gives the CLI the same index as the same files in memory (one pipeline, two sources)', async () => {
    const files: Record<string, string> = {
      '.rudder.yml': 'backlog: planning\n',
      'planning/config.yml': 'statuses: [To Do, Doing, Done]\n',
      'planning/tasks/task-1 - One.md': '---\nid: task-1\ntitle: One\nstatus: Doing\n---\n',
      'planning/tasks/.old/task-2 - Two.md': '---\nid: task-2\ntitle: Two\n---\n',
      'planning/archive/task-0.md': '---\nid: task-0\ntitle: Zero\n---\n',
      'README.md': '# readme',
    };
    const root = tree(files);
    const cli = await loadBacklog(root);
    const memory = new BacklogIndex();
    await new LoadPipeline(memory, MemoryFileSource.of(files), { backlogFolder: 'backlog' }).loadAll();
    assert.deepEqual(cli.index.paths().sort(), memory.paths().sort());
    assert.deepEqual(cli.index.paths().sort(), ['planning/archive/task-0.md', 'planning/tasks/task-1 - One.md']);
    assert.deepEqual(cli.index.allIssues(), memory.allIssues());
    assert.equal(cli.files, 2);
  });
});
