import type { RudderConfig } from '../model/config';
import { isBacklogMdConfig } from '../rules/ruleHelpers';

// Ids compare as written, case-insensitively (`S-12` = `s-12`, but `S-012` and `12` are other ids), except in a
// Backlog.md backlog (the configuration came from its config.yml), which folds ids the way Backlog.md does:
// Backlog.md made its id prefix configurable ("task-" became e.g. "BACK-"), and old files keep writing
// `dependencies: [task-24.1]` and `parent_task_id: task-4` for what are now BACK-24.1 and BACK-4. Backlog.md resolves
// them by their number, so we do too there: an id made of a known prefix and a dotted number is keyed by the number
// (segments compared as numbers, so task-345.01 = BACK-345.1). Drafts ("DRAFT-3") are their own number space.

/** Returns the prefixes whose ids are keyed by their number: none outside Backlog.md mode. */
function numericPrefixes(config: RudderConfig): string[] {
  if (!isBacklogMdConfig(config)) return [];
  const own = config.idPrefix.toLowerCase();
  // '' makes a bare number ("345", as Backlog.md's parent_task_id sometimes holds) the same as the prefixed id.
  return own !== 'task-' ? [own, 'task-', ''] : [own, ''];
}

const DOTTED = /^\d+(?:\.\d+)*$/;

/** Returns the key under which an id is indexed and resolved (ids equal for the backlog share one key). */
export function idKey(id: string, config: RudderConfig): string {
  const s = id.trim().toLowerCase();
  for (const p of numericPrefixes(config)) {
    if (s.startsWith(p)) {
      const rest = s.slice(p.length);
      if (DOTTED.test(rest)) return `#${rest.split('.').map((n) => String(Number(n))).join('.')}`;
    }
  }
  return s;
}

/**
 * Returns an id split before its trailing dotted number (`BACK-24.1` → `BACK-`, `24`, `.1`), or undefined when it does
 * not end in one. Why a scan and not /^(.*?)(\d+)((?:\.\d+)*)$/: its lazy prefix retried the digits from every
 * position (quadratic on a long id).
 */
export function splitTrailingNumber(id: string): { prefix: string; number: string; rest: string } | undefined {
  const digit = (k: number) => k >= 0 && id.charCodeAt(k) >= 48 && id.charCodeAt(k) <= 57;
  let start = id.length;
  if (!digit(start - 1)) return undefined;
  // Walk left over digits, and over a '.' only when a digit precedes it: the longest dotted number at the end.
  while (digit(start - 1) || (id[start - 1] === '.' && digit(start - 2) && digit(start))) start--;
  let firstEnd = start;
  while (digit(firstEnd)) firstEnd++;
  return { prefix: id.slice(0, start), number: id.slice(start, firstEnd), rest: id.slice(firstEnd) };
}

/** Returns the top-level number of an id with the configured prefix (S-12 → 12, BACK-24.1 → 24), or undefined. */
export function idNumber(id: string, config: RudderConfig): number | undefined {
  const p = config.idPrefix.toLowerCase();
  const s = id.trim().toLowerCase();
  if (!p || !s.startsWith(p)) return undefined;
  const m = /^(\d+)(?:\.\d+)*$/.exec(s.slice(p.length));
  return m ? Number(m[1]) : undefined;
}
