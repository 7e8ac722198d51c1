// The toolbar: a button per layout (from the registry), zoom, filters, goal swimlanes, velocity,
// warnings, and the Export menu (in VS Code only).
import type { RoadmapModel } from '../../core/roadmap/roadmapModel';
import { EXPORT_FORMATS, isExportFormat, type ExportFormat } from '../exportFormats';
import { LAYOUTS } from '../protocol';
import { h, icon, select } from './dom';
import type { ViewState, Zoom } from './viewState';
import { VIEWS } from './views/registry';

/** What the toolbar's controls do. */
export interface ToolbarActions {
  setState(patch: Partial<ViewState>): void;
  zoomTo(zoom: Zoom): void;
  /** Undefined in a standalone export (no host to export for it). */
  exportAs?(format: ExportFormat): void;
}

const ZOOMS: readonly (readonly [Zoom, string, string])[] = [
  ['quarter', 'Quarter', 'zoom-out'],
  ['month', 'Month', 'search'],
  ['week', 'Week', 'zoom-in'],
];

function toggle(label: string, iconName: string, pressed: boolean, onClick: () => void, disabled = false): HTMLButtonElement {
  const b = h('button', `toggle${pressed ? ' pressed' : ''}`, { type: 'button', 'aria-pressed': String(pressed), title: label, disabled }, icon(iconName), h('span', undefined, undefined, label));
  b.addEventListener('click', onClick);
  return b;
}

/** Returns the toolbar's groups for this model and state. */
export function toolbarGroups(m: RoadmapModel, state: ViewState, actions: ToolbarActions): HTMLElement[] {
  const { controls } = VIEWS[state.layout];
  const layout = h('div', 'group', { role: 'group', 'aria-label': 'Layout' }, ...LAYOUTS.map((l) => toggle(VIEWS[l].label, VIEWS[l].icon, state.layout === l, () => actions.setState({ layout: l }))));
  const zoom = h('div', 'group', { role: 'group', 'aria-label': 'Zoom' }, ...ZOOMS.map(([z, label, i]) => toggle(label, i, state.zoom === z, () => actions.zoomTo(z), !controls.zoom)));
  const goalOptions: [string, string][] = [['*', 'All goals'], ...m.goals.filter((g) => g.id !== '').map((g) => [g.id, `${g.id} · ${g.title}`] as [string, string]), ['', 'No goal']];
  const epicOptions: [string, string][] = [['*', 'All epics'], ...Object.keys(m.epics).map((id) => [id, `${id} · ${m.stories[m.epics[id]]?.title ?? ''}`] as [string, string])];
  const labelOptions: [string, string][] = [['*', 'All labels'], ...m.labels.map((l) => [l, l] as [string, string])];
  const statusOptions: [string, string][] = [
    ['*', 'All statuses'],
    ['cat:todo', 'To do'],
    ['cat:doing', 'In progress'],
    ['cat:done', 'Done'],
    ['cat:dropped', 'Dropped'],
    ...m.statuses.map((s) => [`status:${s}`, `Status: ${s}`] as [string, string]),
  ];
  const val = (v: string | null): string => (v === null ? '*' : v);
  const unval = (v: string): string | null => (v === '*' ? null : v);
  const filters = h(
    'div',
    'group filters',
    { role: 'group', 'aria-label': 'Filters' },
    icon('filter'),
    select('Goal', goalOptions, val(state.goal), (v) => actions.setState({ goal: unval(v) })),
    select('Epic', epicOptions, val(state.epic), (v) => actions.setState({ epic: unval(v) })),
    select('Label', labelOptions, val(state.label), (v) => actions.setState({ label: unval(v) })),
    select('Status', statusOptions, val(state.status), (v) => actions.setState({ status: unval(v) })),
    toggle('Goal swimlanes', 'list-tree', state.swimlanes, () => actions.setState({ swimlanes: !state.swimlanes }), !controls.swimlanes),
  );
  if (state.goal !== null || state.epic !== null || state.label !== null || state.status !== null) {
    const clear = h('button', 'toggle', { type: 'button', title: 'Clear filters' }, icon('clear-all'), h('span', undefined, undefined, 'Clear'));
    clear.addEventListener('click', () => actions.setState({ goal: null, epic: null, label: null, status: null }));
    filters.append(clear);
  }
  const right = h('div', 'group right');
  const v = m.velocity;
  right.append(h('span', 'velocity', { title: v.explanation }, icon('pulse'), v.pointsPerWeek !== undefined ? `${v.pointsPerWeek} pts/week` : 'No velocity'));
  right.append(toggle(`${m.warnings.length} warning${m.warnings.length === 1 ? '' : 's'}`, 'warning', state.showWarnings, () => actions.setState({ showWarnings: !state.showWarnings })));
  const exportAs = actions.exportAs;
  if (exportAs) {
    const exp = h('select', 'dropdown', { 'aria-label': 'Export roadmap' });
    exp.append(h('option', undefined, { value: '' }, 'Export…'), ...EXPORT_FORMATS.map((f) => h('option', undefined, { value: f.id }, f.menuLabel)));
    exp.addEventListener('change', () => {
      if (isExportFormat(exp.value)) exportAs(exp.value);
      exp.value = '';
    });
    right.append(exp);
  }
  return [layout, zoom, filters, right];
}
