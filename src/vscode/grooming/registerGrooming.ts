import * as vscode from 'vscode';
import { archiveDone } from '../../core/grooming/archiveDone';
import { nextToGroom } from '../../core/grooming/groomingQueue';
import { markReady } from '../../core/grooming/markReady';
import type { ReadyRemedy } from '../../core/grooming/markReady';
import { newItem } from '../../core/grooming/newItem';
import type { NewItemKind, NewItemPosition } from '../../core/grooming/newItem';
import { keyFor } from '../../core/grooming/fieldKeys';
import { highWaterIds, raiseHighWater } from '../../core/grooming/idHighWater';
import type { HighWaterMarks } from '../../core/grooming/idHighWater';
import { mergeOrderEdits, moveSelection, moveStories } from '../../core/grooming/reorderStories';
import type { MoveDirection, MoveTarget, OrderPlan } from '../../core/grooming/reorderStories';
import { rebalanceRanks, rerankByScore } from '../../core/grooming/rerankByScore';
import type { RerankPlan } from '../../core/grooming/rerankByScore';
import { editListPlan, setFieldsPlan } from '../../core/grooming/setFields';
import type { FieldChanges, FieldPlan } from '../../core/grooming/setFields';
import { seenIds, splitStory } from '../../core/grooming/splitStory';
import type { FileEdit, Range } from '../../core/model/range';
import type { Story } from '../../core/model/story';
import type { BacklogNode, GroupNode } from '../backlogNodes';
import { joinGroupPlan } from '../../core/grooming/joinGroup';
import type { BacklogSession, BacklogSessions } from '../backlogSessions';
import { toVsRange } from '../convert';
import { applyGrooming, GroomingTexts, planFresh, saveUndoneGroomingFiles } from './applyGrooming';
import { resolveTarget, storiesOfGroup } from './groomingTargets';
import type { GroomingTarget } from './groomingTargets';

/** What every grooming command resolves to (the tests read it). */
export interface GroomingResult {
  readonly applied: boolean;
  /** Files written (edited, created or renamed-to). */
  readonly paths: readonly string[];
  /** Why nothing was applied, when so. */
  readonly reason?: string;
  readonly [extra: string]: unknown;
}

/** The story point scale offered by `rudder.estimate`. */
export const FIBONACCI = [0, 1, 2, 3, 5, 8, 13, 21] as const;

const HIGH_WATER_KEY = 'rudder.grooming.highWaterIds';
const NOTHING: GroomingResult = { applied: false, paths: [], reason: 'nothing to do' };

/** Score inputs, with their front-matter keys and a question for the input box. */
const SCORE_INPUTS = {
  wsjf: [
    ['value', 'Business value (e.g. 1–21)'],
    ['time_criticality', 'Time criticality (e.g. 1–21)'],
    ['risk_reduction', 'Risk reduction / opportunity enablement (e.g. 1–21)'],
  ],
  rice: [
    ['reach', 'Reach (people or events per period)'],
    ['impact', 'Impact (0.25, 0.5, 1, 2 or 3)'],
    ['confidence', 'Confidence (0–1, e.g. 0.8)'],
  ],
} as const;

/**
 * Registers every grooming command of issue 5 (category "Rudder"), keeps the `rudder.activeStory*` context keys
 * in step with the active editor, and returns their disposable.
 */
