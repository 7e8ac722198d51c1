import * as assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import * as vm from 'node:vm';

// The browser entry (dist/web/extension.js) runs in a web worker: no Node built-ins, no Node globals. This builds it
// with esbuild.js's own options (platform 'browser': a Node built-in cannot be resolved) and then evaluates it in a
// context holding only what a web worker has, the way VS Code's web worker host does (`new Function('module',
// 'exports', 'require', code)` with a `require` that knows only 'vscode').

const repo = process.cwd();
// Why createRequire: esbuild bundles this test; esbuild.js and esbuild itself must be loaded from the repo at run time.
const requireFromRepo = createRequire(path.join(repo, 'package.json'));
const esbuild = requireFromRepo('esbuild') as typeof import('esbuild');
const { webExtension } = requireFromRepo('./esbuild.js') as { webExtension: import('esbuild').BuildOptions };

/** What a dedicated worker offers that the bundle may touch while it loads (no process, Buffer, require, setImmediate). */
function workerGlobals(): Record<string, unknown> {
  const g: Record<string, unknown> = {
    console,
    setTimeout,
    clearTimeout,
    setInterval,
    clearInterval,
    queueMicrotask,
    structuredClone,
    TextEncoder,
    TextDecoder,
    URL,
    URLSearchParams,
    AbortController,
    MessageChannel,
    Event,
    EventTarget,
    performance,
    crypto: globalThis.crypto,
    atob,
    btoa,
    fetch: () => Promise.reject(new Error('no network in this test')),
  };
  g.self = g;
  return g;
}

/**
 * A stand-in for the `vscode` module: any property, call or construction gives another stand-in. Its prototype is
 * itself, so esbuild's `__toESM` (a new object whose prototype is the module's) reaches it too.
 */
function vscodeStandIn(): unknown {
  const handler: ProxyHandler<() => void> = {
    get: (_t, key) => (key === Symbol.toPrimitive ? () => 'vscode' : proxy),
    getPrototypeOf: () => proxy as object,
    apply: () => proxy,
    construct: () => proxy as object,
  };
  const proxy: unknown = new Proxy(function () {}, handler);
  return proxy;
}

describe('the web bundle (browser entry)', function () {
  this.timeout(60_000);
  let result: import('esbuild').BuildResult & { metafile: import('esbuild').Metafile; outputFiles: import('esbuild').OutputFile[] };

  before(async () => {
    try {
      result = (await esbuild.build({ ...webExtension, absWorkingDir: repo, write: false, metafile: true, minify: true, sourcemap: false, logLevel: 'silent' })) as typeof result;
    } catch (e) {
      const errors = (e as { errors?: import('esbuild').Message[] }).errors ?? [];
      const lines = errors.map((m) => `${m.location ? `${m.location.file}:${m.location.line}: ` : ''}${m.text}${m.notes.length ? ` (${m.notes.map((n) => n.text).join(' ')})` : ''}`);
      assert.fail(`the browser entry does not build for the web worker:\n${lines.join('\n') || (e as Error).message}`);
    }
  });

  it('builds for the browser platform, without reaching a Node built-in, src/node or src/cli', () => {
    const inputs = Object.keys(result.metafile.inputs);
    assert.ok(inputs.includes('src/webExtension.ts'), `inputs: ${inputs.slice(0, 5).join(', ')}…`);
    const offending = inputs.filter((p) => p.startsWith('node:') || p.startsWith('src/node/') || p.startsWith('src/cli/') || p === 'src/extension.ts' || p.startsWith('src/webview/app/'));
    assert.deepEqual(offending, [], 'the web bundle must not contain Node-only or front-end modules');
    const imports = Object.values(result.metafile.inputs).flatMap((i) => i.imports.filter((x) => x.external).map((x) => x.path));
    assert.deepEqual([...new Set(imports)], ['vscode'], 'the only module left to require at run time is vscode');
  });

  it('loads in a web-worker-like context (no process, Buffer, require, setImmediate) and exports activate', () => {
    const code = result.outputFiles.find((f) => f.path.endsWith('extension.js'))!.text;
    const context = vm.createContext(workerGlobals());
    const load = vm.runInContext(`(function (module, exports, require) {${code}\n})`, context, { filename: 'dist/web/extension.js' }) as (m: unknown, e: unknown, r: unknown) => void;
    const required: string[] = [];
    const module = { exports: {} as Record<string, unknown> };
    load(module, module.exports, (name: string) => {
      required.push(name);
      if (name !== 'vscode') throw new Error(`the web bundle requires '${name}' at load time; the web worker host only provides 'vscode'`);
      return vscodeStandIn();
    });
    assert.equal(typeof module.exports.activate, 'function');
    assert.equal(typeof module.exports.deactivate, 'function');
    assert.deepEqual([...new Set(required)], ['vscode']);
    for (const name of ['process', 'Buffer', 'require', 'setImmediate', 'global', '__dirname']) assert.equal(name in context, false, `${name} leaked into the worker context`);
  });
});
