/** The highest number ever seen per id prefix (`{ 'S-': 42, 'E-': 3 }`): ids up to it are never handed out again. */
export type HighWaterMarks = Readonly<Record<string, number>>;

// Why the letters before the first digits: that is how `nextId` splits an id (`S-42-k3f9` counts as S- 42).
const ID_PARTS = /^(\D+)(\d+)/;

/** Returns the marks raised by `ids`: per prefix, the highest of the old mark and the ids' numbers (ids without a number, or with one too long to count, leave the marks as they are). */
export function raiseHighWater(marks: HighWaterMarks, ids: Iterable<string>): Record<string, number> {
  const out: Record<string, number> = { ...marks };
  for (const id of ids) {
    const m = ID_PARTS.exec(id);
    if (!m) continue;
    const n = Number(m[2]);
    if (!Number.isSafeInteger(n)) continue;
    out[m[1]] = Math.max(out[m[1]] ?? 0, n);
  }
  return out;
}

/** Returns one id per prefix at its mark (`S-42`): what `nextId` must count past besides the backlog's own ids. */
export function highWaterIds(marks: HighWaterMarks): string[] {
  return Object.entries(marks).map(([prefix, n]) => `${prefix}${n}`);
}
