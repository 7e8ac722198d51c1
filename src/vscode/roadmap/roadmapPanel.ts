import * as vscode from 'vscode';
import type { BacklogHistory } from '../../core/flow/backlogHistory';
import type { BacklogIndex } from '../../core/index/backlogIndex';
import { localIsoDate } from '../../core/roadmap/roadmapDates';
import type { RoadmapModel } from '../../core/roadmap/roadmapModel';
import { toRoadmap } from '../../core/roadmap/toRoadmap';
import { readRoadmapAssets } from '../../webview/exportHtml';
import { exportRoadmap } from '../../webview/exportRoadmap';
import { EXPORT_FORMATS, exportFormatSpec, isExportFormat, type ExportFormat } from '../../webview/exportFormats';
import { isInvalidMessage, validateWebviewMessage, type HostMessage, type RenderSummary, type WebviewMessage } from '../../webview/protocol';
import { roadmapPage, ROADMAP_ASSET_PATHS } from '../../webview/roadmapPage';
import { randomNonce } from '../../webview/webCrypto';
import { toUri } from '../convert';

export const ROADMAP_VIEW_TYPE = 'rudder.roadmap';
export const OPEN_ROADMAP_COMMAND = 'rudder.openRoadmap';
export const EXPORT_ROADMAP_COMMAND = 'rudder.exportRoadmap';
/** Why 150 ms: a save or a multi-file change fires several index changes; one redraw covers them. */
const MODEL_DEBOUNCE_MS = 150;

/** The backlog the roadmap shows: the index, the folder its paths are relative to, and its git history as last read. */
export interface RoadmapBacklog {
  readonly index: BacklogIndex;
  readonly root: vscode.Uri;
  readonly history?: { readonly current: BacklogHistory | undefined; readonly onDidChange: vscode.Event<unknown> };
}

/** What the webview last reported drawing (read by the host tests). */
export interface RoadmapRendered {
  readonly generation: number;
  readonly summary: RenderSummary;
  readonly renderMs: number;
}

const encoder = new TextEncoder();

function modelOf(backlog: RoadmapBacklog): RoadmapModel {
  const name = backlog.root.path.split('/').filter(Boolean).pop() ?? 'Backlog';
  // Until the first read has finished the roadmap forecasts by velocity, and says why; the panel redraws when it has.
  const history: BacklogHistory = backlog.history ? (backlog.history.current ?? { available: false, reason: 'the git history is still being read' }) : { available: false, reason: 'no history reader' };
  return toRoadmap(backlog.index, { today: localIsoDate(new Date()), title: `${name} roadmap`, history });
}

/** The one roadmap panel: its webview, its model posts and the messages it accepts. */
class RoadmapPanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private indexSubscription: { dispose(): void } | undefined;
  private historySubscription: { dispose(): void } | undefined;
  private subscribedIndex: BacklogIndex | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  // Why a generation counter: posts are asynchronous; the webview drops any model older than one it drew.
  private generation = 0;
  lastRendered: RoadmapRendered | undefined;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly controller: RoadmapController,
  ) {
    panel.webview.options = webviewOptions(controller.extensionUri);
    panel.webview.html = this.html();
    panel.webview.onDidReceiveMessage((raw: unknown) => void controller.handleMessage(raw, this), undefined, this.disposables);
    panel.onDidDispose(() => this.dispose(), undefined, this.disposables);
    this.follow();
  }

  /** Subscribes to the current index (the extension may replace it on reload). */
  private follow(): void {
    const backlog = this.controller.getBacklog();
    if (backlog?.index === this.subscribedIndex) return;
    this.indexSubscription?.dispose();
    this.historySubscription?.dispose();
    this.subscribedIndex = backlog?.index;
    this.indexSubscription = backlog?.index.onDidChange(() => this.schedule());
    this.historySubscription = backlog?.history?.onDidChange(() => this.schedule());
  }

  schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.postModel();
    }, MODEL_DEBOUNCE_MS);
  }

  async postModel(): Promise<void> {
    this.follow();
    const backlog = this.controller.getBacklog();
    if (!backlog) return;
    await this.post({ type: 'model', model: modelOf(backlog), generation: ++this.generation });
  }

  /** Sends one message to the webview (which validates it on arrival); resolves with whether it was delivered. */
  post(message: HostMessage): Thenable<boolean> {
    return this.panel.webview.postMessage(message);
  }

  private html(): string {
    const webview = this.panel.webview;
    const uri = (p: readonly string[]): string => webview.asWebviewUri(vscode.Uri.joinPath(this.controller.extensionUri, ...p)).toString();
    // A fresh nonce each time the HTML is set: only this page's script tag can run.
    const nonce = randomNonce();
    return roadmapPage({
      title: 'Roadmap',
      csp: { 'style-src': webview.cspSource, 'font-src': webview.cspSource, 'script-src': `'nonce-${nonce}'`, 'img-src': webview.cspSource },
      styles: [{ href: uri(ROADMAP_ASSET_PATHS.codiconCss) }, { href: uri(ROADMAP_ASSET_PATHS.css) }],
      script: { src: uri(ROADMAP_ASSET_PATHS.script), nonce },
    });
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.indexSubscription?.dispose();
    this.historySubscription?.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
    this.controller.forget(this);
  }
}

