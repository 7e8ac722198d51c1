import { UsageError } from './cliIo';

/** One option of a command, as shown by --help and accepted by parseArgs. */
export interface OptionSpec {
  readonly name: string;
  readonly short?: string;
  readonly type: 'string' | 'boolean';
  /** Allowed values of a string option. */
  readonly choices?: readonly string[];
  /** Placeholder shown in --help, e.g. 'N'. */
  readonly valueName?: string;
  readonly description: string;
}

/** The options and positionals of one command line. */
export interface ParsedArgs {
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
  readonly positionals: readonly string[];
}

/** Returns the parsed arguments; throws UsageError naming the offending flag and what is accepted. */
export function parseArgs(argv: readonly string[], specs: readonly OptionSpec[], commandName: string): ParsedArgs {
  const values: Record<string, string | boolean | undefined> = {};
  const positionals: string[] = [];
  const byName = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short as string, s]));
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    let spec: OptionSpec | undefined;
    let inline: string | undefined;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
      inline = eq === -1 ? undefined : arg.slice(eq + 1);
      spec = byName.get(name);
    } else {
      spec = byShort.get(arg.slice(1, 2));
      if (arg.length > 2) inline = arg.slice(2).replace(/^=/, '');
    }
    if (!spec) {
      throw new UsageError(`unknown option '${arg}' for 'rudder ${commandName}'. Run 'rudder ${commandName} --help' to see the options.`);
    }
    if (spec.type === 'boolean') {
      if (inline !== undefined) throw new UsageError(`option '--${spec.name}' takes no value.`);
      values[spec.name] = true;
      continue;
    }
    let value = inline;
    if (value === undefined) {
      if (i + 1 >= argv.length) throw new UsageError(`option '--${spec.name}' needs a value${choicesHint(spec)}.`);
      value = argv[++i];
    }
    if (spec.choices && !spec.choices.includes(value)) {
      throw new UsageError(`invalid value '${value}' for '--${spec.name}'${choicesHint(spec)}.`);
    }
    values[spec.name] = value;
  }
  return { values, positionals };
}

function choicesHint(spec: OptionSpec): string {
  return spec.choices ? ` (one of: ${spec.choices.join(', ')})` : '';
}

/** Returns the option lines of a --help text, aligned. */
export function formatOptionsHelp(specs: readonly OptionSpec[]): string {
  const left = specs.map((s) => {
    const flag = `${s.short ? `-${s.short}, ` : '    '}--${s.name}`;
    const placeholder = s.type === 'string' ? ` <${s.valueName ?? (s.choices ? s.choices.join('|') : 'value')}>` : '';
    return flag + placeholder;
  });
  const width = Math.max(0, ...left.map((l) => l.length));
  return specs.map((s, i) => `  ${left[i].padEnd(width)}  ${s.description}`).join('\n');
}
