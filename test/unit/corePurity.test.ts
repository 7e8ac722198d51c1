import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

// src/core must run in the extension host, the CLI, a web worker and a browser alike.
const NODE_BUILTINS = [
  'assert', 'buffer', 'child_process', 'cluster', 'crypto', 'dgram', 'dns', 'events', 'fs', 'fs/promises', 'http', 'http2', 'https',
  'module', 'net', 'os', 'path', 'perf_hooks', 'process', 'readline', 'stream', 'string_decoder', 'timers', 'tls', 'tty', 'url',
  'util', 'v8', 'vm', 'worker_threads', 'zlib',
];

/** Returns the purity violations in one source text (empty when pure). */
export function purityViolations(source: string): string[] {
  const out: string[] = [];
  // Comments and string contents other than module specifiers must not count: strip comments first.
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  const specifiers = [
    ...code.matchAll(/\bfrom\s*['"]([^'"]+)['"]/g),
    ...code.matchAll(/\bimport\s*['"]([^'"]+)['"]/g),
    ...code.matchAll(/\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((m) => m[1]);
  for (const s of specifiers) {
    if (s === 'vscode') out.push(`imports 'vscode'`);
    else if (s.startsWith('node:')) out.push(`imports '${s}'`);
    else if (NODE_BUILTINS.includes(s)) out.push(`imports Node builtin '${s}'`);
  }
  const withoutStrings = code.replace(/'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"|`(?:\\.|[^`\\])*`/g, "''");
  for (const g of ['document', 'window', 'process', 'Buffer', 'require(']) {
    const re = g === 'require(' ? /\brequire\s*\(/ : new RegExp(`(?<![\\w.$])${g}(?![\\w$])`);
    if (re.test(withoutStrings)) out.push(`references ${g}`);
  }
  return out;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...sourceFiles(p));
    else if (e.name.endsWith('.ts')) out.push(p);
  }
  return out;
}

describe('core purity', () => {
  it('src/core imports nothing from vscode or Node and uses no Node/DOM globals', () => {
    const files = sourceFiles('src/core');
    assert.ok(files.length > 10, 'found the core sources');
    const bad = files.flatMap((f) => purityViolations(fs.readFileSync(f, 'utf8')).map((v) => `${f}: ${v}`));
    assert.deepEqual(bad, []);
  });

  it('the checker catches every kind of violation', () => {
    assert.deepEqual(purityViolations(`import * as vscode from 'vscode';`), [`imports 'vscode'`]);
    assert.deepEqual(purityViolations(`import { readFileSync } from 'node:fs';`), [`imports 'node:fs'`]);
    assert.deepEqual(purityViolations(`import * as path from "path";`), [`imports Node builtin 'path'`]);
    assert.deepEqual(purityViolations(`import 'child_process';`), [`imports Node builtin 'child_process'`]);
    assert.deepEqual(purityViolations(`const w = await import('worker_threads');`), [`imports Node builtin 'worker_threads'`]);
    assert.deepEqual(purityViolations(`export const x = process.env.HOME;`), ['references process']);
    assert.deepEqual(purityViolations(`const b = Buffer.from('x');`), ['references Buffer']);
    assert.deepEqual(purityViolations(`const fs = require('fs');`), ['references require(']);
    assert.deepEqual(purityViolations(`document.title = 'x'; window.alert(1);`), ['references document', 'references window']);
  });

  it('the checker ignores comments, strings and look-alike names', () => {
    assert.deepEqual(purityViolations(`// import 'vscode'\n/* process.env */ const s = 'the document process';\nconst processed = 1; story.document = 2;`), []);
    assert.deepEqual(purityViolations(`import { parse } from 'yaml';`), []);
  });
});
