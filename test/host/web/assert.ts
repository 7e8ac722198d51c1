// `node:assert/strict` for the host suite in the web worker (esbuild.js maps the import here): the functions the suite
// uses, with the strict semantics (Object.is, deep equality that compares prototypes), and messages that show what was
// seen next to what was expected. Only for tests; the extension itself never asserts.

export class AssertionError extends Error {
  override readonly name = 'AssertionError';
  readonly code = 'ERR_ASSERTION';
  constructor(
    message: string,
    readonly actual?: unknown,
    readonly expected?: unknown,
    readonly operator?: string,
  ) {
    super(message);
  }
}

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value instanceof Map) return `Map(${show([...value])})`;
  if (value instanceof Set) return `Set(${show([...value])})`;
  if (value instanceof RegExp || typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') return String(value);
  if (value === undefined) return 'undefined';
  try {
    return JSON.stringify(value, (_k, v: unknown) => (v === undefined ? '<undefined>' : v instanceof Map ? { Map: [...v] } : v instanceof Set ? { Set: [...v] } : v), 2) ?? String(value);
  } catch {
    return String(value);
  }
}

function failWith(message: string | Error | undefined, fallback: string, actual: unknown, expected: unknown, operator: string): never {
  if (message instanceof Error) throw message;
  throw new AssertionError(message ? `${message}\n${fallback}` : fallback, actual, expected, operator);
}

/** Deep strict equality as node:assert/strict defines it, for the values tests compare (no cycles through Maps). */
export function isDeepStrictEqual(a: unknown, b: unknown, seen = new Map<object, object>()): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (seen.get(a) === b) return true;
  seen.set(a, b);
  if (a instanceof Date) return a.getTime() === (b as Date).getTime();
  if (a instanceof RegExp) return String(a) === String(b);
  if (ArrayBuffer.isView(a)) {
    const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
    const y = new Uint8Array((b as ArrayBufferView).buffer, (b as ArrayBufferView).byteOffset, (b as ArrayBufferView).byteLength);
    return x.length === y.length && x.every((v, i) => v === y[i]);
  }
  if (a instanceof Map) {
    const m = b as Map<unknown, unknown>;
    if (a.size !== m.size) return false;
    for (const [k, v] of a) if (!m.has(k) || !isDeepStrictEqual(v, m.get(k), seen)) return false;
    return true;
  }
  if (a instanceof Set) {
    const t = b as Set<unknown>;
    if (a.size !== t.size) return false;
    for (const v of a) if (!t.has(v) && ![...t].some((w) => isDeepStrictEqual(v, w, seen))) return false;
    return true;
  }
  if (Array.isArray(a) && a.length !== (b as unknown[]).length) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (const k of ka) {
    if (!Object.prototype.hasOwnProperty.call(b, k)) return false;
    if (!isDeepStrictEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], seen)) return false;
  }
  return true;
}

export function ok(value: unknown, message?: string | Error): asserts value {
  if (!value) failWith(message, `The expression evaluated to a falsy value: ${show(value)}`, value, true, '==');
}

export function equal(actual: unknown, expected: unknown, message?: string | Error): void {
  if (!Object.is(actual, expected)) failWith(message, `Expected values to be strictly equal:\n+ actual: ${show(actual)}\n- expected: ${show(expected)}`, actual, expected, 'strictEqual');
}

export function notEqual(actual: unknown, expected: unknown, message?: string | Error): void {
  if (Object.is(actual, expected)) failWith(message, `Expected "actual" to be strictly unequal to: ${show(expected)}`, actual, expected, 'notStrictEqual');
}

export function deepEqual(actual: unknown, expected: unknown, message?: string | Error): void {
  if (!isDeepStrictEqual(actual, expected)) failWith(message, `Expected values to be strictly deep-equal:\n+ actual: ${show(actual)}\n- expected: ${show(expected)}`, actual, expected, 'deepStrictEqual');
}

export function notDeepEqual(actual: unknown, expected: unknown, message?: string | Error): void {
  if (isDeepStrictEqual(actual, expected)) failWith(message, `Expected "actual" not to be strictly deep-equal to: ${show(expected)}`, actual, expected, 'notDeepStrictEqual');
}

export function match(actual: string, expected: RegExp, message?: string | Error): void {
  if (typeof actual !== 'string' || !expected.test(actual)) failWith(message, `The input did not match the regular expression ${expected}. Input:\n${show(actual)}`, actual, expected, 'match');
}

export function doesNotMatch(actual: string, expected: RegExp, message?: string | Error): void {
  if (typeof actual !== 'string' || expected.test(actual)) failWith(message, `The input was expected to not match the regular expression ${expected}. Input:\n${show(actual)}`, actual, expected, 'doesNotMatch');
}

export function fail(message: string | Error = 'Failed'): never {
  if (message instanceof Error) throw message;
  throw new AssertionError(message, undefined, undefined, 'fail');
}

function matches(error: unknown, expected?: RegExp | ((e: unknown) => boolean) | object): boolean {
  if (expected === undefined) return true;
  if (expected instanceof RegExp) return expected.test(error instanceof Error ? error.message : String(error));
  if (typeof expected === 'function') return (expected as (e: unknown) => boolean)(error) !== false;
  return Object.entries(expected).every(([k, v]) => isDeepStrictEqual((error as Record<string, unknown>)?.[k], v));
}

export function throws(fn: () => unknown, expected?: RegExp | ((e: unknown) => boolean) | object, message?: string): void {
  try {
    fn();
  } catch (e) {
    if (!matches(e, expected)) failWith(message, `The error did not match: ${show(e instanceof Error ? e.message : e)}`, e, expected, 'throws');
    return;
  }
  failWith(message, 'Missing expected exception.', undefined, expected, 'throws');
}

export async function rejects(promise: Promise<unknown> | (() => Promise<unknown>), expected?: RegExp | ((e: unknown) => boolean) | object, message?: string): Promise<void> {
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (e) {
    if (!matches(e, expected)) failWith(message, `The rejection did not match: ${show(e instanceof Error ? e.message : e)}`, e, expected, 'rejects');
    return;
  }
  failWith(message, 'Missing expected rejection.', undefined, expected, 'rejects');
}

export { deepEqual as deepStrictEqual, equal as strictEqual, notDeepEqual as notDeepStrictEqual, notEqual as notStrictEqual };

const assert = Object.assign((value: unknown, message?: string | Error) => ok(value, message), {
  AssertionError,
  ok,
  equal,
  notEqual,
  deepEqual,
  notDeepEqual,
  strictEqual: equal,
  deepStrictEqual: deepEqual,
  notStrictEqual: notEqual,
  notDeepStrictEqual: notDeepEqual,
  match,
  doesNotMatch,
  fail,
  throws,
  rejects,
  strict: undefined as unknown,
});
assert.strict = assert;
export default assert;
