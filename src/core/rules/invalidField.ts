import { quoteList, suggestNearest } from '../config/suggestNearest';
import type { Fix, Issue } from '../model/issue';
import type { Range } from '../model/range';
import type { Story } from '../model/story';
import { isValidRank, RANK_KEY_SHAPE, rankBetween } from '../rank/rankBetween';
import type { RuleContext, StoryRule } from './rule';
import { statusIndex } from '../config/workflow';
import { fieldOf, isBacklogMdConfig, issue, replaceValueFix } from './ruleHelpers';
import { keysWhere } from '../model/fields';

// What this rule checks, each on the value's own range (list items on the item):
// - status / priority / type outside their sets (case-insensitive, so Backlog.md's "To do" is fine), with a fix to
//   the nearest valid value when one is close; types are free-form in Backlog.md backlogs (bug, feature, chore...)
//   and only checked against story/epic/bug/spike/task otherwise;
// - estimate, WSJF and RICE inputs that are not non-negative numbers; ordinal that is not a number;
// - dates (created, updated and Backlog.md's created_date, updated_date, completed_date) that are not
//   YYYY-MM-DD with an optional time ("2025-09-06 21:22" is valid);
// - a rank that is not a rank key (one or more of 0-9, A-Z, a-z; a number is not one), with a fix to a valid key
//   between its neighbours;
// - wrong shapes: a list or mapping where one value belongs, a mapping inside a list field.
// An empty value (`estimate:`, and an empty date `created_date: ''`) counts as absent, not invalid.

export const STORY_TYPES = ['story', 'epic', 'bug', 'spike', 'task'];
// The keys of each kind, from the field table (src/core/model/fields.ts), aliases included.
const NUMBER_FIELDS = keysWhere((f) => f.type === 'number' && f.min !== undefined);
const FREE_NUMBER_FIELDS = keysWhere((f) => f.type === 'number' && f.min === undefined);
const DATE_FIELDS = keysWhere((f) => f.type === 'date');
const SCALAR_FIELDS = keysWhere((f) => f.shape === 'scalar' && f.type === 'text');
const LIST_FIELDS = keysWhere((f) => f.shape === 'list');
const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** Returns true when `v` is a calendar date, optionally with a time. */
export function isValidDate(v: string): boolean {
  const m = DATE.exec(v.trim());
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1];
  if (d > days) return false;
  if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59 || (m[6] !== undefined && Number(m[6]) > 59))) return false;
  return true;
}

const describe = (v: unknown): string =>
  Array.isArray(v) ? 'a list' : v !== null && typeof v === 'object' ? 'a mapping' : typeof v === 'string' ? `"${v}"` : String(v);

