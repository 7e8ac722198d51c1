import * as fs from 'node:fs';
import * as path from 'node:path';
import { UsageError, type CliIo } from './cliIo';

/**
 * Writes a command's report to `-o FILE` (relative to the working folder); returns the absolute path. Writes only
 * into a folder that exists: `-o` never creates folders (a mistyped path must not grow a tree somewhere).
 */
export function writeOutputFile(io: CliIo, output: string, text: string): string {
  const target = path.resolve(io.cwd, output);
  const parent = path.dirname(target);
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(parent);
  } catch {
    stat = undefined;
  }
  if (!stat?.isDirectory()) throw new UsageError(`cannot write ${output}: the folder ${parent} does not exist. Create it first, or choose another -o path.`);
  try {
    if (fs.statSync(target).isDirectory()) throw new UsageError(`cannot write ${output}: it is a folder. Give a file name, e.g. -o ${path.join(output, 'report.txt')}.`);
  } catch (e) {
    if (e instanceof UsageError) throw e; // else: the file does not exist yet, which is fine
  }
  try {
    fs.writeFileSync(target, text);
  } catch (e) {
    throw new UsageError(`cannot write ${output}: ${(e as Error).message}. Choose a writable path for -o.`);
  }
  return target;
}
