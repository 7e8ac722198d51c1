import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { BacklogIndex } from '../../../src/core/index/backlogIndex';

// The line pattern the index used for archive files' id and title before its scan (quadratic on a run of spaces).
const OLD_LINE = /^(id|title):[ \t]*(?:"([^"]*)"|'([^']*)'|([^#\r\n]*?))[ \t]*(?:#.*)?$/;

describe("ids of files that are not stories (archive, docs)", () => {
  it('reads them as the line pattern it replaced did (property)', () => {
    const piece = fc.constantFrom('S-1', ' ', '\t', '#', '"', "'", 'x', ':', 'a b');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (parts) => {
        const line = `id:${parts.join('')}`;
        const index = new BacklogIndex();
        index.upsert('backlog/archive/a.md', `---\n${line}\n---\n`);
        const m = OLD_LINE.exec(line);
        const old = m ? (m[2] ?? m[3] ?? m[4] ?? '').trim() : '';
        assert.deepEqual(index.idsElsewhere(), old ? [old] : [], JSON.stringify(line));
      }),
      { numRuns: 2000 },
    );
  });
});
