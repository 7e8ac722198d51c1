// What every browser and host benchmark starts from: the repository root, a require() that resolves the repository's
// own dependencies (esbuild, playwright-core), and its `--name value` options.
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** require() from the repository root. */
export const repoRequire = createRequire(path.join(repo, 'package.json'));

/** Returns the value of `--name value` on the command line, or `fallback`. */
export function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}
