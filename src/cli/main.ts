import { processIo } from './cliIo';
import { runCli } from './runCli';

// The `rudder` executable (bundled to dist/cli.js). Why process.exitCode and not exit(): stdout is
// flushed before Node exits, so large JSON/SARIF output piped to a file is never truncated.
void runCli(process.argv.slice(2), processIo()).then((code) => {
  process.exitCode = code;
});
