// Normalisers from front-matter data to Story fields: a wrongly shaped value becomes undefined (or []),
// and the invalid-field rule reports it from frontMatter.data.

/** Returns a trimmed non-empty string for a string or number value, else undefined. */
export function asText(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() === '' ? undefined : v.trim();
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

/** Returns a string value as written (no numbers), else undefined. */
export function asString(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

/** Returns a finite number, else undefined. */
export function asNumber(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** Returns a list of non-empty strings from a string, a number or a list of them; [] for anything else. */
export function asList(v: unknown): string[] {
  if (Array.isArray(v)) {
    const out: string[] = [];
    for (const x of v) {
      const t = asText(x);
      if (t !== undefined) out.push(t);
    }
    return out;
  }
  const t = asText(v);
  return t === undefined ? [] : [t];
}

/** Returns the first value that is present (not undefined or null) among keys of data. */
export function pick(data: Readonly<Record<string, unknown>>, ...keys: string[]): unknown {
  for (const k of keys) {
    if (Object.prototype.hasOwnProperty.call(data, k)) {
      const v = data[k];
      if (v !== undefined && v !== null) return v;
    }
  }
  return undefined;
}

/** Returns the file name without folders and without its `.md` extension. */
export function fileTitle(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return name.replace(/\.(md|markdown)$/i, '') || name;
}