function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

/** Owns the roadmap commands, the panel (one at most) and its restore after a reload. */
export class RoadmapController implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private current: RoadmapPanel | undefined;
  private readonly renderedEmitter = new vscode.EventEmitter<RoadmapRendered>();
  private readonly rejectedEmitter = new vscode.EventEmitter<string>();
  /** Fires when the webview reports a drawn model. */
  readonly onDidRender = this.renderedEmitter.event;
  /** Fires with the reason when a webview message is rejected. */
  readonly onDidRejectMessage = this.rejectedEmitter.event;

  constructor(
    readonly extensionUri: vscode.Uri,
    readonly getBacklog: () => RoadmapBacklog | undefined,
    private readonly output: vscode.OutputChannel,
  ) {
    this.disposables.push(
      this.renderedEmitter,
      this.rejectedEmitter,
      vscode.commands.registerCommand(OPEN_ROADMAP_COMMAND, () => this.open()),
      vscode.commands.registerCommand(EXPORT_ROADMAP_COMMAND, (format?: unknown, target?: unknown) => this.export(isExportFormat(format) ? format : undefined, target instanceof vscode.Uri ? target : undefined)),
      vscode.window.registerWebviewPanelSerializer(ROADMAP_VIEW_TYPE, {
        deserializeWebviewPanel: async (panel: vscode.WebviewPanel) => {
          this.current?.dispose();
          this.current = new RoadmapPanel(panel, this);
        },
      }),
    );
  }

  /** The open panel, if any. */
  get panel(): vscode.WebviewPanel | undefined {
    return this.current?.panel;
  }

  /** What the webview last reported drawing. */
  get lastRendered(): RoadmapRendered | undefined {
    return this.current?.lastRendered;
  }

  /** Shows the roadmap panel, creating it when there is none. */
  open(): vscode.WebviewPanel {
    if (this.current) {
      this.current.panel.reveal();
      return this.current.panel;
    }
    const panel = vscode.window.createWebviewPanel(ROADMAP_VIEW_TYPE, 'Roadmap', vscode.ViewColumn.Active, { ...webviewOptions(this.extensionUri), retainContextWhenHidden: false });
    this.current = new RoadmapPanel(panel, this);
    return panel;
  }

  forget(p: RoadmapPanel): void {
    if (this.current === p) this.current = undefined;
  }

  private log(line: string): void {
    this.output.appendLine(`[roadmap] ${line}`);
  }

  /** Validates a message from the webview and acts on it; invalid ones are logged and ignored. Returns whether it was accepted. */
  async handleMessage(raw: unknown, from: RoadmapPanel | undefined = this.current): Promise<boolean> {
    const message = validateWebviewMessage(raw);
    if (isInvalidMessage(message)) {
      this.log(`rejected a message from the webview: ${message.error}`);
      this.rejectedEmitter.fire(message.error);
      return false;
    }
    try {
      return await this.act(message, from);
    } catch (e) {
      this.log(`${message.type} failed: ${(e as Error).message}`);
      return false;
    }
  }

  private async act(message: WebviewMessage, from: RoadmapPanel | undefined): Promise<boolean> {
    const backlog = this.getBacklog();
    switch (message.type) {
      case 'ready':
        await from?.postModel();
        return true;
      case 'rendered':
        if (from) from.lastRendered = { generation: message.generation, summary: message.summary, renderMs: message.renderMs };
        this.renderedEmitter.fire({ generation: message.generation, summary: message.summary, renderMs: message.renderMs });
        return true;
      case 'log':
        this.log(`webview ${message.level}: ${message.message}`);
        return true;
      case 'export':
        await this.export(message.format);
        return true;
      case 'openStory': {
        if (!backlog || (!backlog.index.story(message.path) && !backlog.index.milestones().some((m) => m.path === message.path))) {
          return this.reject(`openStory: ${message.path} is not a story of this backlog`);
        }
        await vscode.window.showTextDocument(toUri(backlog.root, message.path), { viewColumn: vscode.ViewColumn.Beside, preview: true });
        return true;
      }
      case 'moveStory':
        if (!backlog) return this.reject('moveStory: no backlog is loaded');
        return this.moveStory(backlog, message.path, message.milestoneId);
    }
  }

  private reject(reason: string): false {
    this.log(`rejected a message from the webview: ${reason}`);
    this.rejectedEmitter.fire(reason);
    return false;
  }

  /**
   * Sets `milestone:` of one story through the grooming command `rudder.setMilestone`, so it shares the one apply path
   * of every grooming action (open buffer or fresh disk text, one undoable WorkspaceEdit, files that were not open
   * saved, index updated); returns whether it changed the story.
   */
  private async moveStory(backlog: RoadmapBacklog, path: string, milestoneId: string | null): Promise<boolean> {
    const story = backlog.index.story(path);
    if (!story) return this.reject(`moveStory: ${path} is not a story of this backlog`);
    if (milestoneId !== null && !backlog.index.milestoneOrNamed(milestoneId)) return this.reject(`moveStory: milestone "${milestoneId}" does not exist`);
    if ((story.milestone ?? null) === milestoneId) return false;
    const result = (await vscode.commands.executeCommand('rudder.setMilestone', { folder: backlog.root.toString(), path, value: milestoneId })) as { applied?: boolean } | undefined;
    if (!result?.applied) {
      this.log(`moveStory: the milestone of ${path} was not changed`);
      return false;
    }
    this.log(`moved ${story.id ?? path} to ${milestoneId ?? 'no milestone'}`);
    return true;
  }

  /**
   * Asks for a format and a file (unless given), then writes the roadmap export there through `workspace.fs` (a local
   * disk, a remote, or the browser's virtual file system alike); returns where it wrote.
   */
  async export(format?: ExportFormat, to?: vscode.Uri): Promise<vscode.Uri | undefined> {
    const backlog = this.getBacklog();
    if (!backlog) {
      void vscode.window.showWarningMessage('Rudder: no backlog is loaded, so there is no roadmap to export.');
      return undefined;
    }
    const choice =
      format ??
      (
        await vscode.window.showQuickPick(
          EXPORT_FORMATS.map((f) => ({ label: f.label, description: f.description, format: f.id })),
          { title: 'Export Roadmap', placeHolder: 'Format' },
        )
      )?.format;
    if (!choice) return undefined;
    const { extension, label } = exportFormatSpec(choice);
    const target =
      to ??
      (await vscode.window.showSaveDialog({
        defaultUri: vscode.Uri.joinPath(backlog.root, `roadmap.${extension}`),
        filters: { [label]: [extension] },
        title: 'Export Roadmap',
      }));
    if (!target) return undefined;
    const text = await exportRoadmap(modelOf(backlog), choice, { assets: () => readRoadmapAssets((p) => this.readAsset(p)) });
    await vscode.workspace.fs.writeFile(target, encoder.encode(text));
    this.log(`exported ${choice} to ${target.toString()}`);
    void vscode.window.showInformationMessage(`Rudder: roadmap exported to ${vscode.workspace.asRelativePath(target)}.`);
    return target;
  }

  /** Returns a file of the extension's install, or undefined when it is missing. */
  private async readAsset(p: readonly string[]): Promise<Uint8Array | undefined> {
    return vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.extensionUri, ...p)).then(
      (bytes) => bytes,
      () => undefined,
    );
  }

  dispose(): void {
    this.current?.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

/** Registers the roadmap: `rudder.openRoadmap`, `rudder.exportRoadmap` and the panel serializer; returns the controller (a Disposable). */
export function registerRoadmap(context: vscode.ExtensionContext, getBacklog: () => RoadmapBacklog | undefined, output?: vscode.OutputChannel): RoadmapController {
  const channel = output ?? vscode.window.createOutputChannel('Rudder');
  const controller = new RoadmapController(context.extensionUri, getBacklog, channel);
  if (!output) context.subscriptions.push(channel);
  return controller;
}
