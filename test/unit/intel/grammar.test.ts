import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vsctm from 'vscode-textmate';
import * as oniguruma from 'vscode-oniguruma';

// Tokenizes a sample story with the Rudder injection grammar injected into a Markdown grammar, under
// real Oniguruma (the regex engine VS Code uses): every regex must compile and the scopes must land
// only where they belong.
const INJECTION = 'syntaxes/rudder-story.injection.tmLanguage.json';
const MINI_MARKDOWN = 'test/unit/intel/fixtures/miniMarkdown.tmLanguage.json';
const REAL_MARKDOWN = '.vscode-test/code-server/node_modules/code-server/lib/vscode/extensions/markdown-basics/syntaxes/markdown.tmLanguage.json';

const SAMPLE = [
  '---', //                                              0
  'id: S-12',
  'title: Given a title, then #S-3 is not a reference here',
  '---',
  '',
  '# Login', //                                          5
  '',
  'As a shopper, I want to log in, so that my cart is kept. See #S-3 and #task-24.1.',
  '',
  '## Acceptance Criteria',
  '', //                                                 10
  '- [ ] Given a registered user, when they log in, then the cart is shown',
  '- [x] When the password is wrong then an error shows',
  '- And the form keeps the email',
  '- [ ] #2 But never the password',
  '- Something else that mentions given words', //      15
  '',
  '```',
  '- Given inside a fence',
  'see #S-3 in code',
  '```', //                                              20
  '',
  'Inline `#S-3` code and an email a#S-3 and path x/#S-4.',
].join('\n');

let onigReady: Promise<vsctm.IOnigLib> | undefined;
function onigLib(): Promise<vsctm.IOnigLib> {
  onigReady ??= (async () => {
    const wasm = fs.readFileSync('node_modules/vscode-oniguruma/release/onig.wasm');
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    return {
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    };
  })();
  return onigReady;
}

interface Tok {
  line: number;
  text: string;
  scopes: string[];
}

async function tokenize(markdownGrammarPath: string): Promise<Tok[]> {
  const registry = new vsctm.Registry({
    onigLib: onigLib(),
    loadGrammar: async (scopeName) => {
      if (scopeName === 'text.html.markdown') return vsctm.parseRawGrammar(fs.readFileSync(markdownGrammarPath, 'utf8'), markdownGrammarPath);
      if (scopeName === 'rudder.story.injection') return vsctm.parseRawGrammar(fs.readFileSync(INJECTION, 'utf8'), INJECTION);
      // Embedded languages (yaml, fenced code) get an empty grammar: a missing include would break the rule that names it.
      return vsctm.parseRawGrammar(JSON.stringify({ scopeName, patterns: [] }), `${scopeName}.json`);
    },
    getInjections: (scopeName) => (scopeName === 'text.html.markdown' ? ['rudder.story.injection'] : undefined),
  });
  const grammar = await registry.loadGrammar('text.html.markdown');
  assert.ok(grammar, 'markdown grammar loads');
  const out: Tok[] = [];
  let state = vsctm.INITIAL;
  SAMPLE.split('\n').forEach((line, i) => {
    const r = grammar.tokenizeLine(line, state);
    for (const t of r.tokens) out.push({ line: i, text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes });
    state = r.ruleStack;
  });
  return out;
}

function scoped(tokens: Tok[], scope: string): string[] {
  return tokens.filter((t) => t.scopes.some((s) => s.startsWith(scope))).map((t) => `${t.line}:${t.text}`);
}

function checks(load: () => Promise<Tok[]>) {
  it('highlights Given/When/Then/And/But opening criteria, and nothing in front matter, fences or prose', async () => {
    const tokens = await load();
    assert.deepEqual(scoped(tokens, 'keyword.other.rudder.gherkin'), ['11:Given', '12:When', '13:And', '14:But']);
  });
  it('highlights #id references in the body only', async () => {
    const tokens = await load();
    assert.deepEqual(scoped(tokens, 'markup.underline.link.rudder.story-id'), ['7:S-3', '7:task-24.1']);
  });
}

describe('rudder-story injection grammar', function () {
  // Why 20 s: loading the wasm and compiling VS Code's large Markdown grammar takes ~1 s, more on a busy CI machine.
  this.timeout(20_000);
  it('is valid JSON with the expected injection selector', () => {
    const g = JSON.parse(fs.readFileSync(INJECTION, 'utf8'));
    assert.equal(g.scopeName, 'rudder.story.injection');
    assert.match(g.injectionSelector, /^L:text\.html\.markdown /);
    assert.match(g.injectionSelector, /-markup\.fenced_code/);
  });
  describe('with a stand-in Markdown grammar', () => checks(() => tokenize(MINI_MARKDOWN)));
  describe("with VS Code's own Markdown grammar (when the host is installed)", function () {
    before(function () {
      if (!fs.existsSync(REAL_MARKDOWN)) this.skip();
    });
    checks(() => tokenize(REAL_MARKDOWN));
  });
});
