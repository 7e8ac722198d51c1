// The standalone HTML export: the same renderer as the webview, inlined with its styles, a default
// theme and the model, in one file that makes no request at all (its CSP forbids every remote load).
// Node side (CLI and extension host) but no 'vscode': callers read the asset files and pass them in.
import { createHash } from 'node:crypto';
import type { RoadmapModel } from '../core/roadmap/roadmapModel';

export interface RoadmapHtmlAssets {
  /** The bundled front end, `dist/webview/roadmap.js`. */
  readonly script: string;
  /** `media/roadmap.css`. */
  readonly css: string;
  /** `codicon.css`, optional: without it icons are simply not drawn. */
  readonly codiconCss?: string;
  /** `codicon.ttf` as base64, inlined as a data: URL. */
  readonly codiconFontBase64?: string;
}

// VS Code's Light+ / Dark+ values of the variables media/roadmap.css uses; the page follows the
// reader's system colour scheme.
const LIGHT: Readonly<Record<string, string>> = {
  'font-family': "-apple-system, BlinkMacSystemFont, 'Segoe UI', Ubuntu, 'Droid Sans', sans-serif",
  'font-size': '13px',
  foreground: '#3b3b3b',
  descriptionForeground: '#717171',
  disabledForeground: 'rgba(97, 97, 97, 0.5)',
  'editor-background': '#ffffff',
  'editorWidget-background': '#f8f8f8',
  'sideBar-background': '#f8f8f8',
  'sideBarSectionHeader-background': '#f0f0f0',
  'panel-border': '#e5e5e5',
  focusBorder: '#005fb8',
  'badge-background': '#cccccc',
  'badge-foreground': '#3b3b3b',
  'charts-blue': '#1a85ff',
  'charts-green': '#388a34',
  'charts-orange': '#d18616',
  'charts-purple': '#652d90',
  'charts-red': '#e51400',
  'editorError-foreground': '#e51400',
  'editorWarning-foreground': '#bf8803',
  'dropdown-background': '#ffffff',
  'dropdown-border': '#cecece',
  'dropdown-foreground': '#3b3b3b',
  'inputOption-activeBackground': 'rgba(190, 230, 253, 0.2)',
  'inputOption-activeBorder': '#005fb8',
  'inputOption-activeForeground': '#000000',
  'list-dropBackground': '#d6ebff',
  'list-hoverBackground': '#f2f2f2',
  'progressBar-background': '#005fb8',
  'textLink-foreground': '#005fb8',
  'textLink-activeForeground': '#005fb8',
  'toolbar-hoverBackground': 'rgba(184, 184, 184, 0.31)',
};

const DARK: Readonly<Record<string, string>> = {
  ...LIGHT,
  foreground: '#cccccc',
  descriptionForeground: '#9d9d9d',
  disabledForeground: 'rgba(204, 204, 204, 0.5)',
  'editor-background': '#1f1f1f',
  'editorWidget-background': '#202020',
  'sideBar-background': '#181818',
  'sideBarSectionHeader-background': '#181818',
  'panel-border': '#2b2b2b',
  focusBorder: '#0078d4',
  'badge-background': '#616161',
  'badge-foreground': '#f8f8f8',
  'charts-blue': '#3794ff',
  'charts-green': '#89d185',
  'charts-orange': '#d18616',
  'charts-purple': '#b180d7',
  'charts-red': '#f14c4c',
  'editorError-foreground': '#f85149',
  'editorWarning-foreground': '#cca700',
  'dropdown-background': '#313131',
  'dropdown-border': '#3c3c3c',
  'dropdown-foreground': '#cccccc',
  'inputOption-activeBackground': 'rgba(36, 137, 219, 0.51)',
  'inputOption-activeBorder': '#2488db',
  'inputOption-activeForeground': '#ffffff',
  'list-dropBackground': '#383b3d',
  'list-hoverBackground': '#2a2d2e',
  'progressBar-background': '#0078d4',
  'textLink-foreground': '#4daafc',
  'textLink-activeForeground': '#4daafc',
  'toolbar-hoverBackground': 'rgba(90, 93, 94, 0.31)',
};

function variables(values: Readonly<Record<string, string>>): string {
  return Object.entries(values)
    .map(([k, v]) => `  --vscode-${k}: ${v};`)
    .join('\n');
}

/** Returns CSS defining the `--vscode-*` variables the roadmap uses (light, dark by system preference). */
export function defaultThemeCss(): string {
  return `:root {\n${variables(LIGHT)}\n}\n@media (prefers-color-scheme: dark) {\n:root {\n${variables(DARK)}\n}\n}\n`;
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

/** Returns script text that cannot close its <script> element early. */
function scriptSafe(js: string): string {
  return js.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

function escapeHtmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** Returns a self-contained HTML page drawing `model` with the roadmap front end. */
export function toRoadmapHtml(model: RoadmapModel, assets: RoadmapHtmlAssets): string {
  let codicons = '';
  if (assets.codiconCss) {
    const font = assets.codiconFontBase64 ? `url("data:font/ttf;base64,${assets.codiconFontBase64}") format("truetype")` : 'local("codicon")';
    codicons = assets.codiconCss.replace(/url\((["']?)\.\/codicon\.ttf[^)]*\)\s*format\((["'])truetype\2\)/g, font);
  }
  const style = `${defaultThemeCss()}\n${codicons}\n${assets.css}`.replace(/<\/(style)/gi, '<\\/$1');
  const script = scriptSafe(assets.script);
  // Hashes rather than a nonce: the file is static, and a hash pins exactly this script and style.
  const csp = [
    "default-src 'none'",
    `style-src ${sha256(style)}`,
    `script-src ${sha256(script)}`,
    'font-src data:',
    "img-src 'none'",
    "connect-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const title = escapeHtmlText(`${model.title} — ${model.today}`);
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${title}</title>`,
    `<style>${style}</style>`,
    '</head>',
    '<body>',
    `<script type="application/json" id="rudder-model">${jsonForScript(model)}</script>`,
    `<script>${script}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
