// The one message protocol between the roadmap panel (extension host) and its webview, both ways.
// Written once: every message is a schema of field checks, and the message types are computed from
// those same schemas (`MessagesOf`), so what is validated and what is typed cannot disagree.
// Imported by both sides: no 'vscode', no DOM. The webview is untrusted, so everything it sends goes
// through `validateWebviewMessage` before the host acts on it; the webview checks what the host sends
// with `validateHostMessage` (cheaply: the envelope and the top level of the model).
import type { RoadmapModel } from '../core/roadmap/roadmapModel';
import { EXPORT_FORMAT_IDS } from './exportFormats';

// ---------------------------------------------------------------- layouts

/** The roadmap's layouts, in toolbar order: the one list (the front end's registry has one view per entry). */
export const LAYOUTS = ['timeline', 'board', 'list', 'flow'] as const;
export type Layout = (typeof LAYOUTS)[number];

/** Returns whether `value` names a layout. */
export function isLayout(value: unknown): value is Layout {
  return typeof value === 'string' && LAYOUTS.some((l) => l === value);
}

// ---------------------------------------------------------------- checks

/** Checks one value: returns why it is wrong, or undefined. `T` is what the value is once it passes (types only). */
export interface Check<T> {
  (value: unknown): string | undefined;
  /** Never set: carries `T` so message types can be computed from their schemas. */
  readonly __passes?: T;
}

/** The type a check lets through. */
export type Checked<C> = C extends Check<infer T> ? T : never;

/** A message's fields and their checks (the `type` field is implied). */
type Schema = Readonly<Record<string, Check<unknown>>>;
type Flat<T> = { readonly [K in keyof T]: T[K] };
type Fields<S extends Schema> = { readonly [K in keyof S]: Checked<S[K]> };
/** The union of messages a table of schemas describes: `{ type: name } & its fields`, per entry. */
export type MessagesOf<M extends Readonly<Record<string, Schema>>> = { [K in keyof M & string]: Flat<{ readonly type: K } & Fields<M[K]>> }[keyof M & string];

export const MAX_PATH_LENGTH = 1024;
export const MAX_ID_LENGTH = 200;
export const MAX_LOG_LENGTH = 2000;
/** Why a cap: the summary is diagnostics only; a flood of keys is not a roadmap anyone drew. */
const MAX_SUMMARY_LANES = 10_000;

const isRecord = (v: unknown): v is Record<string, unknown> => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === null || proto === Object.prototype;
};

const relPath: Check<string> = (v) => {
  if (typeof v !== 'string') return 'must be a string';
  if (v.length === 0 || v.length > MAX_PATH_LENGTH) return `must have 1..${MAX_PATH_LENGTH} characters`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f]/.test(v)) return 'must not contain control characters';
  if (v.startsWith('/') || v.includes('\\') || /^[a-zA-Z]:/.test(v)) return 'must be a relative path with / separators';
  if (v.split('/').some((seg) => seg === '..' || seg === '.' || seg === '')) return 'must not contain empty, . or .. segments';
  if (!v.toLowerCase().endsWith('.md')) return 'must be a .md file';
  return undefined;
};

const milestoneId: Check<string | null> = (v) => {
  if (v === null) return undefined;
  if (typeof v !== 'string') return 'must be a string or null';
  if (v.trim().length === 0 || v.length > MAX_ID_LENGTH) return `must have 1..${MAX_ID_LENGTH} characters`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f]/.test(v)) return 'must not contain control characters';
  return undefined;
};

const count: Check<number> = (v) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 1e7 ? undefined : 'must be a non-negative integer');
const duration: Check<number> = (v) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 3.6e6 ? undefined : 'must be a non-negative number of milliseconds');
const shortText: Check<string> = (v) => (typeof v === 'string' && v.length <= MAX_LOG_LENGTH ? undefined : `must be a string of at most ${MAX_LOG_LENGTH} characters`);
const text: Check<string> = (v) => (typeof v === 'string' ? undefined : 'must be a string');
const list: Check<readonly unknown[]> = (v) => (Array.isArray(v) ? undefined : 'must be an array');
const object: Check<object> = (v) => (isRecord(v) ? undefined : 'must be an object');

/** Returns a check that accepts exactly the listed strings. */
function oneOf<const V extends readonly string[]>(values: V): Check<V[number]> {
  return (v) => (typeof v === 'string' && values.includes(v) ? undefined : `must be one of ${values.join(', ')}`);
}

/** Returns a check for a plain object with exactly the schema's fields. */
function record<S extends Schema>(schema: S): Check<Fields<S>> {
  return (v) => (isRecord(v) ? checkFields(v, schema) : 'must be an object');
}

