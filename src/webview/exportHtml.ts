// The standalone HTML export: the same front end as the webview, inlined with its styles, a default
// theme and the model into the one page shell (roadmapPage.ts), in one file that makes no request at
// all (its CSP forbids every remote load). Runs in the CLI, the Node extension host and the browser's web worker:
// no 'vscode', no Node (hashes through Web Crypto); callers hand in a reader for the asset files.
import type { RoadmapModel } from '../core/roadmap/roadmapModel';
import { inlineScript, inlineStyle, roadmapPage, ROADMAP_ASSET_PATHS } from './roadmapPage';
import { sha256Base64, toBase64 } from './webCrypto';

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

async function sha256(text: string): Promise<string> {
  return `'sha256-${await sha256Base64(text)}'`;
}

/** Returns a self-contained HTML page drawing `model` with the roadmap front end (async: Web Crypto hashes). */
export async function toRoadmapHtml(model: RoadmapModel, assets: RoadmapHtmlAssets): Promise<string> {
  let codicons = '';
  if (assets.codiconCss) {
    const font = assets.codiconFontBase64 ? `url("data:font/ttf;base64,${assets.codiconFontBase64}") format("truetype")` : 'local("codicon")';
    codicons = assets.codiconCss.replace(/url\((["']?)\.\/codicon\.ttf[^)]*\)\s*format\((["'])truetype\2\)/g, font);
  }
  const style = inlineStyle(`${defaultThemeCss()}\n${codicons}\n${assets.css}`);
  const script = inlineScript(assets.script);
  return roadmapPage({
    title: `${model.title} — ${model.today}`,
    // Hashes rather than a nonce: the file is static, and a hash pins exactly this script and style.
    csp: {
      'style-src': await sha256(style.text),
      'script-src': await sha256(script.text),
      'font-src': 'data:',
      'img-src': "'none'",
      'connect-src': "'none'",
      'base-uri': "'none'",
      'form-action': "'none'",
    },
    styles: [style],
    script,
    model,
  });
}

const decoder = new TextDecoder('utf-8');

/**
 * Returns the files the standalone page inlines, read through `read` (a path under the extension or CLI install;
 * undefined when the file is missing). Throws when the front end itself is missing.
 */
export async function readRoadmapAssets(read: (path: readonly string[]) => Promise<Uint8Array | undefined>): Promise<RoadmapHtmlAssets> {
  const [script, css, codiconCss, font] = await Promise.all([read(ROADMAP_ASSET_PATHS.script), read(ROADMAP_ASSET_PATHS.css), read(ROADMAP_ASSET_PATHS.codiconCss), read(ROADMAP_ASSET_PATHS.codiconFont)]);
  if (!script || !css) throw new Error(`the roadmap front end (${ROADMAP_ASSET_PATHS.script.join('/')} and ${ROADMAP_ASSET_PATHS.css.join('/')}) was not found; rebuild with \`npm run build\`.`);
  return {
    script: decoder.decode(script),
    css: decoder.decode(css),
    ...(codiconCss ? { codiconCss: decoder.decode(codiconCss) } : {}),
    ...(font ? { codiconFontBase64: toBase64(font) } : {}),
  };
}
