import type { RudderConfig } from '../model/config';
import { isBacklogMdConfig } from '../rules/ruleHelpers';

// Why these prefixes: Backlog.md made its id prefix configurable ("task-" became e.g. "BACK-"), and old files keep
// writing `dependencies: [task-24.1]` and `parent_task_id: task-4` for what are now BACK-24.1 and BACK-4. Backlog.md
// resolves them by their number, so we do too: an id made of a known prefix and a dotted number is keyed by the
// number (segments compared as numbers, so task-345.01 = BACK-345.1). Drafts ("DRAFT-3") are their own number space.
// Everything else compares case-insensitively.

function numericPrefixes(config: RudderConfig): string[] {
  const own = config.idPrefix.toLowerCase();
  const backlogMd = isBacklogMdConfig(config);
  // '' makes a bare number ("345", as Backlog.md's parent_task_id sometimes holds) the same as the prefixed id.
  return backlogMd && own !== 'task-' ? [own, 'task-', ''] : [own, ''];
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

/** Returns the top-level number of an id with the configured prefix (S-12 → 12, BACK-24.1 → 24), or undefined. */
export function idNumber(id: string, config: RudderConfig): number | undefined {
  const p = config.idPrefix.toLowerCase();
  const s = id.trim().toLowerCase();
  if (!p || !s.startsWith(p)) return undefined;
  const m = /^(\d+)(?:\.\d+)*$/.exec(s.slice(p.length));
  return m ? Number(m[1]) : undefined;
}
