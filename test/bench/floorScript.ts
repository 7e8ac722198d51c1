import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Writes the floor every lint figure is compared with: a script that finds every .md file under a folder, reads it
 * and parses its front matter with gray-matter (what a minimal Backlog.md reader does), nothing else. It prints
 * `{ files, withData, failed }` as JSON.
 */
export function writeFloorScript(file: string, repo: string): void {
  const grayMatter = require.resolve('gray-matter', { paths: [repo] });
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(
    file,
    `const fs = require('fs'); const path = require('path'); const matter = require(${JSON.stringify(grayMatter)});
function walk(d, out) {
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    const p = path.join(d, e.name);
    if (e.isDirectory()) { if (e.name[0] !== '.' && e.name !== 'node_modules') walk(p, out); }
    else if (e.name.endsWith('.md')) out.push(p);
  }
  return out;
}
const files = walk(process.argv[2], []);
let withData = 0;
let failed = 0;
for (const f of files) {
  const text = fs.readFileSync(f, 'utf8');
  try { if (Object.keys(matter(text, {}).data).length) withData++; } catch { failed++; }
}
process.stdout.write(JSON.stringify({ files: files.length, withData, failed }) + '\\n');
`,
  );
}
