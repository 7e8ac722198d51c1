import * as assert from 'node:assert/strict';
import { defaultConfig, parseConfig } from '../../../src/core/config/parseConfig';
import { BacklogIndex } from '../../../src/core/index/backlogIndex';
import { scopeOf, walkStarts } from '../../../src/core/load/backlogScope';
import { findBacklog, readBacklogConfig } from '../../../src/core/load/discoverBacklog';
import { listBacklogFiles } from '../../../src/core/load/listBacklogFiles';
import { LoadPipeline } from '../../../src/core/load/loadPipeline';
import { MemoryFileSource } from '../../../src/core/load/memoryFileSource';

const story = (id: string, extra = '') => `---\nid: ${id}\ntitle: Story ${id}\n${extra}---\n\nBody\n`;

describe('the loading pipeline (src/core/load)', () => {
  describe('scopeOf: the one rule for which files are part of a backlog', () => {
    const config = defaultConfig('backlog');

    it('classifies stories, the vision, milestones and other Markdown under the backlog folder', () => {
      assert.equal(scopeOf(config, 'backlog/stories/s-1.md'), 'story');
      assert.equal(scopeOf(config, 'backlog/vision.md'), 'vision');
      assert.equal(scopeOf(config, 'backlog/milestones/m1.md'), 'milestone');
      assert.equal(scopeOf(config, 'backlog/archive/s-0.md'), 'other');
      assert.equal(scopeOf(config, 'backlog/docs/personas.md'), 'other');
    });

    it('leaves out what is not Markdown, outside the walked folders, in node_modules or .git, or hidden', () => {
      for (const p of ['README.md', 'src/notes.md', 'backlog/config.yml', 'backlog/node_modules/x/readme.md', 'backlog/.git/x.md', 'backlog/tasks/.old/s-9.md', 'backlog/.draft.md']) {
        assert.equal(scopeOf(config, p), 'outside', p);
      }
    });

    it('walks a hidden backlog folder that the configuration names, but skips hidden folders below it', () => {
      const hidden = parseConfig({ rudderYml: 'backlog: .planning\n' }).config;
      assert.equal(scopeOf(hidden, '.planning/tasks/s-1.md'), 'story');
      assert.equal(scopeOf(hidden, '.planning/tasks/.old/s-1.md'), 'outside');
    });

    it('reads only stories when a story glob may match anywhere (never every Markdown file of a repository)', () => {
      const anywhere = parseConfig({ rudderYml: 'stories: "**/story-*.md"\n' }).config;
      assert.deepEqual(walkStarts(anywhere), ['']);
      assert.equal(scopeOf(anywhere, 'docs/story-1.md'), 'story');
      assert.equal(scopeOf(anywhere, 'docs/README.md'), 'outside');
    });
  });

  describe('findBacklog and readBacklogConfig', () => {
    it('finds the backlog: .rudder.yml or backlog/ → backlog; a backlog folder itself → "."; else none', async () => {
      assert.deepEqual(await findBacklog(MemoryFileSource.of({ 'backlog/s.md': '' })), { backlogFolder: 'backlog' });
      assert.deepEqual(await findBacklog(MemoryFileSource.of({ '.rudder.yml': 'backlog: stories\n' })), { backlogFolder: 'backlog' });
      assert.deepEqual(await findBacklog(MemoryFileSource.of({ 'config.yml': 'statuses: ["To Do", "Done"]\n' })), { backlogFolder: '.' });
      assert.deepEqual(await findBacklog(MemoryFileSource.of({ 'tasks/task-1.md': '' })), { backlogFolder: '.' });
      assert.equal(await findBacklog(MemoryFileSource.of({ 'README.md': '# hi', 'config.yml': 'name: x\n' })), undefined);
    });

    it("reads Backlog.md's config.yml in the folder .rudder.yml names, under .rudder.yml's own settings", async () => {
      const source = MemoryFileSource.of({
        '.rudder.yml': 'backlog: planning\nrules:\n  missing-vision: off\n',
        'planning/config.yml': 'statuses: [Backlog, Doing, Shipped]\ntask_prefix: plan\n',
        'backlog/config.yml': 'statuses: [Wrong]\n',
      });
      const loaded = await readBacklogConfig(source, { backlogFolder: 'backlog' });
      assert.deepEqual(loaded.issues, []);
      assert.equal(loaded.config.backlog, 'planning');
      assert.deepEqual(loaded.config.statuses, ['Backlog', 'Doing', 'Shipped']);
      assert.equal(loaded.config.idPrefix, 'PLAN-');
      assert.equal(loaded.config.backlogMd, true);
      assert.equal(loaded.config.rules['missing-vision'], 'off');
      assert.deepEqual(loaded.files, ['.rudder.yml', 'planning/config.yml']);
    });

    it('reports a .rudder.yml that is a folder, a device or too large, and uses the defaults', async () => {
      for (const [name, files, why] of [
        ['a folder', { '.rudder.yml/x': 'y' }, /is a folder/],
        ['a device', { '.rudder.yml': { kind: 'other' as const } }, /not a regular file/],
        ['too large', { '.rudder.yml': 'x'.repeat(1024 * 1024 + 1) }, /larger than 1024 KB/],
      ] as const) {
        const loaded = await readBacklogConfig(MemoryFileSource.of(files), { backlogFolder: 'backlog' });
        assert.equal(loaded.issues.length, 1, name);
        assert.equal(loaded.issues[0].code, 'invalid-config');
        assert.match(loaded.issues[0].message, why, name);
        assert.equal(loaded.config.backlog, 'backlog');
      }
    });
  });

  describe('listBacklogFiles and LoadPipeline', () => {
    it('lists every file in scope once, sorted, whatever order the source lists them in', async () => {
      const source = MemoryFileSource.of({
        'backlog/z.md': '',
        'backlog/sub/B.MD': '',
        'backlog/notes.txt': '',
        'backlog/node_modules/x.md': '',
        'backlog/.git/y.md': '',
        'backlog/.hidden/z.md': '',
        'other/c.md': '',
        'backlog/a.md': '',
      });
      const listing = await listBacklogFiles(source, defaultConfig('backlog'));
      assert.deepEqual(listing.paths, ['backlog/a.md', 'backlog/sub/B.MD', 'backlog/z.md']);
      assert.deepEqual(listing.unlistable, []);
    });

    it('loads a BOM/CRLF story, a binary and an empty file alike, and honours .rudder.yml\'s backlog folder', async () => {
      const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('---\r\nid: S-1\r\ntitle: One\r\n---\r\n\r\nBody\r\n')]);
      const source = MemoryFileSource.of({
        '.rudder.yml': 'backlog: planning\n',
        'planning/s-1.md': bom,
        'planning/empty.md': '',
        'planning/binary.md': new Uint8Array([0, 1, 2, 3, 255]),
        'backlog/ignored.md': story('X-1'),
      });
      const index = new BacklogIndex();
      const files = await new LoadPipeline(index, source, (await findBacklog(source))!).loadAll();
      assert.equal(files, 3);
      assert.deepEqual(index.configIssues(), []);
      assert.deepEqual(index.stories().map((s) => [s.path, s.id, s.title]), [['planning/s-1.md', 'S-1', 'One']]);
      assert.equal(index.text('planning/s-1.md'), '---\r\nid: S-1\r\ntitle: One\r\n---\r\n\r\nBody\r\n', 'the BOM is dropped, CRLF kept');
      assert.ok(index.text('planning/binary.md')!.includes('\ufffd'));
    });

    it("re-reads paths (a created, a changed and a deleted file); an editor's unsaved text wins over the disk's", async () => {
      const source = MemoryFileSource.of({ 'backlog/a.md': story('S-1'), 'backlog/b.md': story('S-2') });
      const index = new BacklogIndex();
      const unsaved = new Map<string, string>();
      const pipeline = new LoadPipeline(index, source, { backlogFolder: 'backlog' }, { overlay: (p) => unsaved.get(p) });
      await pipeline.loadAll();
      source.files.delete('backlog/a.md');
      source.files.set('backlog/b.md', story('S-2', 'status: done\n'));
      source.files.set('backlog/c.md', story('S-3'));
      source.files.set('README.md', '# not part of the backlog');
      unsaved.set('backlog/b.md', story('S-2', 'status: ready\n'));
      unsaved.set('backlog/a.md', story('S-1', 'status: ready\n'));
      await pipeline.reread(['backlog/a.md', 'backlog/b.md', 'backlog/c.md', 'README.md']);
      assert.deepEqual(index.stories().map((s) => [s.id, s.status]), [['S-2', 'ready'], ['S-3', undefined]], 'a file gone leaves, whatever an editor shows');
      assert.equal(index.text('README.md'), undefined);
      unsaved.clear();
      await pipeline.reread(['backlog/b.md']);
      assert.equal(index.story('backlog/b.md')?.status, 'done');
    });

    it('reconciles with a fresh listing: files the index lacks are read, files gone leave it', async () => {
      const source = MemoryFileSource.of({ 'backlog/a.md': story('S-1'), 'backlog/b.md': story('S-2') });
      const index = new BacklogIndex();
      const pipeline = new LoadPipeline(index, source, { backlogFolder: 'backlog' });
      await pipeline.loadAll();
      source.files.delete('backlog/a.md');
      source.files.set('backlog/new/c.md', story('S-3'));
      source.files.set('backlog/b.md', story('S-2', 'status: ready\n'));
      await pipeline.reconcile(false);
      assert.deepEqual(index.stories().map((s) => [s.id, s.status]), [['S-2', undefined], ['S-3', undefined]], 'without `all`, a known file is not re-read');
      await pipeline.reconcile(true);
      assert.equal(index.story('backlog/b.md')?.status, 'ready');
    });

    it('records files it cannot read (not a regular file, permission) instead of dropping them silently', async () => {
      const source = MemoryFileSource.of({ 'backlog/a.md': story('S-1'), 'backlog/fifo.md': { kind: 'other' }, 'backlog/locked.md': { kind: 'unreadable' } });
      const index = new BacklogIndex();
      const pipeline = new LoadPipeline(index, source, { backlogFolder: 'backlog' });
      await pipeline.loadAll();
      assert.deepEqual([...pipeline.failures.keys()], ['backlog/locked.md']);
      assert.match(pipeline.failures.get('backlog/locked.md')!, /permission denied/);
    });

    it('stops applying a load once a newer one has started', async () => {
      const source = MemoryFileSource.of(Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`backlog/s-${i}.md`, story(`S-${i}`)])));
      const index = new BacklogIndex();
      let pauses = 0;
      const pipeline = new LoadPipeline(index, source, { backlogFolder: 'backlog' }, { batchSize: 10, pause: async () => void pauses++ });
      const files = await pipeline.loadAll(() => pauses < 3);
      assert.equal(files, undefined);
      assert.equal(index.stories().length, 30);
    });
  });
});
