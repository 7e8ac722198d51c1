// A story's dependencies, shown on demand: its chip, the chips it depends on and the ones that depend
// on it are highlighted, with arrows in an SVG overlay. Views without an overlay show nothing.
import type { RenderContext } from '../renderContext';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Returns the (empty) SVG layer the dependency arrows are drawn in; a view puts it as a direct child of its root. */
export function dependencyOverlay(): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('class', 'deps-overlay');
  svg.setAttribute('aria-hidden', 'true');
  const defs = document.createElementNS(SVG_NS, 'defs');
  const marker = document.createElementNS(SVG_NS, 'marker');
  marker.setAttribute('id', 'rudder-arrow');
  marker.setAttribute('viewBox', '0 0 10 10');
  marker.setAttribute('refX', '9');
  marker.setAttribute('refY', '5');
  marker.setAttribute('markerWidth', '7');
  marker.setAttribute('markerHeight', '7');
  marker.setAttribute('orient', 'auto-start-reverse');
  const tip = document.createElementNS(SVG_NS, 'path');
  tip.setAttribute('d', 'M 0 0 L 10 5 L 0 10 z');
  tip.setAttribute('class', 'deps-arrowhead');
  marker.append(tip);
  defs.append(marker);
  svg.append(defs);
  return svg;
}

function chipsOf(root: HTMLElement, path: string): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(`.chip[data-path="${CSS.escape(path)}"]`)];
}

/** Removes every dependency highlight and arrow under `root`. */
export function clearDependencies(root: HTMLElement): void {
  for (const el of root.querySelectorAll('.dep-source, .dep-target, .dep-dependent')) el.classList.remove('dep-source', 'dep-target', 'dep-dependent');
  for (const p of [...root.querySelectorAll('path.deps-line')]) p.remove();
}

/** Highlights a story's dependencies and dependents and draws arrows to them; null clears. */
export function showDependencies(root: HTMLElement, ctx: RenderContext | undefined, path: string | null): void {
  clearDependencies(root);
  const svg = root.querySelector<SVGSVGElement>(':scope > .deps-overlay');
  if (!svg || !path || !ctx) return;
  const sources = chipsOf(root, path);
  if (!sources.length) return;
  const host = svg.parentElement as HTMLElement;
  const base = host.getBoundingClientRect();
  svg.setAttribute('width', String(host.scrollWidth));
  svg.setAttribute('height', String(host.scrollHeight));
  const from = sources[0];
  from.classList.add('dep-source');
  const line = (a: HTMLElement, b: HTMLElement, cls: string): void => {
    // Arrow from the dependent (a) to what it depends on (b).
    const ra = a.getBoundingClientRect();
    const rb = b.getBoundingClientRect();
    const ax = ra.left - base.left;
    const ay = ra.top - base.top + ra.height / 2;
    const bx = rb.right - base.left;
    const by = rb.top - base.top + rb.height / 2;
    const bend = Math.max(40, Math.abs(ax - bx) / 3);
    const p = document.createElementNS(SVG_NS, 'path');
    p.setAttribute('d', `M ${ax} ${ay} C ${ax - bend} ${ay}, ${bx + bend} ${by}, ${bx} ${by}`);
    p.setAttribute('class', `deps-line ${cls}`);
    p.setAttribute('marker-end', 'url(#rudder-arrow)');
    svg.append(p);
  };
  for (const target of ctx.dependsOn.get(path) ?? []) {
    const t = chipsOf(root, target)[0];
    if (!t) continue;
    t.classList.add('dep-target');
    line(from, t, ctx.warningsByPath.get(path)?.some((w) => w.relatedPath === target) ? 'deps-warn' : '');
  }
  for (const dependent of ctx.dependents.get(path) ?? []) {
    const d = chipsOf(root, dependent)[0];
    if (!d) continue;
    d.classList.add('dep-dependent');
    line(d, from, 'deps-in');
  }
}
