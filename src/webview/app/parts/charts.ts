// The roadmap's charts as hand-written SVG: the burn-up, the throughput histogram and the cycle-time scatter.
// Colours come from VS Code's theme variables in media/roadmap.css (classes here, no colours), so light, dark and
// high-contrast themes and the standalone export's default theme apply as they do to the rest of the page. Each
// chart is an image with a one-sentence label for screen readers, a <title> on every mark (also the tooltip), and
// its numbers as a table under a "Data" disclosure. The shapes come from chartGeometry.ts (no DOM).
import { h } from '../dom';
import type { BurnupShape, ChartBox, HistogramShape, ScatterShape, Tick } from './chartGeometry';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Returns an SVG element with attributes (text only through textContent). */
function s(tag: string, attrs: Readonly<Record<string, string | number>>, ...children: (Node | string | undefined)[]): SVGElement {
  const e = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, typeof v === 'number' ? String(Math.round(v * 10) / 10) : v);
  for (const c of children) if (c !== undefined) e.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return e;
}

const title = (text: string): SVGElement => s('title', {}, text);

function frame(box: ChartBox, label: string, cls: string): SVGElement {
  return s('svg', { class: `chart ${cls}`, viewBox: `0 0 ${box.width} ${box.height}`, width: box.width, height: box.height, role: 'img', 'aria-label': label });
}

function axes(box: ChartBox, xTicks: readonly Tick[], yTicks: readonly Tick[]): SVGElement {
  const g = s('g', { class: 'chart-axes', 'aria-hidden': 'true' });
  const bottom = box.height - box.bottom;
  for (const t of yTicks) {
    g.append(s('line', { class: 'chart-grid', x1: box.left, x2: box.width - box.right, y1: t.at, y2: t.at }));
    g.append(s('text', { class: 'chart-tick', x: box.left - 4, y: t.at + 3, 'text-anchor': 'end' }, t.label));
  }
  g.append(s('line', { class: 'chart-axis', x1: box.left, x2: box.width - box.right, y1: bottom, y2: bottom }));
  for (const t of xTicks) {
    g.append(s('line', { class: 'chart-axis', x1: t.at, x2: t.at, y1: bottom, y2: bottom + 4 }));
    g.append(s('text', { class: 'chart-tick', x: t.at, y: bottom + 16, 'text-anchor': 'middle' }, t.label));
  }
  return g;
}

/** Returns a figure: the chart, a caption, a legend and the numbers as a table under a "Data" disclosure. */
function figure(cls: string, caption: string, chart: SVGElement, legend: readonly [string, string][], table: { head: readonly string[]; rows: readonly (readonly (string | number)[])[] }): HTMLElement {
  const legendEl = h('ul', 'chart-legend', { 'aria-hidden': 'true' }, ...legend.map(([swatch, text]) => h('li', undefined, undefined, h('span', `swatch ${swatch}`), text)));
  const tableEl = h(
    'table',
    'chart-data',
    undefined,
    h('thead', undefined, undefined, h('tr', undefined, undefined, ...table.head.map((c) => h('th', undefined, { scope: 'col' }, c)))),
    h('tbody', undefined, undefined, ...table.rows.map((r) => h('tr', undefined, undefined, ...r.map((c) => h('td', undefined, undefined, String(c)))))),
  );
  return h('figure', `chart-figure ${cls}`, undefined, h('figcaption', 'chart-caption', undefined, caption), chart, legendEl, h('details', 'chart-details', undefined, h('summary', undefined, undefined, 'Data'), tableEl));
}

/** Returns a milestone's burn-up: done (area) against scope (line), scope changes as marks, the forecast band and the due date. */
export function burnupChart(shape: BurnupShape, caption: string, rows: readonly (readonly (string | number)[])[]): HTMLElement {
  const { box } = shape;
  const svg = frame(box, shape.summary, 'burnup');
  const top = box.top;
  const bottom = box.height - box.bottom;
  if (shape.band) {
    const { x50, x85, x95, text } = shape.band;
    svg.append(
      s('g', { class: 'chart-band' }, title(text), s('rect', { class: 'band-range', x: x50, y: top, width: Math.max(2, x95 - x50), height: bottom - top }), s('line', { class: 'band-p85', x1: x85, x2: x85, y1: top, y2: bottom })),
    );
  }
  svg.append(axes(box, shape.xTicks, shape.yTicks));
  svg.append(s('path', { class: 'burnup-done', d: shape.done }), s('path', { class: 'burnup-done-line', d: shape.doneLine }), s('path', { class: 'burnup-scope', d: shape.scope }));
  for (const c of shape.changes) svg.append(s('circle', { class: `burnup-change${c.removed && !c.added ? ' removed' : ''}`, cx: c.x, cy: c.y, r: 3.5 }, title(c.text)));
  if (shape.due) svg.append(s('g', { class: 'chart-due' }, s('line', { x1: shape.due.x, x2: shape.due.x, y1: top, y2: bottom }), s('text', { class: 'chart-tick', x: shape.due.x + 3, y: top + 10 }, shape.due.label)));
  svg.append(s('line', { class: 'chart-today', x1: shape.today, x2: shape.today, y1: top, y2: bottom }, title('Today')));
  const legend: [string, string][] = [
    ['scope', `Scope (${shape.unit})`],
    ['done', 'Done'],
    ['change', 'Scope changed'],
  ];
  if (shape.band) legend.push(['band', 'Forecast 50–95%, line at 85%']);
  return figure('burnup-figure', caption, svg, legend, { head: ['Date', 'Scope', 'Done'], rows });
}

/** Returns the throughput histogram; the weeks the forecasts draw from are drawn solid. */
export function throughputChart(shape: HistogramShape): HTMLElement {
  const svg = frame(shape.box, shape.summary, 'throughput');
  svg.append(axes(shape.box, shape.xTicks, shape.yTicks));
  for (const b of shape.bars) svg.append(s('rect', { class: `tp-bar${b.sampled ? ' sampled' : ''}`, x: b.x, y: b.y, width: b.width, height: Math.max(0, b.height) }, title(b.text)));
  return figure('throughput-figure', `Throughput per week (${shape.unit})`, svg, [['sampled', 'Weeks the forecasts draw from'], ['other', 'Other weeks']], {
    head: ['Week of', shape.unit === 'points' ? 'Points' : 'Stories', 'Sampled'],
    rows: shape.bars.map((b) => [b.weekStart, b.value, b.sampled ? 'yes' : '']),
  });
}

/** Returns the cycle-time scatter with its 50/85/95% lines. */
export function cycleTimeChart(shape: ScatterShape): HTMLElement {
  const svg = frame(shape.box, shape.summary, 'scatter');
  svg.append(axes(shape.box, shape.xTicks, shape.yTicks));
  for (const l of shape.lines) {
    svg.append(s('g', { class: 'chart-percentile' }, s('line', { x1: shape.box.left, x2: shape.box.width - shape.box.right, y1: l.y, y2: l.y }), s('text', { class: 'chart-tick', x: shape.box.width - shape.box.right - 2, y: l.y - 3, 'text-anchor': 'end' }, l.label)));
  }
  for (const d of shape.dots) svg.append(s('circle', { class: 'dot', cx: d.x, cy: d.y, r: 4, 'data-story': d.path }, title(d.text)));
  return figure('scatter-figure', 'Cycle time of finished stories (days in progress)', svg, [['dot', 'A finished story'], ['percentile', 'Percentiles']], {
    head: ['Story', 'Cycle time'],
    rows: shape.dots.map((d) => [d.text.split(':')[0], d.text.split(': ')[1] ?? '']),
  });
}
