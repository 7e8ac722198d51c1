import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { describeNeedsNode, rudderApi, waitFor } from './helpers';
import { runCli } from './nodeOnly';
import type { JsonLintOutput } from '../../../src/cli/format/json';
import type { BacklogSession } from '../../../src/vscode/backlogSessions';

// One truth: `rudder lint --format json` (the built CLI, as CI runs it) and the Problems panel of the editor report the
// same problems on the same files, at the same lines and columns, with the same codes, severities and messages. Runs
// in the single-folder window (the fixture workspace) and in the multi-root window (every folder with a backlog,
// among them a backlog moved by `.rudder.yml` with its own Backlog.md config.yml, a hidden folder and mixed-case
// statuses).

const SEVERITY: Record<number, string> = { [vscode.DiagnosticSeverity.Error]: 'error', [vscode.DiagnosticSeverity.Warning]: 'warning', [vscode.DiagnosticSeverity.Information]: 'info', [vscode.DiagnosticSeverity.Hint]: 'hint' };

/** Returns what the CLI reports on a folder, one line per problem, sorted. */
function cliProblems(root: string): string[] {
  const report = JSON.parse(runCli(['lint', root, '--format', 'json'])) as JsonLintOutput;
  return report.issues.map((i) => `${i.file}:${i.line}:${i.column}-${i.endLine}:${i.endColumn} ${i.severity} ${i.code} ${i.message}`).sort();
}

/** Returns what the Problems panel holds from Rudder for a folder's files, in the CLI's notation, sorted. */
function editorProblems(session: BacklogSession): string[] {
  const out: string[] = [];
  for (const [uri, diagnostics] of vscode.languages.getDiagnostics()) {
    const p = session.toPath(uri);
    if (p === undefined) continue;
    for (const d of diagnostics) {
      if (d.source !== 'rudder') continue;
      const code = typeof d.code === 'object' ? d.code.value : d.code;
      const r = d.range;
      out.push(`${p}:${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1} ${SEVERITY[d.severity]} ${code} ${d.message}`);
    }
  }
  return out.sort();
}

describeNeedsNode('one truth: the CLI and the editor agree', 'runs the built CLI (dist/cli.js) in a child process', function () {
  this.timeout(60_000);

  it('on every backlog folder of this window: same files, lines, columns, codes, severities and messages', async () => {
    const api = await rudderApi();
    const sessions = api.sessions.all();
    assert.ok(sessions.length > 0, 'a backlog to compare');
    for (const session of sessions) {
      api.editor.diagnosticsOf(session)?.publish();
      const cli = cliProblems(session.root.fsPath);
      assert.ok(cli.length > 0, `${session.folder.name}: the fixture has problems to compare`);
      let editor: string[] = [];
      await waitFor(
        `${session.folder.name}: the Problems panel to equal rudder lint`,
        () => {
          editor = editorProblems(session);
          return JSON.stringify(editor) === JSON.stringify(cli) ? true : undefined;
        },
        10_000,
        () => `only in the CLI: ${JSON.stringify(cli.filter((l) => !editor.includes(l)))}; only in the editor: ${JSON.stringify(editor.filter((l) => !cli.includes(l)))}`,
      );
      console.log(`[parity] ${session.folder.name}: ${cli.length} problems, identical in rudder lint and the Problems panel`);
    }
  });
});
