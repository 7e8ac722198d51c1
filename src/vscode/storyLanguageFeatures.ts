import * as vscode from 'vscode';
import type { BacklogIndex } from '../core/index/backlogIndex';
import { completionsAt, type CompletionKind } from '../core/intel/completionsAt';
import { definitionAt, documentLinks } from '../core/intel/definitionAt';
import { hoverAt } from '../core/intel/hoverAt';
import { idAt } from '../core/intel/idReferences';
import { referencesOf } from '../core/intel/referencesOf';
import { codeLensFor } from '../core/intel/codeLensFor';
import { toCorePath, toUri, toVsLocation, toVsRange } from './convert';

const COMPLETION_KINDS: Record<CompletionKind, vscode.CompletionItemKind> = {
  field: vscode.CompletionItemKind.Property,
  value: vscode.CompletionItemKind.EnumMember,
  story: vscode.CompletionItemKind.Reference,
  epic: vscode.CompletionItemKind.Module,
  goal: vscode.CompletionItemKind.Constant,
  milestone: vscode.CompletionItemKind.Event,
  iteration: vscode.CompletionItemKind.Event,
};

/** Thin providers over `src/core/intel`: completion, hover, definition, links, references and CodeLens in backlog files. */
class StoryLanguageFeatures
  implements vscode.CompletionItemProvider, vscode.HoverProvider, vscode.DefinitionProvider, vscode.DocumentLinkProvider, vscode.ReferenceProvider, vscode.CodeLensProvider
{
  private readonly lensesChanged = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.lensesChanged.event;

  constructor(
    private readonly index: BacklogIndex,
    private readonly root: vscode.Uri,
    private readonly ageOf?: (path: string) => string | undefined,
  ) {}

  /** Fires the CodeLens refresh (ranks and readiness change with any index change). */
  refreshLenses(): void {
    this.lensesChanged.fire();
  }

  /** Returns the backlog path of a document, or undefined when it is not a story, vision or milestone file. */
  private pathOf(document: vscode.TextDocument): string | undefined {
    const path = toCorePath(this.root, document.uri);
    return path !== undefined && this.index.isBacklogFile(path) ? path : undefined;
  }

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] {
    const path = this.pathOf(document);
    if (path === undefined) return [];
    return completionsAt(this.index, path, document.getText(), position).map((c) => {
      const item = new vscode.CompletionItem({ label: c.label, description: c.detail }, COMPLETION_KINDS[c.kind]);
      item.insertText = c.insertText;
      item.range = toVsRange(c.range);
      item.sortText = c.sortText;
      // Let typing the title find an id: `login` matches `S-12 Login form`.
      item.filterText = c.detail ? `${c.label} ${c.detail}` : c.label;
      if (c.documentation) item.documentation = new vscode.MarkdownString(c.documentation);
      if (c.kind === 'field') item.command = { command: 'editor.action.triggerSuggest', title: 'Suggest values' };
      return item;
    });
  }

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const path = this.pathOf(document);
    if (path === undefined) return undefined;
    const h = hoverAt(this.index, path, document.getText(), position, this.ageOf ? { ageOf: this.ageOf } : {});
    return h && new vscode.Hover(new vscode.MarkdownString(h.markdown), toVsRange(h.range));
  }

  provideDefinition(document: vscode.TextDocument, position: vscode.Position): vscode.Location[] {
    const path = this.pathOf(document);
    if (path === undefined) return [];
    return definitionAt(this.index, path, document.getText(), position).map((l) => toVsLocation(this.root, l.path, l.range));
  }

  provideDocumentLinks(document: vscode.TextDocument): vscode.DocumentLink[] {
    const path = this.pathOf(document);
    if (path === undefined) return [];
    return documentLinks(this.index, path, document.getText()).map((l) => {
      const p = l.target.range.start;
      // `#L<line>,<column>` (1-based) opens the file at the definition.
      const link = new vscode.DocumentLink(toVsRange(l.range), toUri(this.root, l.target.path).with({ fragment: `L${p.line + 1},${p.character + 1}` }));
      link.tooltip = l.tooltip;
      return link;
    });
  }

  provideReferences(document: vscode.TextDocument, position: vscode.Position, context: vscode.ReferenceContext): vscode.Location[] {
    const path = this.pathOf(document);
    if (path === undefined) return [];
    const occ = idAt(this.index, document.getText(), position);
    if (!occ) return [];
    return referencesOf(this.index, occ.id, context.includeDeclaration).map((l) => toVsLocation(this.root, l.path, l.range));
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const path = this.pathOf(document);
    const story = path === undefined ? undefined : this.index.story(path);
    if (!story) return [];
    const lens = codeLensFor(this.index, story);
    return [new vscode.CodeLens(toVsRange(lens.range), { title: lens.title, tooltip: lens.tooltip, command: '' })];
  }

  dispose(): void {
    this.lensesChanged.dispose();
  }
}

/** Registers completion, hover, definition, document links, references and CodeLens for backlog Markdown files under `root`. */
export function registerStoryLanguageFeatures(index: BacklogIndex, root: vscode.Uri, ageOf?: (path: string) => string | undefined): vscode.Disposable {
  const features = new StoryLanguageFeatures(index, root, ageOf);
  const selector: vscode.DocumentSelector = { language: 'markdown', pattern: new vscode.RelativePattern(root, '**/*.md') };
  // Why a timer: the index changes once per file during a load; one CodeLens refresh per burst is enough.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const changes = index.onDidChange(() => {
    if (timer === undefined)
      timer = setTimeout(() => {
        timer = undefined;
        features.refreshLenses();
      }, 250);
  });
  return vscode.Disposable.from(
    features,
    changes,
    { dispose: () => timer !== undefined && clearTimeout(timer) },
    vscode.languages.registerCompletionItemProvider(selector, features, ':', ' ', '[', ',', '-'),
    vscode.languages.registerHoverProvider(selector, features),
    vscode.languages.registerDefinitionProvider(selector, features),
    vscode.languages.registerDocumentLinkProvider(selector, features),
    vscode.languages.registerReferenceProvider(selector, features),
    vscode.languages.registerCodeLensProvider(selector, features),
  );
}
