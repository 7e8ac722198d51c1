import { processIo } from './cliIo';
import { runCli } from './runCli';

// Why: `rudder list | head` closes the pipe early; that is the reader's choice, not a crash to report.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

// The `rudder` executable (bundled to dist/cli.js). Why process.exitCode and not exit(): stdout is
// flushed before Node exits, so large JSON/SARIF output piped to a file is never truncated.
void runCli(process.argv.slice(2), processIo()).then((code) => {
  process.exitCode = code;
});
