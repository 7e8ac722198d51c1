// Tiny DOM builders. Text only ever goes in through textContent/attributes, never innerHTML, so
// strings from story files cannot become markup.

export type Attrs = Readonly<Record<string, string | number | boolean | undefined>>;

/** Returns a new element with a class, attributes and children (strings become text nodes). */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, attrs?: Attrs, ...children: (Node | string | undefined | null | false)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v === undefined || v === false) continue;
      e.setAttribute(k, v === true ? '' : String(v));
    }
  }
  for (const c of children) {
    if (c === undefined || c === null || c === false) continue;
    e.append(typeof c === 'string' ? document.createTextNode(c) : c);
  }
  return e;
}

/** Returns a codicon element (decorative: hidden from screen readers). */
export function icon(name: string, cls = ''): HTMLElement {
  return h('span', `codicon codicon-${name}${cls ? ` ${cls}` : ''}`, { 'aria-hidden': 'true' });
}

/** Returns a <select> with options; `value` selected. */
export function select(label: string, options: readonly (readonly [string, string])[], value: string, onChange: (v: string) => void): HTMLLabelElement {
  const s = h('select', 'dropdown', { 'aria-label': label });
  for (const [v, text] of options) {
    const o = h('option', undefined, { value: v }, text);
    if (v === value) o.selected = true;
    s.append(o);
  }
  s.addEventListener('change', () => onChange(s.value));
  return h('label', 'filter', undefined, h('span', 'filter-label', undefined, label), s);
}

/** Makes `parent`'s children exactly `desired`, moving only the nodes that are out of place (unchanged nodes keep their layout). */
export function patchChildren(parent: Element, desired: readonly Node[]): void {
  for (let i = 0; i < desired.length; i++) {
    const current = parent.childNodes[i];
    if (current !== desired[i]) parent.insertBefore(desired[i], current ?? null);
  }
  while (parent.childNodes.length > desired.length) parent.lastChild!.remove();
}
