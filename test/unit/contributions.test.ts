import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { GROUP_BYS } from '../../src/vscode/backlogNodes';

// package.json's commands, menus, keybindings and command links must agree with the handlers the extension registers.
// The handlers live in files that import 'vscode', which plain mocha cannot load: their ids are read from the sources.
//  - the grooming table: each name listed in GROOMING_COMMANDS (src/vscode/grooming/commands.ts), looked up in the
//    file it is imported from (`export const name: GroomingCommand<…> = { id: 'rudder.…'`);
//  - every other `registerCommand(…)` in src/vscode and src/extension.ts: a string literal, a constant of the
//    sources (`const NAME = 'rudder.…'`), or one of the DYNAMIC registrations below. Anything else fails the test,
//    so a new way of registering is taught here rather than silently missed.

const GROOMING_TABLE = 'src/vscode/grooming/commands.ts';
const GROOMING_COMMANDS_DIR = 'src/vscode/grooming/commands';

/** Registrations whose id is computed: file + the argument as written → the ids it registers. */
const DYNAMIC: Readonly<Record<string, () => readonly string[]>> = {
  // registerGrooming registers every entry of the table.
  [`${GROOMING_TABLE} command.id`]: () => groomingTable().ids,
  // The Group By submenu: one command per grouping, and a "✓ …" twin shown for the current one (GROUP_BYS is a plain
  // constant in the vscode-free backlogNodes.ts, so the loop's list is the one imported above).
  ['src/vscode/backlogTree.ts `rudder.groupBy.${g}`']: () => GROUP_BYS.map((g) => `rudder.groupBy.${g}`),
  ['src/vscode/backlogTree.ts `rudder.groupBy.${g}.current`']: () => GROUP_BYS.map((g) => `rudder.groupBy.${g}.current`),
};

/** Commands only Rudder itself runs (a quick fix's follow-up): registered, never contributed. */
const isInternal = (id: string): boolean => id.startsWith('rudder.internal.');

/** Returns a source without comments (a commented-out registration must not count); `://` in strings survives. */
function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

function read(file: string): string {
  return withoutComments(fs.readFileSync(file, 'utf8'));
}

/** Returns the .ts files under `dir`, as posix paths relative to the repository. */
function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.posix.join(dir, e.name);
    if (e.isDirectory()) out.push(...sourceFiles(p));
    else if (e.name.endsWith('.ts')) out.push(p);
  }
  return out;
}

/** Returns the ids of the grooming table (in its order) and what could not be read. */
function groomingTable(): { ids: string[]; names: string[]; problems: string[] } {
  const table = read(GROOMING_TABLE);
  const list = /export const GROOMING_COMMANDS\b[^=]*=\s*\[([^\]]*)\]/.exec(table);
  if (!list) return { ids: [], names: [], problems: [`${GROOMING_TABLE}: no GROOMING_COMMANDS list`] };
  const names = list[1].split(',').map((n) => n.trim()).filter(Boolean);
  const from = new Map<string, string>();
  for (const m of table.matchAll(/import\s*\{([^}]*)\}\s*from\s*'(\.\/commands\/[^']+)'/g)) {
    for (const name of m[1].split(',').map((n) => n.trim().split(/\s+as\s+/).pop()!).filter(Boolean)) {
      from.set(name, `${path.posix.join(path.posix.dirname(GROOMING_TABLE), m[2])}.ts`);
    }
  }
  const ids: string[] = [];
  const problems: string[] = [];
  for (const name of names) {
    const file = from.get(name);
    if (!file) {
      problems.push(`${GROOMING_TABLE}: ${name} is not imported from ./commands/`);
      continue;
    }
    const id = new RegExp(`export const ${name}\\b[^=]*=\\s*\\{\\s*id:\\s*'(rudder\\.[\\w.]+)'`).exec(read(file));
    if (id) ids.push(id[1]);
    else problems.push(`${file}: no \`export const ${name}: GroomingCommand = { id: 'rudder.…'\``);
  }
  return { ids, names, problems };
}