const laneCounts: Check<Readonly<Record<string, number>>> = (v) => {
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

/** What the webview drew. Lets tests compare the drawing with the index. */
const summary = record({
  /** Stories drawn per milestone id ('later' for the unscheduled stories). */
  lanes: laneCounts,
  stories: count,
  milestones: count,
  layout: oneOf(LAYOUTS),
});
export type RenderSummary = Checked<typeof summary>;

/** The model's top level, one check per field: the compiler asks for a line here when `RoadmapModel` gains a field. */
const MODEL_FIELDS: { readonly [K in keyof RoadmapModel]-?: Check<unknown> } = {
  version: (v) => (v === 1 ? undefined : 'must be 1'),
  today: text,
  title: text,
  axis: object,
  velocity: object,
  flow: object,
  milestones: list,
  iterations: list,
  lanes: list,
  stories: object,
  epics: object,
  goals: list,
  buckets: object,
  dependencies: list,
  warnings: list,
  labels: list,
  statuses: list,
};

// Why only the top level: the host is this extension's own code. The check catches a drifted or foreign
// message at the door; walking 1,000 stories on every update would cost more than drawing them, and every
// string is drawn with textContent anyway.
const roadmapModel: Check<RoadmapModel> = (v) => (isRecord(v) ? checkFields(v, MODEL_FIELDS) : 'must be an object');

function checkFields(obj: Record<string, unknown>, schema: Schema, skip?: string): string | undefined {
  for (const key of Object.keys(obj)) {
    if (key !== skip && !Object.prototype.hasOwnProperty.call(schema, key)) return `unexpected field "${key.slice(0, 40)}"`;
  }
  for (const key of Object.keys(schema)) {
    if (!Object.prototype.hasOwnProperty.call(obj, key)) return `missing field "${key}"`;
    const e = schema[key](obj[key]);
    if (e) return `"${key}" ${e}`;
  }
  return undefined;
}

// ---------------------------------------------------------------- the messages

/** Webview → host: fields per message type; anything not listed is rejected. */
const WEBVIEW_SCHEMAS = {
  /** The script loaded and listens; the host answers with the model. */
  ready: {},
  /** A model was drawn. */
  rendered: { generation: count, summary, renderMs: duration },
  openStory: { path: relPath },
  /** Set the story's (or epic's) `milestone:`; null removes it (unscheduled). */
  moveStory: { path: relPath, milestoneId },
  export: { format: oneOf(EXPORT_FORMAT_IDS) },
  log: { level: oneOf(['info', 'error']), message: shortText },
} satisfies Readonly<Record<string, Schema>>;

/** Host → webview. */
const HOST_SCHEMAS = {
  /** A new model; `generation` increases with every post so the webview can ignore stale ones. */
  model: { model: roadmapModel, generation: count },
  /** Move keyboard focus to a story (e.g. after "Reveal in Roadmap"). */
  focusStory: { path: relPath },
} satisfies Readonly<Record<string, Schema>>;

export type WebviewMessage = MessagesOf<typeof WEBVIEW_SCHEMAS>;
export type HostMessage = MessagesOf<typeof HOST_SCHEMAS>;

/** Why a message was refused. */
export interface InvalidMessage {
  readonly error: string;
}

function validate<M extends Readonly<Record<string, Schema>>>(schemas: M, raw: unknown): MessagesOf<M> | InvalidMessage {
  if (!isRecord(raw)) return { error: 'message must be a plain object' };
  const type = raw.type;
  if (typeof type !== 'string' || !Object.prototype.hasOwnProperty.call(schemas, type)) {
    return { error: `unknown message type ${typeof type === 'string' ? `"${type.slice(0, 40)}"` : `(${typeof type})`}` };
  }
  const err = checkFields(raw, schemas[type], 'type');
  if (err) return { error: `${type}: ${err}` };
  // The one place a value becomes a message: it passed every check of the schema its type is computed from.
  return raw as MessagesOf<M>;
}

/** Returns the message typed when every field is present and well-formed and nothing else is there, else `{ error }`. */
export function validateWebviewMessage(raw: unknown): WebviewMessage | InvalidMessage {
  return validate(WEBVIEW_SCHEMAS, raw);
}

/** Returns the host's message typed when its envelope and the model's top level are well-formed, else `{ error }`. */
export function validateHostMessage(raw: unknown): HostMessage | InvalidMessage {
  return validate(HOST_SCHEMAS, raw);
}

/** Returns true when a `validate*Message` function rejected the message. */
export function isInvalidMessage<T extends { readonly type: string }>(v: T | InvalidMessage): v is InvalidMessage {
  return Object.prototype.hasOwnProperty.call(v, 'error') && !Object.prototype.hasOwnProperty.call(v, 'type');
}
