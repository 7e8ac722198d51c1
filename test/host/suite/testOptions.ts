import * as vscode from 'vscode';

/** What the runner tells the suite. */
export interface HostTestOptions {
  /** Who runs the suite: `code-server` (runHostTests.mjs) or `electron` (a desktop VS Code, runElectronTests.mjs). */
  readonly host: string | undefined;
  /** The extension host the runner asked for: the suite checks it really runs there. */
  readonly extensionHost: 'node' | 'web';
  /** Runs only the tests whose titles match. */
  readonly grep: string | undefined;
}

/** The file the web runner writes into the extension folder it prepares (a web worker has no environment variables). */
export const TEST_OPTIONS_FILE = 'test-options.json';

// Why on globalThis: in the Node host every test file is its own bundle with its own copy of this module; the options
// the runner's index.js loaded must be seen by all of them.
const KEY = '__rudderHostTestOptions';
const store = globalThis as { [KEY]?: HostTestOptions };

/**
 * Reads the runner's options: the extension folder's test-options.json when there is one (the web worker run writes
 * it: no environment there), else the environment (RUDDER_TEST_HOST, RUDDER_TEST_GREP) of a Node extension host.
 */
export async function loadTestOptions(): Promise<HostTestOptions> {
  const ext = vscode.extensions.getExtension('rudder.rudder');
  if (ext) {
    try {
      const json = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(ext.extensionUri, TEST_OPTIONS_FILE)))) as Partial<HostTestOptions>;
      return (store[KEY] = { host: json.host, extensionHost: json.extensionHost === 'web' ? 'web' : 'node', grep: json.grep || undefined });
    } catch {
      // no file: a Node run, configured by the environment
    }
  }
  const env = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env ?? {};
  return (store[KEY] = { host: env.RUDDER_TEST_HOST, extensionHost: 'node', grep: env.RUDDER_TEST_GREP || undefined });
}

/** The options loadTestOptions read (the suite's run() loads them before any test). */
export function testOptions(): HostTestOptions {
  const options = store[KEY];
  if (!options) throw new Error('testOptions() before loadTestOptions()');
  return options;
}
