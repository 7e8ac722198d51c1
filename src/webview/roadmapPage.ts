// The roadmap's HTML page, built in one place: the panel's webview page and the standalone export are
// this shell with different parameters (linked files and a nonce, or inlined text pinned by hashes).
// Its Content-Security-Policy always starts with `default-src 'none'`. No 'vscode', no Node, no DOM.
import type { RoadmapModel } from '../core/roadmap/roadmapModel';

/** The files the front end is made of, relative to the extension (or CLI) install. */
export const ROADMAP_ASSET_PATHS = {
  /** The bundled front end (esbuild.js builds it from src/webview/app/main.ts). */
  script: ['dist', 'webview', 'roadmap.js'],
  css: ['media', 'roadmap.css'],
  /** Optional: without them icons are simply not drawn. */
  codiconCss: ['media', 'codicons', 'codicon.css'],
  codiconFont: ['media', 'codicons', 'codicon.ttf'],
} as const satisfies Readonly<Record<string, readonly string[]>>;

declare const inlineBrand: unique symbol;
/** Text made safe to sit inside its <script> or <style> element; only `inlineScript`/`inlineStyle` make one. */
export interface InlineText {
  readonly text: string;
  readonly [inlineBrand]: true;
}

/** Returns script text that cannot close its <script> element early (hash `.text` for a CSP). */
export function inlineScript(js: string): InlineText {
  return { text: js.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--') } as InlineText;
}

/** Returns style text that cannot close its <style> element early (hash `.text` for a CSP). */
export function inlineStyle(css: string): InlineText {
  return { text: css.replace(/<\/(style)/gi, '<\\/$1') } as InlineText;
}

/** Returns JSON safe inside a <script> element: no `</script`, `<!--` or line separators can appear. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Returns text escaped for HTML text and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export interface RoadmapPageOptions {
  readonly title: string;
  /** The policy's directives after `default-src 'none'`, e.g. `{ 'script-src': "'nonce-…'" }`. */
  readonly csp: Readonly<Record<string, string>>;
  /** Stylesheets, in order: linked by URL, or inline. */
  readonly styles: readonly ({ readonly href: string } | InlineText)[];
  /** The front end: loaded by URL with the page's nonce, or inline. */
  readonly script: { readonly src: string; readonly nonce: string } | InlineText;
  /** A model embedded as JSON, read by the front end when no host talks to it (the standalone export). */
  readonly model?: RoadmapModel;
}

/** Returns the roadmap's HTML page. */
export function roadmapPage(o: RoadmapPageOptions): string {
  const csp = ["default-src 'none'", ...Object.entries(o.csp).map(([directive, sources]) => `${directive} ${sources}`)].join('; ');
  const styles = o.styles.map((s) => ('href' in s ? `<link rel="stylesheet" href="${escapeHtml(s.href)}">` : `<style>${s.text}</style>`));
  const script = 'src' in o.script ? `<script nonce="${escapeHtml(o.script.nonce)}" src="${escapeHtml(o.script.src)}"></script>` : `<script>${o.script.text}</script>`;
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(o.title)}</title>`,
    ...styles,
    '</head>',
    '<body>',
    ...(o.model !== undefined ? [`<script type="application/json" id="rudder-model">${jsonForScript(o.model)}</script>`] : []),
    script,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
