import type * as vscode from 'vscode';
import { activateRudder, type RudderApi } from './vscode/activateRudder';
import { noHistory } from './core/flow/backlogHistory';
import { NEEDS_NODE_REASON } from './vscode/rudderHost';
import { WorkspaceFileSource } from './vscode/workspaceFileSource';

// The browser entry (package.json "browser", bundled to dist/web/extension.js): vscode.dev, github.dev and any web
// worker extension host. No Node here: every folder is read through `vscode.workspace.fs`, and each feature that needs
// Node gets `unavailable(NEEDS_NODE_REASON)` (see RudderHost). `tsconfig.web.json` type-checks this file and everything
// it imports without Node's types; `test/unit/webBundle.test.ts` fails when its bundle reaches a Node built-in.

/** Activates Rudder in a web worker extension host; returns the same API as the Node entry. */
export function activate(context: vscode.ExtensionContext): Promise<RudderApi> {
  return activateRudder(context, { kind: 'web', sourceFor: (root) => new WorkspaceFileSource(root), historyFor: () => noHistory(`git history: ${NEEDS_NODE_REASON}`) });
}

export function deactivate(): void {}
