// A `rudder` with the roadmap subcommand, for the UI tests while `rudder roadmap` is not yet listed in
// src/cli/runCli.ts's COMMANDS (test/ui/roadmapExport.test.mjs bundles this only in that case).
import { processIo } from '../../src/cli/cliIo';
import { roadmapCommand } from '../../src/cli/roadmapCommand';
import { COMMANDS, runCli } from '../../src/cli/runCli';

const commands = COMMANDS.some((c) => c.name === 'roadmap') ? COMMANDS : [...COMMANDS, roadmapCommand];
void runCli(process.argv.slice(2), processIo(), commands).then((code) => {
  process.exitCode = code;
});
