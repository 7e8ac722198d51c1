/** What a command may touch of the outside world; tests pass an in-memory one. */
export interface CliIo {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Whether stdout is a terminal (colors, table widths). */
  readonly stdoutIsTty: boolean;
  writeOut(text: string): void;
  writeErr(text: string): void;
}

/** A usage or configuration problem: the CLI prints the message and exits with code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Returns the CliIo of the running Node process. */
export function processIo(): CliIo {
  return {
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTty: Boolean(process.stdout.isTTY),
    writeOut: (text) => void process.stdout.write(text),
    writeErr: (text) => void process.stderr.write(text),
  };
}

/** Returns true when output to stdout should be colored: a TTY, and neither NO_COLOR nor FORCE_COLOR=0. */
export function useColor(io: CliIo): boolean {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR === '0') return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '') return true;
  return io.stdoutIsTty;
}
