import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { assertIndexMatchesDisk, rudderApi, waitFor } from './helpers';
import { testOptions } from './testOptions';
import type { RudderApi } from '../../../src/vscode/activateRudder';

// The fixture backlog (test/fixtures/workspace), in backlog order: ranked a0..a6, then the unranked S-7.
const FIXTURE_ORDER = ['E-1', 'S-1', 'S-2', 'S-3', 'S-4', 'S-5', 'S-6', 'S-7'];

// The extension activated and its backlogs loaded (the one helper every host suite uses).
const rudder = rudderApi;

// Reads the ungrouped tree (the default grouping; sidebar.test.ts covers the others).
function treeIds(api: RudderApi): string[] {
  return api.tree.getChildren().map((n) => (n.kind === 'story' ? (n.story.id ?? n.story.path) : `${n.kind}:${n.session.folder.name}`));
}


describe('the VS Code host', () => {
  it('is VS Code 1.100', () => {
    console.log(`[host-suite] vscode.version=${vscode.version} appName=${vscode.env.appName} appHost=${vscode.env.appHost} uiKind=${vscode.env.uiKind} remoteName=${vscode.env.remoteName}`);
    assert.match(vscode.version, /^1\.100\./);
  });

  it("is the real host's app (code-server here, VS Code under test-electron)", () => {
    const host = testOptions().host;
    assert.ok(host === 'code-server' || host === 'electron', `RUDDER_TEST_HOST must be set by the runner, got ${host}`);
    if (host === 'code-server') assert.equal(vscode.env.appName, 'code-server');
    else assert.match(vscode.env.appName, /Visual Studio Code|VSCodium|Code - OSS/);
  });
});

describe('the extension host', () => {
  it('is the one the runner asked for: a web worker without Node, or a Node process', async () => {
    const api = await rudder();
    const wanted = testOptions().extensionHost;
    const g = globalThis as { process?: { versions?: { node?: string } }; importScripts?: unknown; document?: unknown };
    const seen = {
      process: typeof g.process,
      node: g.process?.versions?.node,
      importScripts: typeof g.importScripts,
      document: typeof g.document,
      hostKind: api.hostKind,
      uiKind: vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop',
    };
    console.log(`[host-suite] asked for the ${wanted} extension host; seen ${JSON.stringify(seen)}`);
    if (wanted === 'web') {
      assert.equal(seen.process, 'undefined', 'no process object in a web worker');
      assert.equal(seen.importScripts, 'function', 'a worker global scope (importScripts)');
      assert.equal(seen.document, 'undefined', 'no DOM in a web worker');
      assert.equal(api.hostKind, 'web', 'activated through the browser entry (dist/web/extension.js)');
    } else {
      assert.match(seen.node ?? '', /^\d+\./, 'a Node process');
      assert.equal(api.hostKind, 'node', 'activated through the Node entry (dist/extension.js)');
    }
  });
});

describe('the Rudder extension', () => {
  it('is active after opening a workspace with a backlog', async () => {
    const ext = vscode.extensions.getExtension('rudder.rudder');
    assert.ok(ext);
    await waitFor('activation', () => (ext.isActive ? true : undefined));
    assert.equal(ext.isActive, true);
  });

  it('registers rudder.refresh', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('rudder.refresh'));
  });

  it('lists the fixture stories in backlog order in the rudder.backlog tree', async () => {
    const api = await rudder();
    assert.deepEqual(treeIds(api), FIXTURE_ORDER);
    const first = api.tree.getTreeItem(api.tree.getChildren()[0]);
    // The id and the points before the title (readable at 300 px), the criteria after it.
    assert.equal(first.label, 'E-1 · 8 pts  Backlog import');
    assert.equal(first.description, 'AC 0/1');
    assert.equal(api.index.fileCount >= 8, true, `fileCount ${api.index.fileCount}`);
  });

  it('follows a story file created and deleted on disk (file watcher)', async () => {
    const api = await rudder();
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const uri = vscode.Uri.joinPath(folder, 'backlog', 'stories', 'zz-new.md');
    const text = '---\nid: S-99\ntitle: Added while running\nrank: a15\nstatus: draft\n---\n\nAs a tester, I want this, so that the watcher is proven.\n';
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    try {
      const ids = await waitFor('S-99 in the tree', () => {
        const ids = treeIds(api);
        return ids.includes('S-99') ? ids : undefined;
      });
      assert.deepEqual(ids, ['E-1', 'S-1', 'S-99', 'S-2', 'S-3', 'S-4', 'S-5', 'S-6', 'S-7']);
    } finally {
      await vscode.workspace.fs.delete(uri);
    }
    await waitFor('S-99 gone', () => (treeIds(api).includes('S-99') ? undefined : true), 10_000, () => treeIds(api).join());
    assert.deepEqual(treeIds(api), FIXTURE_ORDER);
    await assertIndexMatchesDisk();
  });

  it('rudder.refresh reloads and keeps the order', async () => {
    const api = await rudder();
    await vscode.commands.executeCommand('rudder.refresh');
    assert.deepEqual(treeIds(api), FIXTURE_ORDER);
  });
});
