import * as vscode from 'vscode';
import type { BacklogSession, BacklogSessions } from './backlogSessions';
import { toUri } from './convert';

/** Returns the text of a new vision file with one example goal. */
export function visionTemplate(): string {
  return [
    '---',
    'goals:',
    '  - id: G1',
    '    title: Describe the first outcome the product should bring',
    '    metric: How you will know, e.g. "80% of new teams plan their first sprint within a day"',
    '---',
    '',
    '# Vision',
    '',
    'For <target users> who <need>, <product> is a <category> that <key benefit>.',
    'Unlike <alternative>, it <main difference>.',
    '',
  ].join('\n');
}

/** The files of a new backlog, root-relative: configuration, vision, one milestone and one example story. */
export function newBacklogFiles(today: string): { path: string; text: string }[] {
  return [
    {
      path: '.rudder.yml',
      text: [
        '# Rudder configuration. Every key is optional; see docs/format.md for the defaults.',
        'backlog: backlog',
        'statuses: [draft, ready, in-progress, done]',
        'readyStatus: ready',
        'doneStatus: done',
        'priorities: [must, should, could, wont]',
        'idPrefix: S-',
        '',
      ].join('\n'),
    },
    { path: 'backlog/vision.md', text: visionTemplate() },
    {
      path: 'backlog/milestones/m1.md',
      text: ['---', 'id: M1', 'title: First release', `start: ${today}`, 'status: planned', '---', '', 'What the first release delivers, and for whom.', ''].join('\n'),
    },
    {
      path: 'backlog/stories/s-1.md',
      text: [
        '---',
        'id: S-1',
        'title: Write the first story',
        'status: draft',
        'rank: a0',
        'priority: should',
        'estimate: 1',
        'vision: [G1]',
        'milestone: M1',
        `created: ${today}`,
        '---',
        '',
        '# Write the first story',
        '',
        'As a product owner, I want the backlog next to the code, so that the team plans from one trusted list.',
        '',
        '## Acceptance Criteria',
        '',
        '- [ ] Given this backlog, when I open the Rudder view, then I see this story',
        '- [ ] Given this story, when I replace it with a real one, then the squiggles tell me what is missing',
        '',
      ].join('\n'),
    },
  ];
}

/** Creates files through one WorkspaceEdit (never overwriting) and saves them; returns whether the edit applied. */
async function createFiles(root: vscode.Uri, files: readonly { path: string; text: string }[]): Promise<boolean> {
  const edit = new vscode.WorkspaceEdit();
  for (const f of files) {
    const uri = toUri(root, f.path);
    edit.createFile(uri, { ignoreIfExists: true });
    edit.insert(uri, new vscode.Position(0, 0), f.text);
  }
  if (!(await vscode.workspace.applyEdit(edit))) return false;
  // The edit leaves the new files open and unsaved; save them so the CLI and git see them too.
  for (const f of files) {
    const uri = toUri(root, f.path);
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (doc?.isDirty) await doc.save();
  }
  return true;
}

/** Returns the folder to create a backlog in: the only one without a backlog, or the user's pick. */
async function pickFolder(sessions: BacklogSessions, arg?: unknown): Promise<vscode.WorkspaceFolder | undefined> {
  if (arg instanceof vscode.Uri) return vscode.workspace.getWorkspaceFolder(arg);
  const folders = vscode.workspace.workspaceFolders ?? [];
  const free = folders.filter((f) => !sessions.all().some((s) => s.folder.uri.toString() === f.uri.toString()));
  if (free.length <= 1) return free[0];
  return vscode.window.showWorkspaceFolderPick({ placeHolder: 'Create a Rudder backlog in which folder?' });
}

/**
 * Registers `rudder.createBacklog` (folder, `.rudder.yml`, vision, one milestone, one example story,
 * then a session for it) and `rudder.createVision` (`vision.md` from a template, opened); returns their disposable.
 */
export function registerCreateCommands(sessions: BacklogSessions): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('rudder.createBacklog', async (arg?: unknown): Promise<BacklogSession | undefined> => {
      const folder = await pickFolder(sessions, arg);
      if (!folder) {
        if (!vscode.workspace.workspaceFolders?.length) {
          const open = await vscode.window.showInformationMessage('Open a folder first: Rudder keeps the backlog in the repository.', 'Open Folder…');
          if (open) await vscode.commands.executeCommand('workbench.action.files.openFolder');
        }
        return undefined;
      }
      if (await sessions.locate(folder.uri)) return sessions.add(folder);
      const today = new Date().toISOString().slice(0, 10);
      const files = newBacklogFiles(today);
      if (!(await createFiles(folder.uri, files))) {
        void vscode.window.showErrorMessage(`Rudder could not create a backlog in ${folder.name}.`);
        return undefined;
      }
      const session = await sessions.add(folder);
      const story = toUri(folder.uri, 'backlog/stories/s-1.md');
      await vscode.window.showTextDocument(story, { preview: false });
      await vscode.commands.executeCommand('rudder.backlog.focus');
      return session;
    }),
    vscode.commands.registerCommand('rudder.createVision', async (arg?: unknown) => {
      const candidates = sessions.all().filter((s) => !s.index.vision());
      if (sessions.all().length === 0) return vscode.commands.executeCommand<BacklogSession | undefined>('rudder.createBacklog');
      const session = arg && typeof arg === 'object' && 'session' in arg ? (arg as { session: BacklogSession }).session : (candidates[0] ?? sessions.all()[0]);
      const uri = session.toUri(session.index.config.vision);
      const exists = await session.loader.exists(session.index.config.vision);
      if (!exists && !(await createFiles(session.root, [{ path: session.index.config.vision, text: visionTemplate() }]))) {
        void vscode.window.showErrorMessage(`Rudder could not create ${session.index.config.vision}.`);
        return undefined;
      }
      await vscode.window.showTextDocument(uri, { preview: false });
      return session;
    }),
  );
}