export function registerGrooming(context: vscode.ExtensionContext, sessions: BacklogSessions, treeView?: vscode.TreeView<BacklogNode>): vscode.Disposable {
  const g = new Grooming(context, sessions);
  const cmd = (id: string, run: (t: GroomingTarget) => Promise<GroomingResult>, needsStory = true) =>
    vscode.commands.registerCommand(id, async (a?: unknown, b?: unknown): Promise<GroomingResult> => {
      const target = resolveTarget(sessions, a, b, treeView);
      if (!target) {
        void vscode.window.showInformationMessage('Rudder: this workspace has no backlog.');
        return { ...NOTHING, reason: 'no backlog' };
      }
      if (needsStory && target.paths.length === 0 && !target.groupNode) {
        if (!target.explicit) void vscode.window.showInformationMessage('Rudder: open a story, or select stories in the Backlog view.');
        return { ...NOTHING, reason: 'no story' };
      }
      await target.session.loader.ready;
      return run(target);
    });
  const moves: [string, MoveDirection][] = [
    ['rudder.moveUp', 'up'],
    ['rudder.moveDown', 'down'],
    ['rudder.moveToTop', 'top'],
    ['rudder.moveToBottom', 'bottom'],
  ];
  const disposables: vscode.Disposable[] = [
    g,
    saveUndoneGroomingFiles(),
    ...moves.map(([id, dir]) => cmd(id, (t) => g.move(t, dir))),
    cmd('rudder.moveStories', (t) => g.moveStoriesCommand(t)),
    cmd('rudder.setStatus', (t) => g.setStatus(t)),
    cmd('rudder.setPriority', (t) => g.setPriority(t)),
    cmd('rudder.estimate', (t) => g.estimate(t)),
    cmd('rudder.setValue', (t) => g.setValue(t)),
    cmd('rudder.linkVision', (t) => g.linkVision(t)),
    cmd('rudder.setEpic', (t) => g.setEpic(t)),
    cmd('rudder.setMilestone', (t) => g.setMilestone(t)),
    cmd('rudder.addDependency', (t) => g.addDependency(t)),
    cmd('rudder.markReady', (t) => g.markReady(t)),
    cmd('rudder.splitStory', (t) => g.split(t)),
    cmd('rudder.newStory', (t) => g.create(t, 'story'), false),
    cmd('rudder.newEpic', (t) => g.create(t, 'epic'), false),
    cmd('rudder.newMilestone', (t) => g.create(t, 'milestone'), false),
    cmd('rudder.rerankByScore', (t) => g.rerank(t), false),
    cmd('rudder.rebalanceRanks', (t) => g.rebalance(t), false),
    cmd('rudder.nextToGroom', (t) => g.next(t), false),
    cmd('rudder.archiveDone', (t) => g.archive(t), false),
  ];
  return vscode.Disposable.from(...disposables);
}

