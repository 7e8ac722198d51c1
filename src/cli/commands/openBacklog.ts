import * as path from 'node:path';
import type { ParsedArgs } from '../parseArgs';
import { UsageError, type CliIo } from '../cliIo';
import { hasConfigErrors, loadBacklog, type LoadedBacklog } from '../loadBacklog';

/** Returns the folder argument of a command (default: the current folder); throws UsageError on extra arguments. */
export function folderArgument(args: ParsedArgs, io: CliIo, command: string): string {
  if (args.positionals.length > 1) {
    throw new UsageError(`expected at most one folder, got ${args.positionals.length}: ${args.positionals.join(' ')}. Usage: rudder ${command} [folder] [options]`);
  }
  return path.resolve(io.cwd, args.positionals[0] ?? '.');
}

/**
 * Returns the loaded backlog; throws UsageError (exit 2) listing the configuration errors when `.rudder.yml` is broken,
 * unless it turns `invalid-config` off.
 */
export async function openBacklog(folder: string): Promise<LoadedBacklog> {
  const loaded = await loadBacklog(folder);
  // `rules: { invalid-config: off }` (readable only when the YAML itself parses) says the team accepts the defaults for
  // the keys it got wrong, as the editor does: then the CLI goes on instead of stopping.
  if (hasConfigErrors(loaded.configIssues) && loaded.index.config.rules['invalid-config'] !== 'off') {
    const lines = loaded.configIssues
      .filter((i) => i.severity === 'error')
      .map((i) => `  ${path.join(loaded.root, i.path)}:${i.range.start.line + 1}:${i.range.start.character + 1}  ${i.severity}  ${i.message}  ${i.code}`);
    throw new UsageError(
      `the configuration is invalid, so the backlog cannot be checked reliably:\n${lines.join('\n')}\n` +
        `Fix these lines (the accepted keys and values are in docs/format.md) and run again.`,
    );
  }
  return loaded;
}
