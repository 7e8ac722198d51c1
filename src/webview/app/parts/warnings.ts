// The warnings panel: every roadmap warning as a button that focuses its story.
import { h, icon } from '../dom';
import type { RenderContext } from '../renderContext';

/** Builds the warnings list; each entry focuses its story. */
export function renderWarnings(ctx: RenderContext, onPick: (path: string) => void): HTMLElement {
  const list = h('ul', 'warnings-list', { 'aria-label': 'Roadmap warnings' });
  for (const w of ctx.model.warnings) {
    const button = h('button', 'link', { type: 'button' }, w.message);
    button.addEventListener('click', () => onPick(w.path));
    list.append(h('li', `warning warning-${w.code}`, undefined, icon('warning'), button));
  }
  if (!ctx.model.warnings.length) list.append(h('li', 'empty', undefined, 'No warnings'));
  return h('div', 'warnings-panel', { role: 'region', 'aria-label': 'Warnings' }, list);
}