export const invalidField: StoryRule<'invalid-field'> = {
  code: 'invalid-field',
  defaultSeverity: 'error',
  title: 'A front matter value is outside its type or allowed set.',
  description: 'For example an unknown status or priority, a non-numeric estimate, a bad date or a malformed rank. Use one of the values listed in the message, or configure the allowed values in .rudder.yml.',
  check(story, ctx) {
    const fm = story.frontMatter;
    if (!fm || fm.language !== 'yaml') return [];
    const data = fm.data;
    const out: Issue[] = [];
    const has = (k: string) => Object.prototype.hasOwnProperty.call(data, k) && data[k] !== null && data[k] !== undefined;
    const rangeOf = (k: string): Range => fieldOf(story, k)?.valueRange ?? story.titleRange;
    const report = (range: Range, message: string, fixes?: Fix[]) => out.push(issue('invalid-field', 'error', story, range, message, { fixes }));
    const scalar = (k: string): boolean => {
      const v = data[k];
      if (Array.isArray(v) || (v !== null && typeof v === 'object')) {
        report(rangeOf(k), `"${k}" must be a single value, not ${describe(v)}. Write it as \`${k}: value\`.`);
        return false;
      }
      return true;
    };

    for (const k of SCALAR_FIELDS) if (has(k)) scalar(k);
    for (const k of LIST_FIELDS) {
      if (!has(k)) continue;
      const v = data[k];
      if (Array.isArray(v)) {
        const items = fieldOf(story, k)?.itemRanges;
        v.forEach((item, i) => {
          if (item !== null && typeof item === 'object') {
            report(items?.[i] ?? rangeOf(k), `Each item of "${k}" must be a single value, not ${describe(item)}. Write the id or name only.`);
          }
        });
      } else if (typeof v === 'object') {
        report(rangeOf(k), `"${k}" must be a value or a list of values, not a mapping. Write e.g. \`${k}: [a, b]\`.`);
      }
    }

    checkSet(story, ctx, 'status', ctx.config.statuses, 'is not in the workflow', report, has, scalar);
    checkSet(story, ctx, 'priority', ctx.config.priorities, 'is not one of the priorities', report, has, scalar);
    if (isBacklogMdConfig(ctx.config)) {
      if (has('type')) scalar('type');
    } else {
      checkSet(story, ctx, 'type', STORY_TYPES, 'is not one of the story types', report, has, scalar);
    }

    for (const k of NUMBER_FIELDS) {
      if (!has(k) || !scalar(k)) continue;
      const v = data[k];
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
        report(rangeOf(k), `"${k}" must be a number of at least 0, but is ${describe(v)}. Write e.g. \`${k}: 3\`.`);
      }
    }
    for (const k of FREE_NUMBER_FIELDS) {
      if (has(k) && scalar(k) && (typeof data[k] !== 'number' || !Number.isFinite(data[k]))) {
        report(rangeOf(k), `"${k}" must be a number, but is ${describe(data[k])}. Write e.g. \`${k}: 1000\`.`);
      }
    }
    for (const k of DATE_FIELDS) {
      if (!has(k) || !scalar(k)) continue;
      const v = data[k];
      // `created_date: ''` is how Backlog.md's own tools write "not set".
      if (typeof v === 'string' && v.trim() === '') continue;
      const ok = (v as unknown) instanceof Date ? !Number.isNaN((v as Date).getTime()) : typeof v === 'string' && isValidDate(v);
      if (!ok) report(rangeOf(k), `"${k}" is not a valid date: ${describe(v)}. Write it as YYYY-MM-DD, e.g. "2025-07-23" (a time like "2025-07-23 14:30" may follow).`);
    }
    if (has('rank') && scalar('rank')) {
      const v = data.rank;
      if (typeof v !== 'string' || !isValidRank(v)) {
        const range = rangeOf('rank');
        const fixes: Fix[] = [];
        if (typeof v === 'string') {
          const n = ctx.rankNeighbours(v);
          const key = rankBetween(n.before, n.after);
          if (isValidRank(key)) fixes.push(replaceValueFix(story, ctx.text(story.path), range, key, `Replace with the valid rank key "${key}" (same position)`));
        }
        const what = typeof v === 'number' ? `Rank ${describe(v)} is a number, not a rank key` : `Rank ${describe(v)} is not a valid rank key`;
        const quote = typeof v === 'number' && isValidRank(String(v)) ? ` Quote it (rank: "${v}") to keep it,` : '';
        report(range, `${what}: a rank key is ${RANK_KEY_SHAPE}.${quote} Move the story in the backlog tree to get a new key.`, fixes);
      }
    }
    return out;
  },
};

function checkSet(
  story: Story,
  ctx: RuleContext,
  key: string,
  allowed: readonly string[],
  what: string,
  report: (range: Range, message: string, fixes?: Fix[]) => void,
  has: (k: string) => boolean,
  scalar: (k: string) => boolean,
): void {
  if (!has(key) || !scalar(key)) return;
  const raw = story.frontMatter!.data[key];
  const v = String(raw).trim();
  // Backlog.md writes `status: Draft` into every draft, whatever the workflow lists.
  const found =
    key === 'status' ? statusIndex(ctx.config, v) !== -1 || (isBacklogMdConfig(ctx.config) && v.toLowerCase() === 'draft') : allowed.some((a) => a.toLowerCase() === v.toLowerCase());
  if (found) return;
  const range = fieldOf(story, key)?.valueRange ?? story.titleRange;
  const near = suggestNearest(v, allowed);
  const fixes = near ? [replaceValueFix(story, ctx.text(story.path), range, near, `Change ${key} to "${near}"`)] : [];
  const Key = key[0].toUpperCase() + key.slice(1);
  report(
    range,
    `${Key} "${v}" ${what} (${quoteList(allowed)}).${near ? ` Did you mean "${near}"?` : ` Use one of them${key === 'type' ? '' : ', or add it to .rudder.yml'}.`}`,
    fixes,
  );
}