/** The state of grooming: remembered ids, the grooming queue's position, the context keys. */
class Grooming implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private lastGroomed: string | undefined;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly sessions: BacklogSessions,
  ) {
    const update = () => this.updateContextKeys();
    this.disposables.push(vscode.window.onDidChangeActiveTextEditor(update), sessions.onDidChangeSessions(update));
    // Why a timer and not one listener per index: the active story's type changes rarely; a cheap poll-free refresh on
    // index bursts is done by re-checking when sessions change and when the editor changes.
    for (const s of sessions.all()) this.disposables.push(s.index.onDidChange(() => this.scheduleContextKeys()));
    update();
  }

  private keysTimer: ReturnType<typeof setTimeout> | undefined;
  private scheduleContextKeys(): void {
    // Why 200 ms: the index fires once per file while a backlog loads; the keys need one update per burst.
    if (this.keysTimer === undefined) this.keysTimer = setTimeout(() => ((this.keysTimer = undefined), this.updateContextKeys()), 200);
  }

  private updateContextKeys(): void {
    const uri = vscode.window.activeTextEditor?.document.uri;
    const session = uri ? this.sessions.forUri(uri) : undefined;
    const story = session && uri ? session.storyAt(uri) : undefined;
    void vscode.commands.executeCommand('setContext', 'rudder.activeStory', story !== undefined);
    void vscode.commands.executeCommand('setContext', 'rudder.activeStoryType', story?.type ?? '');
    void vscode.commands.executeCommand('setContext', 'rudder.activeStoryCanSplit', (story?.acceptanceCriteria?.items.length ?? 0) > 0);
    void vscode.commands.executeCommand('setContext', 'rudder.hasBacklog', this.sessions.all().length > 0);
  }

  // ---- ids ---------------------------------------------------------------------------------------------

  /** Returns the remembered ids (the highest number per prefix ever seen here), for "ids are never reused". */
  private knownIds(session: BacklogSession): string[] {
    const stored = this.context.workspaceState.get<Record<string, HighWaterMarks>>(HIGH_WATER_KEY, {});
    return highWaterIds(stored[session.root.toString()] ?? {});
  }

  private async rememberIds(session: BacklogSession, extra: readonly string[]): Promise<void> {
    const all = this.context.workspaceState.get<Record<string, HighWaterMarks>>(HIGH_WATER_KEY, {});
    const root = session.root.toString();
    await this.context.workspaceState.update(HIGH_WATER_KEY, { ...all, [root]: raiseHighWater(all[root] ?? {}, [...seenIds(session.index), ...extra]) });
  }

  private random(): (() => number) | undefined {
    return vscode.workspace.getConfiguration('rudder.grooming').get<boolean>('collisionFreeIds', false) ? Math.random : undefined;
  }

  // ---- moves -------------------------------------------------------------------------------------------

  async move(t: GroomingTarget, dir: MoveDirection): Promise<GroomingResult> {
    const { session } = t;
    const texts = new GroomingTexts(session);
    const group = t.group ? storiesOfGroup(session, t.group) : undefined;
    const plan = await planFresh(texts, t.paths, () => moveSelection(session.index.stories(), t.paths, dir, session.index.config, texts.text, group), (p) => p.edits.map((e) => e.path));
    return this.applyOrder(session, plan, `Move ${dir}`);
  }

  /** `rudder.moveStories`: reorder to `args.target` and/or move into `args.intoGroup`, as one edit. */
  async moveStoriesCommand(t: GroomingTarget): Promise<GroomingResult> {
    const into = t.args.intoGroup;
    const group: GroupNode | undefined = into ? { kind: 'group', session: t.session, groupBy: into.groupBy, key: into.key.toLowerCase(), label: into.label ?? into.key } : undefined;
    const extra = group
      ? (texts: GroomingTexts) =>
          joinGroupPlan(
            t.session.index,
            { grouping: group.groupBy, key: group.key, label: group.label },
            t.paths.map((p) => texts.story(p)).filter((s): s is Story => s !== undefined),
            texts.text,
          )
      : undefined;
    if (t.args.target) return this.moveTo(t, t.args.target, extra);
    if (!extra) return NOTHING;
    const texts = new GroomingTexts(t.session);
    await texts.refresh(t.paths);
    const plan = extra(texts);
    return this.applyEdits(t.session, plan.edits, `Move to ${group!.label}`, plan.skipped);
  }

  async moveTo(t: GroomingTarget, target: MoveTarget, extraEdits?: (texts: GroomingTexts) => FieldPlan): Promise<GroomingResult> {
    const { session } = t;
    const texts = new GroomingTexts(session);
    const plan = await planFresh(texts, t.paths, () => moveStories(session.index.stories(), t.paths, target, session.index.config, texts.text), (p) => p.edits.map((e) => e.path));
    if (!extraEdits) return this.applyOrder(session, plan, 'Move stories');
    // Field changes (a drop into a group) and new ranks of one file become one chained edit.
    const fields = extraEdits(texts);
    const merged = mergeOrderEdits(fields.edits, plan, texts.text);
    return this.applyEdits(session, merged, 'Move stories', [...fields.skipped, ...plan.skipped]);
  }

  private async applyOrder(session: BacklogSession, plan: OrderPlan, label: string): Promise<GroomingResult> {
    if (plan.skipped.length) return this.refuse(`cannot edit the front matter of ${plan.skipped.join(', ')}`);
    return this.applyEdits(session, plan.edits, label, []);
  }

  private async applyEdits(session: BacklogSession, edits: readonly FileEdit[], label: string, skipped: readonly string[]): Promise<GroomingResult> {
    if (skipped.length) void vscode.window.showWarningMessage(`Rudder: left unchanged (front matter cannot be edited safely): ${skipped.join(', ')}`);
    if (edits.length === 0) return { ...NOTHING, reason: skipped.length ? 'front matter cannot be edited' : 'nothing to do' };
    const ok = await applyGrooming(session, edits, [], label);
    return { applied: ok, paths: edits.map((e) => e.path) };
  }

  private refuse(reason: string): GroomingResult {
    void vscode.window.showWarningMessage(`Rudder: ${reason}.`);
    return { applied: false, paths: [], reason };
  }

  // ---- fields ------------------------------------------------------------------------------------------

  private async setFields(t: GroomingTarget, changes: FieldChanges, label: string): Promise<GroomingResult> {
    const texts = new GroomingTexts(t.session);
    await texts.refresh(t.paths);
    const plan = setFieldsPlan(t.paths, changes, texts.text);
    return this.applyEdits(t.session, plan.edits, label, plan.skipped);
  }

  private stories(t: GroomingTarget, texts?: GroomingTexts): Story[] {
    return t.paths.map((p) => texts?.story(p) ?? t.session.index.story(p)).filter((s): s is Story => s !== undefined);
  }

  private titleFor(t: GroomingTarget, what: string): string {
    const stories = this.stories(t);
    const names = stories.slice(0, 3).map((s) => s.id ?? s.title).join(', ');
    return `${what} — ${names}${stories.length > 3 ? ` and ${stories.length - 3} more` : ''}`;
  }

  /** Returns the value from the args, or asks with a quick pick; undefined = cancelled. */
  private async pickOne(t: GroomingTarget, title: string, items: { label: string; value: string | number | null; description?: string }[], current?: string): Promise<string | number | null | undefined> {
    if (t.args.value !== undefined) return t.args.value as string | number | null;
    const picked = await vscode.window.showQuickPick(
      items.map((i) => ({ ...i, description: [i.description, current !== undefined && String(i.value).toLowerCase() === current.toLowerCase() ? '(current)' : undefined].filter(Boolean).join(' ') || undefined })),
      { title: this.titleFor(t, title), placeHolder: title },
    );
    return picked ? picked.value : undefined;
  }

  async setStatus(t: GroomingTarget): Promise<GroomingResult> {
    const cfg = t.session.index.config;
    const v = await this.pickOne(t, 'Set Status', cfg.statuses.map((s) => ({ label: s, value: s, description: s === cfg.readyStatus ? 'Definition of Ready applies' : undefined })), this.stories(t)[0]?.status);
    if (v === undefined) return NOTHING;
    return this.setFields(t, { status: v === '' ? null : (v as string) }, 'Set status');
  }

  async setPriority(t: GroomingTarget): Promise<GroomingResult> {
    const cfg = t.session.index.config;
    const v = await this.pickOne(t, 'Set Priority', [...cfg.priorities.map((p) => ({ label: p, value: p })), { label: '$(close) No priority', value: null }], this.stories(t)[0]?.priority);
    if (v === undefined) return NOTHING;
    return this.setFields(t, { priority: v === '' ? null : v }, 'Set priority');
  }

  async estimate(t: GroomingTarget): Promise<GroomingResult> {
    const current = this.stories(t)[0]?.estimate;
    const v = await this.pickOne(
      t,
      'Estimate (story points)',
      [...FIBONACCI.map((n) => ({ label: String(n), value: n, description: n > t.session.index.config.splitThreshold ? 'consider splitting' : undefined })), { label: '$(close) No estimate', value: null }],
      current === undefined ? undefined : String(current),
    );
    if (v === undefined) return NOTHING;
    const n = v === null || v === '' ? null : Number(v);
    if (n !== null && !Number.isFinite(n)) return this.refuse(`"${v}" is not a number`);
    return this.setFields(t, { estimate: n }, 'Estimate');
  }

  async setValue(t: GroomingTarget): Promise<GroomingResult> {
    let inputs = t.args.inputs;
    if (!inputs) {
      const model = await vscode.window.showQuickPick(
        [
          { label: 'WSJF', description: '(value + time criticality + risk reduction) / estimate', score: 'wsjf' as const },
          { label: 'RICE', description: 'reach × impact × confidence / estimate', score: 'rice' as const },
        ],
        { title: this.titleFor(t, 'Set Score Inputs') },
      );
      if (!model) return NOTHING;
      const story = this.stories(t)[0];
      const out: Record<string, number | null> = {};
      for (const [key, prompt] of SCORE_INPUTS[model.score]) {
        const currentValue = story?.frontMatter?.data[key];
        const answer = await vscode.window.showInputBox({
          title: this.titleFor(t, `${model.label}: ${key.replace('_', ' ')}`),
          prompt,
          value: currentValue === undefined || currentValue === null ? '' : String(currentValue),
          validateInput: (s) => (s.trim() === '' || Number.isFinite(Number(s)) ? undefined : 'A number, or empty to remove'),
        });
        if (answer === undefined) return NOTHING;
        out[key] = answer.trim() === '' ? null : Number(answer);
      }
      inputs = out;
    }
    return this.setFields(t, inputs, 'Set score inputs');
  }

  async setEpic(t: GroomingTarget): Promise<GroomingResult> {
    const index = t.session.index;
    const epics = index.stories().filter((s) => s.type === 'epic' && s.id !== undefined && !t.paths.includes(s.path));
    const v = await this.pickOne(t, 'Set Epic', [...epics.map((e) => ({ label: e.title, description: e.id, value: e.id! })), { label: '$(close) No epic', value: null }], this.stories(t)[0]?.epic);
    if (v === undefined) return NOTHING;
    const key = keyFor(this.stories(t), 'epic');
    return this.setFields(t, { [key]: v === '' ? null : v }, 'Set epic');
  }

  async setMilestone(t: GroomingTarget): Promise<GroomingResult> {
    const ms = t.session.index.allMilestones();
    const v = await this.pickOne(t, 'Set Milestone', [...ms.map((m) => ({ label: m.title, description: [m.id, m.due && `due ${m.due}`].filter(Boolean).join(' · '), value: m.id })), { label: '$(close) No milestone', value: null }], this.stories(t)[0]?.milestone);
    if (v === undefined) return NOTHING;
    return this.setFields(t, { milestone: v === '' ? null : v }, 'Set milestone');
  }

  /** Edits a list field of the targets: explicit add/remove, an explicit full list, or a multi-select quick pick. */
  private async editList(t: GroomingTarget, key: string, current: (s: Story) => readonly string[], items: { label: string; description?: string; value: string }[], title: string): Promise<GroomingResult> {
    const texts = new GroomingTexts(t.session);
    await texts.refresh(t.paths);
    const stories = this.stories(t, texts);
    let add: readonly string[];
    let remove: readonly string[];
    if (t.args.add || t.args.remove) {
      add = t.args.add ?? [];
      remove = t.args.remove ?? [];
    } else {
      let wanted: readonly string[];
      const had = new Set(stories.flatMap((s) => current(s).map((x) => x.toLowerCase())));
      if (Array.isArray(t.args.value)) wanted = t.args.value as readonly string[];
      else if (typeof t.args.value === 'string') wanted = [t.args.value];
      else {
        const all = (x: string) => stories.every((s) => current(s).some((c) => c.toLowerCase() === x.toLowerCase()));
        const picked = await vscode.window.showQuickPick(
          items.map((i) => ({ ...i, picked: all(i.value) })),
          { title: this.titleFor(t, title), canPickMany: true, placeHolder: 'Checked items are set on every selected story; unchecked ones are removed' },
        );
        if (!picked) return NOTHING;
        wanted = picked.map((p) => p.value);
      }
      const want = new Set(wanted.map((w) => w.toLowerCase()));
      add = wanted;
      remove = [...had].filter((h) => !want.has(h)).map((h) => stories.flatMap(current).find((c) => c.toLowerCase() === h) ?? h);
    }
    const plan = editListPlan(stories, keyFor(stories, key), current, add, remove, texts.text);
    return this.applyEdits(t.session, plan.edits, title, plan.skipped);
  }

  async linkVision(t: GroomingTarget): Promise<GroomingResult> {
    const goals = t.session.index.vision()?.goals ?? [];
    if (!goals.length && t.args.value === undefined && !t.args.add) return this.refuse('the vision has no goals to link to (add them to the vision file)');
    return this.editList(t, 'vision', (s) => s.vision, goals.map((g) => ({ label: g.title, description: g.id, value: g.id })), 'Link Vision Goals');
  }

  async addDependency(t: GroomingTarget): Promise<GroomingResult> {
    const others = t.session.index.stories().filter((s) => s.id !== undefined && !t.paths.includes(s.path) && s.type !== 'epic');
    return this.editList(t, 'depends_on', (s) => s.dependsOn, others.map((s) => ({ label: s.title, description: [s.id, s.status].filter(Boolean).join(' · '), value: s.id! })), 'Dependencies');
  }

  // ---- ready, split, new -------------------------------------------------------------------------------

  async markReady(t: GroomingTarget): Promise<GroomingResult> {
    const texts = new GroomingTexts(t.session);
    await texts.refresh(t.paths);
    const results: string[] = [];
    const failures: { path: string; checks: string[] }[] = [];
    const edits: FileEdit[] = [];
    for (const path of t.paths) {
      const story = texts.story(path);
      if (!story) continue;
      const plan = markReady(story, t.session.index, texts.text);
      if (plan.ready) edits.push(...plan.edits);
      else failures.push({ path, checks: plan.failures.map((f) => f.check) });
      if (!plan.ready && !t.explicit) void this.explainNotReady(t.session, story, plan.failures);
      results.push(path);
    }
    const applied = edits.length ? await applyGrooming(t.session, edits, [], 'Mark ready') : false;
    return { applied, paths: edits.map((e) => e.path), failures };
  }

  private async explainNotReady(session: BacklogSession, story: Story, failures: readonly { message: string; remedy?: ReadyRemedy }[]): Promise<void> {
    const remedies = failures.map((f) => f.remedy).filter((r): r is ReadyRemedy => r !== undefined);
    const choice = await vscode.window.showWarningMessage(
      `${story.id ?? story.title} is not ready: ${failures.map((f) => f.message).join('; ')}.`,
      ...remedies.map((r) => r.title),
    );
    const remedy = remedies.find((r) => r.title === choice);
    if (!remedy) return;
    if (remedy.kind === 'command') {
      await vscode.commands.executeCommand(remedy.command, { uri: session.toUri(story.path) });
      return;
    }
    if (remedy.kind === 'edit') {
      if (!(await applyGrooming(session, remedy.edits, [], remedy.title))) return;
      await this.open(session, remedy.path, remedy.select);
      return;
    }
    await this.open(session, remedy.path, remedy.range);
  }

  /** Returns true when the file of `path` is open in an editor or exists on disk. */
  private async exists(session: BacklogSession, path: string): Promise<boolean> {
    const uri = session.toUri(path);
    if (vscode.workspace.textDocuments.some((d) => !d.isClosed && d.uri.toString() === uri.toString())) return true;
    return session.loader.exists(path);
  }

  private async open(session: BacklogSession, path: string, range?: Range): Promise<vscode.TextEditor> {
    const editor = await vscode.window.showTextDocument(session.toUri(path), { preview: false, selection: range ? toVsRange(range) : undefined });
    if (range) editor.revealRange(toVsRange(range), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return editor;
  }

  async split(t: GroomingTarget): Promise<GroomingResult> {
    const { session } = t;
    const texts = new GroomingTexts(session);
    await texts.refresh(t.paths);
    const story = texts.story(t.paths[0]);
    if (!story) return NOTHING;
    const items = story.acceptanceCriteria?.items ?? [];
    let criteria = t.args.criteria;
    if (!criteria) {
      if (items.length === 0) return this.refuse(`${story.id ?? story.title} has no acceptance criteria to split`);
      const picked = await vscode.window.showQuickPick(
        items.map((c, i) => ({ label: c.text, description: c.checked ? 'done' : undefined, index: i })),
        { title: `Split ${story.id ?? story.title}: pick the criteria that move to a new story`, canPickMany: true },
      );
      if (!picked || picked.length === 0) return NOTHING;
      criteria = picked.map((p) => p.index);
    }
    let title = t.args.title;
    if (title === undefined) {
      title = await vscode.window.showInputBox({ title: `Split ${story.id ?? story.title}: title of the new story`, value: `${story.title} (part 2)`, validateInput: (s) => (s.trim() ? undefined : 'A title, please') });
      if (!title) return NOTHING;
    }
    const plan = splitStory(story, session.index, texts.text, { criteria, title: title.trim(), knownIds: this.knownIds(session), random: this.random() });
    if (!plan) return NOTHING;
    const ok = await applyGrooming(session, plan.edits, [], `Split ${story.id ?? story.title}`);
    if (!ok) return { applied: false, paths: [] };
    await this.rememberIds(session, [plan.id]);
    if (!t.explicit) await this.open(session, plan.path, plan.titleRange);
    return { applied: true, paths: plan.edits.map((e) => e.path), id: plan.id, path: plan.path };
  }

  async create(t: GroomingTarget, kind: NewItemKind): Promise<GroomingResult> {
    const { session } = t;
    const noun = kind === 'story' ? 'Story' : kind === 'epic' ? 'Epic' : 'Milestone';
    let title = t.args.title;
    if (title === undefined) {
      title = await vscode.window.showInputBox({ title: `New ${noun}`, prompt: 'Title', validateInput: (s) => (s.trim() ? undefined : 'A title, please') });
      if (!title) return NOTHING;
    }
    let position: NewItemPosition | undefined = t.args.position;
    if (position === undefined && kind !== 'milestone') {
      const selected = t.paths.length ? session.index.story(t.paths[t.paths.length - 1]) : undefined;
      const picked = await vscode.window.showQuickPick(
        [
          { label: '$(arrow-up) Top of the backlog', position: 'top' as NewItemPosition },
          { label: '$(arrow-down) Bottom of the backlog', position: 'bottom' as NewItemPosition },
          ...(selected ? [{ label: `$(arrow-right) After ${selected.id ?? ''} ${selected.title}`, position: { after: selected.path } as NewItemPosition }] : []),
        ],
        { title: `New ${noun}: where does "${title}" go?` },
      );
      if (!picked) return NOTHING;
      position = picked.position;
    }
    const eol = vscode.workspace.getConfiguration('files', session.root).get<string>('eol') === '\r\n' ? '\r\n' : '\n';
    const plan = newItem(session.index, { kind, title: title.trim(), position, knownIds: this.knownIds(session), random: this.random(), eol });
    const ok = await applyGrooming(session, plan.edits, [], `New ${noun}`);
    if (!ok) return { applied: false, paths: [] };
    await this.rememberIds(session, [plan.id]);
    if (!t.explicit) await this.open(session, plan.path, plan.titleRange);
    return { applied: true, paths: [plan.path], id: plan.id, path: plan.path };
  }

  // ---- backlog-wide ------------------------------------------------------------------------------------

  async rerank(t: GroomingTarget): Promise<GroomingResult> {
    const { session } = t;
    let kind = t.args.kind;
    if (!kind) {
      const picked = await vscode.window.showQuickPick(
        [
          { label: 'WSJF', description: '(value + time criticality + risk reduction) / estimate', score: 'wsjf' as const },
          { label: 'RICE', description: 'reach × impact × confidence / estimate', score: 'rice' as const },
        ],
        { title: 'Re-rank by score' },
      );
      if (!picked) return NOTHING;
      kind = picked.score;
    }
    const scope = t.groupNode ? storiesOfGroup(session, t.groupNode).map((s) => s.path) : t.paths.length > 1 ? t.paths : [];
    const texts = new GroomingTexts(session);
    const plan = await planFresh(texts, [], () => rerankByScore(session.index.stories(), scope, kind!, session.index.config, texts.text), (p) => p.edits.map((e) => e.path));
    const moving = plan.rows.filter((r) => r.moves).length;
    if (moving === 0) {
      if (!t.explicit) void vscode.window.showInformationMessage(`Rudder: the ${scope.length ? 'selection' : 'backlog'} is already in ${kind.toUpperCase()} order.`);
      return { ...NOTHING, order: plan.rows.map((r) => r.story.path) };
    }
    if (!t.args.confirm && !(await previewRerank(plan))) return { ...NOTHING, reason: 'cancelled', order: plan.rows.map((r) => r.story.path) };
    const result = await this.applyOrder(session, plan, `Re-rank by ${kind.toUpperCase()}`);
    return { ...result, order: plan.rows.map((r) => r.story.path) };
  }

  async rebalance(t: GroomingTarget): Promise<GroomingResult> {
    const { session } = t;
    const texts = new GroomingTexts(session);
    const plan = await planFresh(texts, [], () => rebalanceRanks(session.index.stories(), texts.text), (p) => p.edits.map((e) => e.path));
    if (plan.edits.length === 0) {
      if (!t.explicit) void vscode.window.showInformationMessage('Rudder: the rank keys are already even.');
      return NOTHING;
    }
    if (!t.args.confirm) {
      const go = await vscode.window.showWarningMessage(
        `Rewrite the rank keys of ${plan.edits.length} file${plan.edits.length === 1 ? '' : 's'}? The order stays the same.`,
        { modal: true },
        'Rebalance',
      );
      if (go !== 'Rebalance') return { ...NOTHING, reason: 'cancelled' };
    }
    return this.applyOrder(session, plan, 'Rebalance ranks');
  }

  async next(t: GroomingTarget): Promise<GroomingResult> {
    const { session } = t;
    const active = vscode.window.activeTextEditor?.document.uri;
    const activePath = active && session.storyAt(active) ? session.toPath(active) : undefined;
    const current = t.args.path ?? activePath ?? this.lastGroomed;
    let item = nextToGroom(session.index, current);
    // A story whose file was deleted a moment ago (before the watcher told the index) is dropped and skipped.
    while (item && !(await this.exists(session, item.story.path))) {
      session.index.remove(item.story.path);
      item = nextToGroom(session.index, current);
    }
    if (!item) {
      void vscode.window.showInformationMessage('Rudder: nothing to groom — no story has issues.');
      return NOTHING;
    }
    this.lastGroomed = item.story.path;
    await this.open(session, item.story.path, item.issues[0].range);
    return { applied: false, paths: [], path: item.story.path, code: item.issues[0].code };
  }

  async archive(t: GroomingTarget): Promise<GroomingResult> {
    const { session } = t;
    // Explicit paths or a multi-selection archive those (when done); otherwise every done story.
    const only = t.args.path || t.args.paths || t.args.uri || t.args.uris || t.paths.length > 1 ? t.paths : undefined;
    const renames = archiveDone(session.index, only);
    if (renames.length === 0) {
      if (!t.explicit) void vscode.window.showInformationMessage('Rudder: no done stories to archive.');
      return NOTHING;
    }
    if (!t.args.confirm) {
      const go = await vscode.window.showWarningMessage(`Move ${renames.length} done stor${renames.length === 1 ? 'y' : 'ies'} to the archive folder?`, { modal: true }, 'Archive');
      if (go !== 'Archive') return { ...NOTHING, reason: 'cancelled' };
    }
    const ok = await applyGrooming(session, [], renames, 'Archive done stories');
    return { applied: ok, paths: renames.map((r) => r.to), renames };
  }

  dispose(): void {
    if (this.keysTimer !== undefined) clearTimeout(this.keysTimer);
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

/** Shows the proposed order (rows marked "moves") with Accept / Cancel; resolves true on Accept. */
export function previewRerank(plan: RerankPlan): Promise<boolean> {
  return new Promise((resolve) => {
    const qp = vscode.window.createQuickPick<vscode.QuickPickItem & { action?: 'accept' | 'cancel' }>();
    const moving = plan.rows.filter((r) => r.moves).length;
    const left = plan.unscored.length ? ` (${plan.unscored.length} without a score stay in place)` : '';
    qp.title = `Re-rank by ${plan.kind.toUpperCase()}: proposed order — ${moving} of ${plan.rows.length} stor${plan.rows.length === 1 ? 'y' : 'ies'} move${left}`;
    qp.placeholder = 'Accept to write the new ranks (only the stories marked "moves"), or Cancel';
    qp.matchOnDescription = true;
    qp.items = [
      { label: `$(check) Accept — write ${moving} file${moving === 1 ? '' : 's'}`, action: 'accept', alwaysShow: true },
      { label: '$(close) Cancel', action: 'cancel', alwaysShow: true },
      { label: 'Proposed order', kind: vscode.QuickPickItemKind.Separator },
      ...plan.rows.map((r) => ({
        label: `${r.to + 1}. ${r.moves ? '$(arrow-swap) ' : ''}${r.story.title}`,
        description: [r.story.id, r.score ? `${plan.kind.toUpperCase()} ${Math.round(r.score.value * 100) / 100}` : 'no score', r.moves ? `moves (was ${r.from + 1})` : undefined].filter(Boolean).join(' · '),
      })),
    ];
    let done = false;
    const finish = (v: boolean) => {
      if (done) return;
      done = true;
      resolve(v);
      qp.dispose();
    };
    qp.onDidAccept(() => {
      const a = qp.selectedItems[0]?.action;
      if (a === 'accept') finish(true);
      else if (a === 'cancel') finish(false);
    });
    qp.onDidHide(() => finish(false));
    qp.show();
  });
}
