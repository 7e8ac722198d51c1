import type { CliIo } from './cliIo';
import type { OptionSpec, ParsedArgs } from './parseArgs';

/** One `rudder <name>` subcommand. Adding a command is adding one of these to COMMANDS in runCli.ts. */
export interface Command {
  readonly name: string;
  /** One line for `rudder --help`. */
  readonly summary: string;
  /** Usage line(s), e.g. 'rudder lint [folder] [options]'. */
  readonly usage: string;
  /** Extra help text after the options (exit codes, examples). */
  readonly details?: string;
  readonly options: readonly OptionSpec[];
  /** Runs the command; returns the process exit code. Throws UsageError for usage/config problems (exit 2). */
  run(args: ParsedArgs, io: CliIo): Promise<number>;
}
