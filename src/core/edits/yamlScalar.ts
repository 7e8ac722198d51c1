import { parse } from 'yaml';

/** How a scalar is written: plain, 'single' or "double" quoted. */
export type ScalarStyle = 'plain' | 'single' | 'double';

export type ScalarValue = string | number | boolean | null;

export interface ScalarFormatOptions {
  /** The style of the value being replaced (kept when it can hold the new value). */
  readonly style?: ScalarStyle;
  /** The quote to use when a string must be quoted and there is no existing style. Default 'double'. */
  readonly quote?: 'single' | 'double';
  /** True when the scalar sits inside a flow collection (`[a, b]`), where `,[]{}` must be quoted. */
  readonly flow?: boolean;
}

/** How safe a string is as a plain scalar: 'safe'; 'soft' (a string in YAML 1.2 but a date/boolean to YAML 1.1 readers); 'unsafe'. */
export type PlainSafety = 'safe' | 'soft' | 'unsafe';

// Characters that may not start a plain scalar (YAML c-indicator minus '-', '?', ':', which are
// allowed when followed by a non-space).
const BAD_FIRST = new Set(['@', '`', '!', '&', '*', '[', ']', '{', '}', '#', '|', '>', '%', "'", '"', ',']);
const FLOW_INDICATORS = /[,[\]{}]/;
// Strings that YAML 1.1 readers turn into booleans, timestamps or numbers (regexes, not the yaml package's
// 1.1 schema, because that one also reads 'E-1' as a float, which would quote every epic id).
const YAML11_TYPED = [
  /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$/,
  /^\d{4}-\d\d?-\d\d?(?:(?:[Tt]|[ \t]+)\d\d?:\d\d:\d\d(?:\.\d*)?(?:[ \t]*(?:Z|[-+]\d\d?(?::\d\d)?))?)?$/,
  /^[-+]?\d[\d_]*(?::[0-5]?\d)+(?:\.[\d_]*)?$/,
  /^[-+]?(?:0b[01_]+|0x[\da-fA-F_]+|\d[\d_]*(?:\.[\d_]*)?(?:[eE][-+]?\d+)?|\.[\d_]+(?:[eE][-+]?\d+)?)$/,
];

/** Returns true when `s` holds a character YAML only accepts escaped in a double-quoted scalar. */
function hasNonPrintable(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0xfeff || c === 0xfffe || c === 0xffff) return true;
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
      else return true;
    } else if (c >= 0xdc00 && c <= 0xdfff) return true;
  }
  return false;
}

/** Returns what `text` means as the value of a block mapping (or a flow sequence item), or a marker when it does not parse. */
function readBack(text: string, flow: boolean): unknown {
  try {
    const data = parse(flow ? `[${text}]` : `k: ${text}`, { prettyErrors: false, logLevel: 'error' }) as unknown;
    if (flow) return Array.isArray(data) && data.length === 1 ? data[0] : FAILED;
    return data && typeof data === 'object' && 'k' in data ? (data as { k: unknown }).k : FAILED;
  } catch {
    return FAILED;
  }
}
const FAILED = Symbol('failed');

/** Returns whether `s` can be written as a plain scalar that reads back as the same string. */
export function plainSafety(s: string, flow = false): PlainSafety {
  if (s.length === 0 || hasNonPrintable(s)) return 'unsafe';
  if (/^\s|\s$/.test(s)) return 'unsafe';
  const first = s[0];
  if (BAD_FIRST.has(first)) return 'unsafe';
  if ((first === '-' || first === '?' || first === ':') && (s.length === 1 || s[1] === ' ' || (flow && FLOW_INDICATORS.test(s[1])))) return 'unsafe';
  if (s.includes(': ') || s.includes(' #') || s.endsWith(':')) return 'unsafe';
  if (flow && FLOW_INDICATORS.test(s)) return 'unsafe';
  if (readBack(s, flow) !== s) return 'unsafe';
  // Dates, yes/no, on/off, 1:20, 1_000 ... stay strings for us but not for YAML 1.1 readers (js-yaml, gray-matter).
  return YAML11_TYPED.some((r) => r.test(s)) ? 'soft' : 'safe';
}

/** Returns `s` single-quoted, or undefined when single quotes cannot hold it (line breaks, control characters). */
export function singleQuoted(s: string): string | undefined {
  if (hasNonPrintable(s)) return undefined;
  return `'${s.replace(/'/g, "''")}'`;
}

/** Returns `s` double-quoted with YAML escapes; always on one line. */
export function doubleQuoted(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    const c = s.charCodeAt(i);
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c === 0) out += '\\0';
    else if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) out += '\\x' + c.toString(16).padStart(2, '0');
    else if (c === 0xfeff || c === 0xfffe || c === 0xffff) out += '\\u' + c.toString(16).padStart(4, '0');
    else if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        out += ch + s[i + 1];
        i++;
      } else out += '\\u' + c.toString(16);
    } else if (c >= 0xdc00 && c <= 0xdfff) out += '\\u' + c.toString(16);
    else out += ch;
  }
  return out + '"';
}

/** Returns the quoting style of a scalar's source text. */
export function styleOf(source: string): ScalarStyle {
  return source.startsWith("'") ? 'single' : source.startsWith('"') ? 'double' : 'plain';
}

/** Returns a number, boolean or null as YAML text. */
function formatNonString(value: number | boolean | null): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Number.isNaN(value)) return '.nan';
  if (value === Infinity) return '.inf';
  if (value === -Infinity) return '-.inf';
  if (Object.is(value, -0)) return '-0';
  return String(value);
}

/** Returns `value` as YAML scalar text that reads back (with the `yaml` package) as the same value, keeping `options.style` when it can. */
export function formatYamlScalar(value: ScalarValue, options: ScalarFormatOptions = {}): string {
  if (typeof value !== 'string') return formatNonString(value);
  const quote = (q: 'single' | 'double'): string => (q === 'single' ? (singleQuoted(value) ?? doubleQuoted(value)) : doubleQuoted(value));
  if (options.style === 'single' || options.style === 'double') return quote(options.style);
  const safety = plainSafety(value, options.flow ?? false);
  if (safety === 'safe' || (safety === 'soft' && options.style === 'plain')) return value;
  return quote(options.quote ?? 'double');
}
