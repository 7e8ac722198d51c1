// Runs the same integration suite (out/host/index.js) in a desktop VS Code 1.100.3 downloaded by
// @vscode/test-electron. Needs internet access to update.code.visualstudio.com and a display
// (use xvfb-run on a headless Linux); it cannot run on our offline CI machines, where
// `npm run test:host` runs the suite in code-server instead. Usage: npm run test:electron
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { copyWorkspace, repoRoot } from './fixtures.mjs';

const ws = copyWorkspace();
try {
  await runTests({
    version: '1.100.3',
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: join(repoRoot, 'out', 'host', 'index.js'),
    extensionTestsEnv: { RUDDER_TEST_HOST: 'electron' },
    launchArgs: [ws.folder, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
  });
  console.log('[electron-tests] PASSED');
} catch (e) {
  console.error(`[electron-tests] FAILED: ${e?.message ?? e}`);
  process.exitCode = 1;
} finally {
  ws.dispose();
}