/** Returns every id registered as a command handler, with where, and the registrations that could not be read. */
function registeredHandlers(): { ids: { id: string; file: string }[]; unresolved: string[] } {
  const files = [...sourceFiles('src/vscode'), 'src/extension.ts'];
  const sources = new Map(files.map((f) => [f, read(f)]));
  const constants = new Map<string, string>();
  for (const text of sources.values()) for (const m of text.matchAll(/\bconst\s+(\w+)\s*=\s*'(rudder\.[\w.]+)'/g)) constants.set(m[1], m[2]);
  const ids: { id: string; file: string }[] = [];
  const unresolved: string[] = [];
  for (const [file, text] of sources) {
    for (const m of text.matchAll(/registerCommand\(\s*('[^']*'|"[^"]*"|`[^`]*`|[\w.]+(?=\s*[,)]))?/g)) {
      const arg = m[1];
      const dynamic = arg === undefined ? undefined : DYNAMIC[`${file} ${arg}`];
      if (arg === undefined) unresolved.push(`${file}: registerCommand(${text.slice(m.index + m[0].length).slice(0, 40)}…`);
      else if (/^['"]/.test(arg)) ids.push({ id: arg.slice(1, -1), file });
      else if (/^\w+$/.test(arg) && constants.has(arg)) ids.push({ id: constants.get(arg)!, file });
      else if (dynamic) ids.push(...dynamic().map((id) => ({ id, file })));
      else unresolved.push(`${file}: registerCommand(${arg}, …)`);
    }
  }
  return { ids, unresolved };
}

interface Contributes {
  readonly commands?: readonly { command: string }[];
  readonly menus?: Readonly<Record<string, readonly { command?: string; alt?: string; submenu?: string }[]>>;
  readonly submenus?: readonly { id: string }[];
  readonly keybindings?: readonly { command: string }[];
  readonly views?: Readonly<Record<string, readonly { id: string }[]>>;
  readonly viewsWelcome?: readonly { contents: string }[];
  readonly walkthroughs?: readonly { steps: readonly { description?: string; completionEvents?: readonly string[] }[] }[];
}

const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { contributes: Contributes; activationEvents?: readonly string[] };
const contributes = pkg.contributes;

/** Returns the ids of `rudder.` commands package.json runs besides its menus: keybindings, `command:` links, `onCommand:` events. */
function otherReferences(): { id: string; where: string }[] {
  const out: { id: string; where: string }[] = [];
  for (const k of contributes.keybindings ?? []) out.push({ id: k.command.replace(/^-/, ''), where: 'keybindings' });
  const links = (text: string, where: string) => {
    for (const m of text.matchAll(/\(command:([\w.-]+)/g)) out.push({ id: m[1], where });
  };
  for (const w of contributes.viewsWelcome ?? []) links(w.contents, 'viewsWelcome');
  for (const w of contributes.walkthroughs ?? []) {
    for (const s of w.steps) {
      if (s.description) links(s.description, 'walkthroughs');
      for (const e of s.completionEvents ?? []) if (e.startsWith('onCommand:')) out.push({ id: e.slice('onCommand:'.length), where: 'walkthroughs completionEvents' });
    }
  }
  for (const e of pkg.activationEvents ?? []) if (e.startsWith('onCommand:')) out.push({ id: e.slice('onCommand:'.length), where: 'activationEvents' });
  return out.filter((r) => r.id.startsWith('rudder.'));
}

describe('package.json contributions agree with the registered handlers', () => {
  const handlers = registeredHandlers();
  const handled = new Set(handlers.ids.map((h) => h.id));
  const contributed = (contributes.commands ?? []).map((c) => c.command);
  const declared = new Set(contributed);
  // VS Code makes a `<view id>.focus` command for every contributed view.
  const viewFocus = new Set(Object.values(contributes.views ?? {}).flat().map((v) => `${v.id}.focus`));

  it('reads every registration in the sources (none it does not understand) and the whole grooming table', () => {
    assert.deepEqual(handlers.unresolved, [], 'registrations this test cannot read: list them in DYNAMIC');
    const table = groomingTable();
    assert.deepEqual(table.problems, []);
    assert.ok(table.ids.length >= 20 && table.ids.includes('rudder.setStatus'), `the grooming table: ${table.ids.join(', ')}`);
    assert.ok(handled.has('rudder.refresh') && handled.has('rudder.groupBy.goal.current') && handled.has('rudder.openRoadmap'), 'literal, computed and constant ids are all read');
  });

  it('lists every grooming command of commands/ in the table (a command missing there is never registered)', () => {
    const listed = new Set(groomingTable().names);
    const defined = sourceFiles(GROOMING_COMMANDS_DIR).flatMap((f) => [...read(f).matchAll(/export const (\w+)\s*:\s*GroomingCommand\b/g)].map((m) => ({ name: m[1], file: f })));
    assert.ok(defined.length >= 20, `found the command definitions: ${defined.length}`);
    assert.deepEqual(defined.filter((d) => !listed.has(d.name)).map((d) => `${d.file}: ${d.name}`), [], 'defined but not in GROOMING_COMMANDS');
  });

  it('registers no id twice', () => {
    const seen = new Map<string, string[]>();
    for (const h of handlers.ids) seen.set(h.id, [...(seen.get(h.id) ?? []), h.file]);
    assert.deepEqual([...seen].filter(([, files]) => files.length > 1).map(([id, files]) => `${id}: ${files.join(', ')}`), []);
    assert.deepEqual(contributed.filter((c, i) => contributed.indexOf(c) !== i), [], 'contributed twice');
  });

  it('has a handler for every contributed command', () => {
    assert.deepEqual(contributed.filter((c) => !handled.has(c)), [], 'contributed in package.json without a handler');
  });

  it('contributes every handler (internal rudder.internal.* commands excepted, and never contributed)', () => {
    assert.deepEqual([...handled].filter((id) => !isInternal(id) && !declared.has(id)), [], 'registered without a contributes.commands entry');
    assert.deepEqual(contributed.filter(isInternal), [], 'internal commands must stay out of the palette');
  });

  it('names only contributed commands and declared submenus in every menu, and places every submenu', () => {
    const submenus = new Set((contributes.submenus ?? []).map((s) => s.id));
    const bad: string[] = [];
    const placed = new Set<string>();
    for (const [menu, items] of Object.entries(contributes.menus ?? {})) {
      if (menu.startsWith('rudder.') && !submenus.has(menu)) bad.push(`menus.${menu}: not a declared submenu`);
      for (const item of items) {
        for (const c of [item.command, item.alt]) if (c !== undefined && !declared.has(c)) bad.push(`menus.${menu}: ${c} is not in contributes.commands`);
        if (item.submenu !== undefined) {
          placed.add(item.submenu);
          if (!submenus.has(item.submenu)) bad.push(`menus.${menu}: submenu ${item.submenu} is not declared`);
        }
        if (item.command === undefined && item.submenu === undefined) bad.push(`menus.${menu}: an item with neither command nor submenu`);
      }
    }
    for (const s of submenus) {
      if (!placed.has(s)) bad.push(`submenu ${s} is in no menu`);
      if (!(contributes.menus ?? {})[s]?.length) bad.push(`submenu ${s} has no items`);
    }
    assert.deepEqual(bad, []);
  });

  it('runs only handled commands from keybindings, command links and onCommand events', () => {
    const bad = otherReferences().filter((r) => !handled.has(r.id) && !viewFocus.has(r.id));
    assert.deepEqual(bad.map((r) => `${r.where}: ${r.id}`), []);
  });
});
