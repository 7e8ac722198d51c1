import Mocha from 'mocha';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { hostMochaOptions, prepareHostSuite, suiteFilesFor } from './suiteSetup';

/**
 * Runs the `*.test.js` beside this file that fit the window with mocha (BDD) inside a Node extension host; resolves
 * when all pass, rejects with the failure count otherwise. Same shape as @vscode/test-electron expects. The web worker
 * host runs the same files through test/host/web/index.ts.
 */
export async function run(): Promise<void> {
  const options = await prepareHostSuite();
  const mocha = new Mocha(hostMochaOptions());
  // RUDDER_TEST_GREP (set by `node test/host/runHostTests.mjs --grep <text>`) runs only matching tests.
  if (options.grep) mocha.grep(new RegExp(options.grep));
  const files = suiteFilesFor(fs.readdirSync(__dirname));
  for (const f of files) mocha.addFile(path.join(__dirname, f));
  console.log(`[host-suite] ${files.length} test file(s): ${files.join(', ')}`);
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} host test(s) failed`)) : resolve()));
    } catch (e) {
      reject(e);
    }
  });
}
