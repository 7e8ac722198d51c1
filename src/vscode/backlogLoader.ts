import * as vscode from 'vscode';
import { BacklogIndex } from '../core/index/backlogIndex';
import { parseConfig } from '../core/config/parseConfig';
import { toCorePath, toUri } from './convert';

const RUDDER_YML = '.rudder.yml';
const BACKLOG_MD_CONFIG = 'backlog/config.yml';

/** Returns the workspace folder that holds the backlog: the first with `.rudder.yml` or `backlog/`, else the first folder. */
export async function findBacklogRoot(): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  for (const folder of folders) {
    for (const probe of [RUDDER_YML, 'backlog']) {
      if (await exists(toUri(folder.uri, probe))) return folder;
    }
  }
  return folders[0];
}

/**
 * Keeps a BacklogIndex in step with the files of one workspace folder: reads the configuration and
 * every Markdown file through `vscode.workspace.fs`, then follows a FileSystemWatcher.
 */
export class BacklogLoader implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly decoder = new TextDecoder('utf-8');
  // Why a generation counter: a reload that starts while an older one is still reading must win;
  // results of the older one are dropped instead of overwriting newer texts.
  private generation = 0;
  private readyPromise: Promise<void> = Promise.resolve();

  constructor(
    readonly index: BacklogIndex,
    readonly root: vscode.Uri,
  ) {}

  /** Resolves when the latest full load has finished. */
  get ready(): Promise<void> {
    return this.readyPromise;
  }

  /** Starts watching and loads everything; returns the load's promise. */
  start(): Promise<void> {
    const md = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(this.root, '**/*.md'));
    md.onDidCreate((uri) => void this.readOne(uri), undefined, this.disposables);
    md.onDidChange((uri) => void this.readOne(uri), undefined, this.disposables);
    md.onDidDelete((uri) => this.removeOne(uri), undefined, this.disposables);
    const config = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(this.root, `{${RUDDER_YML},${BACKLOG_MD_CONFIG}}`));
    // A configuration change can change which files are stories: reload everything.
    const reload = () => void this.reload();
    config.onDidCreate(reload, undefined, this.disposables);
    config.onDidChange(reload, undefined, this.disposables);
    config.onDidDelete(reload, undefined, this.disposables);
    this.disposables.push(md, config);
    return this.reload();
  }

  /** Re-reads the configuration and every Markdown file; returns when the index holds them. */
  reload(): Promise<void> {
    const generation = ++this.generation;
    this.readyPromise = this.loadAll(generation).catch((e) => {
      console.error('[rudder] loading the backlog failed', e);
    });
    return this.readyPromise;
  }

  private async loadAll(generation: number): Promise<void> {
    const [rudderYml, backlogMdConfigYml] = await Promise.all([this.readText(toUri(this.root, RUDDER_YML)), this.readText(toUri(this.root, BACKLOG_MD_CONFIG))]);
    if (generation !== this.generation) return;
    const { config, issues } = parseConfig({ rudderYml, backlogMdConfigYml });
    this.index.setConfig(config, issues);

    const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(this.root, '**/*.md'), '**/{node_modules,.git}/**');
    const wanted = new Map<string, vscode.Uri>();
    for (const uri of uris) {
      const path = toCorePath(this.root, uri);
      if (path !== undefined && this.index.classify(path) !== 'other') wanted.set(path, uri);
    }
    // Why batches: thousands of concurrent reads stall the extension host; 64 keeps the disk busy.
    const entries = [...wanted];
    for (let i = 0; i < entries.length; i += 64) {
      const batch = entries.slice(i, i + 64);
      const texts = await Promise.all(batch.map(([, uri]) => this.readText(uri)));
      if (generation !== this.generation) return;
      batch.forEach(([path], k) => {
        const text = texts[k];
        if (text !== undefined && text !== this.index.text(path)) this.index.upsert(path, text);
      });
    }
    // Files the index knows that are gone or no longer match the configured globs.
    for (const story of [...this.index.stories()]) {
      if (!wanted.has(story.path)) this.index.remove(story.path);
    }
    for (const m of this.index.milestones()) if (!wanted.has(m.path)) this.index.remove(m.path);
    const vision = this.index.vision();
    if (vision && !wanted.has(vision.path)) this.index.remove(vision.path);
  }

  private async readOne(uri: vscode.Uri): Promise<void> {
    const path = toCorePath(this.root, uri);
    if (path === undefined || this.index.classify(path) === 'other') return;
    const generation = this.generation;
    const text = await this.readText(uri);
    if (generation !== this.generation) return; // a full reload is running and will read it
    if (text === undefined) this.index.remove(path);
    else if (text !== this.index.text(path)) this.index.upsert(path, text);
  }

  private removeOne(uri: vscode.Uri): void {
    const path = toCorePath(this.root, uri);
    if (path !== undefined && this.index.text(path) !== undefined) this.index.remove(path);
  }

  private async readText(uri: vscode.Uri): Promise<string | undefined> {
    try {
      return this.decoder.decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      return undefined; // missing or unreadable: treated as absent
    }
  }

  dispose(): void {
    this.generation++;
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
