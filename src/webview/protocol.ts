// The one message protocol between the roadmap panel (extension host) and its webview.
// Imported by both sides: no 'vscode', no DOM. The webview is untrusted, so everything it sends
// goes through `validateWebviewMessage` before the host acts on it.
import type { RoadmapModel } from '../core/roadmap/roadmapModel';

export type ExportFormat = 'html' | 'mermaid' | 'json';

/** Host → webview. */
export type HostMessage =
  /** A new model; `generation` increases with every post so the webview can ignore stale ones. */
  | { readonly type: 'model'; readonly model: RoadmapModel; readonly generation: number }
  /** Move keyboard focus to a story (e.g. after "Reveal in Roadmap"). */
  | { readonly type: 'focusStory'; readonly path: string };

/** What the webview drew: stories per lane. Lets tests compare the drawing with the index. */
export interface RenderSummary {
  /** Story chips drawn per milestone id ('later' for the Later lane's unscheduled stories). */
  readonly lanes: Readonly<Record<string, number>>;
  readonly stories: number;
  readonly milestones: number;
  readonly layout: 'timeline' | 'board';
}

/** Webview → host. */
export type WebviewMessage =
  /** The script loaded and listens; the host answers with the model. */
  | { readonly type: 'ready' }
  /** A model was drawn. */
  | { readonly type: 'rendered'; readonly generation: number; readonly summary: RenderSummary; readonly renderMs: number }
  | { readonly type: 'openStory'; readonly path: string }
  /** Set the story's (or epic's) `milestone:`; null removes it (unscheduled). */
  | { readonly type: 'moveStory'; readonly path: string; readonly milestoneId: string | null }
  | { readonly type: 'export'; readonly format: ExportFormat }
  | { readonly type: 'log'; readonly level: 'info' | 'error'; readonly message: string };

export const MAX_PATH_LENGTH = 1024;
export const MAX_ID_LENGTH = 200;
export const MAX_LOG_LENGTH = 2000;
/** Why a cap: the summary is diagnostics only; a flood of keys is not a roadmap anyone drew. */
const MAX_SUMMARY_LANES = 10_000;

type Checker = (value: unknown) => string | undefined;

const isRecord = (v: unknown): v is Record<string, unknown> => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === null || proto === Object.prototype;
};

const relPath: Checker = (v) => {
  if (typeof v !== 'string') return 'must be a string';
  if (v.length === 0 || v.length > MAX_PATH_LENGTH) return `must have 1..${MAX_PATH_LENGTH} characters`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f]/.test(v)) return 'must not contain control characters';
  if (v.startsWith('/') || v.includes('\\') || /^[a-zA-Z]:/.test(v)) return 'must be a relative path with / separators';
  if (v.split('/').some((seg) => seg === '..' || seg === '.' || seg === '')) return 'must not contain empty, . or .. segments';
  if (!v.toLowerCase().endsWith('.md')) return 'must be a .md file';
  return undefined;
};

const milestoneId: Checker = (v) => {
  if (v === null) return undefined;
  if (typeof v !== 'string') return 'must be a string or null';
  if (v.trim().length === 0 || v.length > MAX_ID_LENGTH) return `must have 1..${MAX_ID_LENGTH} characters`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f]/.test(v)) return 'must not contain control characters';
  return undefined;
};

const count: Checker = (v) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 1e7 ? undefined : 'must be a non-negative integer');
const duration: Checker = (v) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 3.6e6 ? undefined : 'must be a non-negative number of milliseconds');
const oneOf =
  (...values: string[]): Checker =>
  (v) =>
    typeof v === 'string' && values.includes(v) ? undefined : `must be one of ${values.join(', ')}`;
const shortText: Checker = (v) => (typeof v === 'string' && v.length <= MAX_LOG_LENGTH ? undefined : `must be a string of at most ${MAX_LOG_LENGTH} characters`);

const summary: Checker = (v) => {
  if (!isRecord(v)) return 'must be an object';
  return checkFields(v, { lanes: laneCounts, stories: count, milestones: count, layout: oneOf('timeline', 'board') });
};

const laneCounts: Checker = (v) => {
  if (!isRecord(v)) return 'must be an object';
  const keys = Object.keys(v);
  if (keys.length > MAX_SUMMARY_LANES) return 'has too many lanes';
  for (const k of keys) {
    if (k.length > MAX_ID_LENGTH) return 'has a lane id that is too long';
    const e = count(v[k]);
    if (e) return `.${k} ${e}`;
  }
  return undefined;
};

/** Fields per message type; anything not listed is rejected. */
const SCHEMAS: Readonly<Record<WebviewMessage['type'], Readonly<Record<string, Checker>>>> = {
  ready: {},
  rendered: { generation: count, summary, renderMs: duration },
  openStory: { path: relPath },
  moveStory: { path: relPath, milestoneId },
  export: { format: oneOf('html', 'mermaid', 'json') },
  log: { level: oneOf('info', 'error'), message: shortText },
};

function checkFields(obj: Record<string, unknown>, schema: Readonly<Record<string, Checker>>, skip = new Set<string>()): string | undefined {
  for (const key of Object.keys(obj)) {
    if (!skip.has(key) && !Object.prototype.hasOwnProperty.call(schema, key)) return `unexpected field "${key.slice(0, 40)}"`;
  }
  for (const key of Object.keys(schema)) {
    if (!Object.prototype.hasOwnProperty.call(obj, key)) return `missing field "${key}"`;
    const e = schema[key](obj[key]);
    if (e) return `"${key}" ${e}`;
  }
  return undefined;
}

/** Returns the message typed when every field is present and well-formed and nothing else is there, else `{ error }`. */
export function validateWebviewMessage(raw: unknown): WebviewMessage | { error: string } {
  if (!isRecord(raw)) return { error: 'message must be a plain object' };
  const type = raw.type;
  if (typeof type !== 'string' || !Object.prototype.hasOwnProperty.call(SCHEMAS, type)) {
    return { error: `unknown message type ${typeof type === 'string' ? `"${type.slice(0, 40)}"` : `(${typeof type})`}` };
  }
  const err = checkFields(raw, SCHEMAS[type as WebviewMessage['type']], new Set(['type']));
  if (err) return { error: `${type}: ${err}` };
  return raw as unknown as WebviewMessage;
}

/** Returns true when `validateWebviewMessage` rejected the message. */
export function isInvalidMessage(v: WebviewMessage | { error: string }): v is { error: string } {
  return Object.prototype.hasOwnProperty.call(v, 'error') && !Object.prototype.hasOwnProperty.call(v, 'type');
}
