import { version } from '../../package.json';
import { UsageError, type CliIo } from './cliIo';
import type { Command } from './command';
import { forecastCommand } from './commands/forecastCommand';
import { lintCommand } from './commands/lintCommand';
import { listCommand } from './commands/listCommand';
import { nextCommand } from './commands/nextCommand';
import { metricsCommand } from './commands/metricsCommand';
import { formatOptionsHelp, parseArgs, type OptionSpec } from './parseArgs';
import { roadmapCommand } from './roadmapCommand';

/** Every subcommand, in the order `rudder --help` lists them. Adding a command is adding one entry here. */
export const COMMANDS: readonly Command[] = [lintCommand, listCommand, nextCommand, roadmapCommand, metricsCommand, forecastCommand];

const HELP_OPTION: OptionSpec = { name: 'help', short: 'h', type: 'boolean', description: 'Show this help.' };

/** Returns the version of the rudder CLI. */
export function cliVersion(): string {
  return version;
}

/** Returns `rudder --help`. */
export function toolHelp(commands: readonly Command[] = COMMANDS): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    `rudder ${version}: a product backlog as Markdown stories in your repository`,
    '',
    'Usage: rudder <command> [folder] [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options:',
    '  -h, --help     Show help (also: rudder <command> --help).',
    '  -v, --version  Print the version.',
    '',
    'Exit codes: 0 ok, 1 problems found, 2 usage or configuration error.',
    'Docs: https://github.com/rudder/rudder#readme',
    '',
  ].join('\n');
}

/** Returns `rudder <command> --help`. */
export function commandHelp(command: Command): string {
  return [
    `Usage: ${command.usage}`,
    '',
    command.summary,
    '',
    'Options:',
    formatOptionsHelp([...command.options, HELP_OPTION]),
    ...(command.details ? ['', command.details] : []),
    '',
  ].join('\n');
}

/** Runs `rudder` with `argv` (without node and the script); returns the exit code. Never throws. */
export async function runCli(argv: readonly string[], io: CliIo, commands: readonly Command[] = COMMANDS): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.writeErr(toolHelp(commands));
    return 2;
  }
  if (first === '--help' || first === '-h' || first === 'help') {
    const target = first === 'help' && rest[0] ? commands.find((c) => c.name === rest[0]) : undefined;
    io.writeOut(target ? commandHelp(target) : toolHelp(commands));
    return 0;
  }
  if (first === '--version' || first === '-v') {
    io.writeOut(version + '\n');
    return 0;
  }
  const command = commands.find((c) => c.name === first);
  if (!command) {
    const hint = first.startsWith('-') ? `unknown option '${first}'` : `unknown command '${first}'`;
    io.writeErr(`rudder: ${hint}. Commands: ${commands.map((c) => c.name).join(', ')}. Run 'rudder --help'.\n`);
    return 2;
  }
  try {
    const args = parseArgs(rest, [...command.options, HELP_OPTION], command.name);
    if (args.values.help) {
      io.writeOut(commandHelp(command));
      return 0;
    }
    return await command.run(args, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.writeErr(`rudder ${command.name}: ${e.message}\n`);
      return 2;
    }
    // Why exit 2 and a stack: an unexpected crash is a bug in rudder, never "problems found" (1) in the backlog.
    io.writeErr(`rudder ${command.name}: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\nPlease report this at https://github.com/rudder/rudder/issues\n`);
    return 2;
  }
}
