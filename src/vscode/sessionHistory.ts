import * as vscode from 'vscode';
import type { BacklogHistory, HistorySource } from '../core/flow/backlogHistory';
import { storyAges, storyAgeText } from '../core/flow/storyAge';
import type { BacklogIndex } from '../core/index/backlogIndex';
import { localIsoDate, toDayNumber } from '../core/roadmap/roadmapDates';
import { roadmapFlowOf } from '../core/roadmap/roadmapFlow';

/** Returns the history reader of a workspace folder (the extension's entry point decides: git for local folders, else none). */
export type HistorySourceFactory = (root: vscode.Uri) => HistorySource;

/**
 * Why 1.5 s: a save, a grooming action or a commit from the terminal changes several files; one read covers them. A read
 * with nothing new asks git for HEAD only (tens of ms); after a commit it reads only the new commits.
 */
const REFRESH_DEBOUNCE_MS = 1500;

/**
 * One backlog's git history in the editor: read in the background once the backlog has loaded (never on the
 * activation path), with progress in the status bar, and again after index changes and when the window regains the
 * focus. The core receives the plain events; this class only decides when to read.
 */
export class SessionHistory implements vscode.Disposable {
  private latest: BacklogHistory | undefined;
  private started = false;
  private disposed = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private ages: { readonly key: string; readonly of: (path: string) => string | undefined } | undefined;
  private readonly emitter = new vscode.EventEmitter<BacklogHistory>();
  /** Fires when a read gives a different history (not when nothing changed). */
  readonly onDidChange = this.emitter.event;
  private readonly subscriptions: { dispose(): void }[];
  /** How many reads finished (the host tests wait on it). */
  reads = 0;

  constructor(
    private readonly source: HistorySource,
    private readonly index: BacklogIndex,
  ) {
    this.subscriptions = [
      index.onDidChange(() => {
        this.ages = undefined;
        this.schedule();
      }),
      vscode.window.onDidChangeWindowState((s) => s.focused && this.schedule()),
      this.emitter,
    ];
  }

  /** The history last read; undefined until the first read has finished. */
  get current(): BacklogHistory | undefined {
    return this.latest;
  }

  /** Starts the first read when `loaded` resolves (the backlog's first load), in the background. */
  start(loaded: Promise<void>): void {
    void loaded.then(() => this.refresh());
  }

  private schedule(): void {
    if (!this.started || this.disposed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.refresh();
    }, REFRESH_DEBOUNCE_MS);
  }

  /** Reads the history now (only what is new since the last read), with progress shown; resolves with it. */
  async refresh(): Promise<BacklogHistory | undefined> {
    if (this.disposed) return this.latest;
    this.started = true;
    const history = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Rudder: reading the git history' }, () =>
      this.source.read({ folder: this.index.config.backlog }),
    );
    this.reads++;
    if (this.disposed || history === this.latest) return history;
    this.latest = history;
    this.ages = undefined;
    this.emitter.fire(history);
    return history;
  }

  /** Returns a story's age line for its hover (from the history as last read), or undefined without one. */
  ageOf(path: string): string | undefined {
    const history = this.latest;
    if (!history?.available) return undefined;
    const today = localIsoDate(new Date());
    // Why cached per day: the timelines are cheap to look up but not to build; the index and the history reset it.
    if (this.ages?.key !== today) {
      const day = toDayNumber(today)!;
      const part = roadmapFlowOf(history, this.index.stories(), this.index.config, day);
      const lookup = part.metrics ? storyAges(part.timelines, part.metrics, day) : () => undefined;
      this.ages = { key: today, of: (p) => { const a = lookup(p); return a && storyAgeText(a); } };
    }
    return this.ages.of(path);
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    for (const s of this.subscriptions) s.dispose();
  }
}
