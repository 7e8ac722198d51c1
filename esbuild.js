// Builds the extension (its Node and its browser entry), the CLI and the tests with esbuild.
// remark/unified are ESM-only; bundling them makes the CommonJS extension and CLI load them synchronously.
//   node esbuild.js            extension (dist/extension.js, dist/web/extension.js) + CLI (+ webview) into dist/
//   node esbuild.js --tests    unit tests into out/unit/, host tests into out/host/ (Node) and out/host-web/ (web worker)
//   node esbuild.js --watch    rebuild on change
//   node esbuild.js --production   minified, no source maps (used by `npm run package`)
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const tests = process.argv.includes('--tests');

/** Lists files under `dir` whose names end with `suffix`. */
function findFiles(dir, suffix) {
  if (!fs.existsSync(dir)) return [];
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...findFiles(p, suffix));
    else if (entry.name.endsWith(suffix)) out.push(p);
  }
  return out;
}

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // Pick the CommonJS/"default" flavours so nothing pulls in DOM-only code paths.
  mainFields: ['module', 'main'],
};

/**
 * The browser entry (package.json "browser"): one CommonJS file the web worker extension host evaluates with only
 * `require('vscode')`. `platform: 'browser'` makes any Node built-in an error (test/unit/webBundle.test.ts builds it
 * with these options and says which import reached one); `conditions: ['worker']` picks the worker flavour of
 * decode-named-character-reference (remark's), whose browser flavour touches `document` at load time.
 */
const webExtension = {
  ...common,
  platform: 'browser',
  target: 'es2022',
  conditions: ['worker'],
  mainFields: ['browser', 'module', 'main'],
  entryPoints: ['src/webExtension.ts'],
  outfile: 'dist/web/extension.js',
  external: ['vscode'],
};

/**
 * The host suite for the web worker: test/host/web/index.ts and every suite file in one CommonJS file (the worker's
 * `require` knows only 'vscode'), with mocha's browser build; node:assert/strict becomes test/host/web/assert.ts and
 * the suite's nodeOnly.ts becomes test/host/web/nodeOnly.ts. `rudder:host-suites` lists the suite files found here.
 */
function webHostSuite(suiteFiles) {
  const webSwaps = {
    name: 'rudder-web-host-suite',
    setup(build) {
      build.onResolve({ filter: /^node:assert(\/strict)?$/ }, () => ({ path: path.resolve('test/host/web/assert.ts') }));
      build.onResolve({ filter: /^\.\/nodeOnly$/ }, (args) => (args.importer.includes(path.join('test', 'host', 'suite')) ? { path: path.resolve('test/host/web/nodeOnly.ts') } : undefined));
      build.onResolve({ filter: /^rudder:host-suites$/ }, () => ({ path: 'rudder:host-suites', namespace: 'rudder' }));
      build.onLoad({ filter: /.*/, namespace: 'rudder' }, () => ({
        resolveDir: path.resolve('test/host/suite'),
        loader: 'js',
        contents: `export const SUITES = {\n${suiteFiles.map((f) => `  ${JSON.stringify(path.basename(f).replace(/\.ts$/, '.js'))}: () => require(${JSON.stringify(`./${path.basename(f)}`)}),`).join('\n')}\n};\n`,
      }));
    },
  };
  return { ...webExtension, entryPoints: ['test/host/web/index.ts'], outfile: 'out/host-web/index.js', outdir: undefined, sourcemap: false, plugins: [webSwaps] };
}

function builds() {
  if (tests) {
    const unit = findFiles('test/unit', '.test.ts');
    const host = findFiles('test/host/suite', '.ts');
    const list = [];
    if (unit.length) list.push({ ...common, entryPoints: unit, outdir: 'out/unit', outbase: 'test/unit', sourcemap: true });
    if (host.length) list.push({ ...common, entryPoints: host, outdir: 'out/host', outbase: 'test/host/suite', external: ['vscode', 'mocha'], sourcemap: true });
    if (host.length && fs.existsSync('test/host/web/index.ts')) list.push(webHostSuite(host.filter((f) => f.endsWith('.test.ts'))));
    return list;
  }
  const list = [
    { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
    webExtension,
    { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  ];
  if (fs.existsSync('src/webview/app/main.ts')) {
    list.push({ ...common, platform: 'browser', format: 'iife', target: 'es2022', entryPoints: ['src/webview/app/main.ts'], outfile: 'dist/webview/roadmap.js' });
  }
  return list.filter((b) => b.entryPoints.every((e) => fs.existsSync(e)));
}

async function main() {
  const list = builds();
  // Why: a test deleted or renamed in test/ must not keep running from a stale bundle in out/.
  if (tests && !watch) for (const dir of ['out/unit', 'out/host', 'out/host-web']) fs.rmSync(dir, { recursive: true, force: true });
  if (watch) {
    for (const b of list) await (await esbuild.context(b)).watch();
    console.log('[esbuild] watching');
    return;
  }
  await Promise.all(list.map((b) => esbuild.build(b)));
  if (!tests && fs.existsSync('dist/cli.js')) fs.chmodSync('dist/cli.js', 0o755);
}

module.exports = { webExtension };

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
