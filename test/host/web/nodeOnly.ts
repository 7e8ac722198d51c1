// The web worker build's stand-in for test/host/suite/nodeOnly.ts (esbuild.js swaps it in): same exports, and each
// one says why it cannot run here. Tests that call them are declared with itNeedsNode and never get this far.
import type * as vscode from 'vscode';

function needsNode(what: string): never {
  throw new Error(`${what} needs Node: the web worker extension host has none`);
}

export function runCli(_args: readonly string[]): string {
  return needsNode('running the CLI');
}

export function symlink(_target: string, _link: vscode.Uri): void {
  needsNode('a symbolic link');
}

export function removePath(_uri: vscode.Uri): void {
  needsNode('removing a path with node:fs');
}

export function hasGit(): boolean {
  return false;
}

export function git(_root: vscode.Uri, _args: readonly string[], _date?: string): void {
  needsNode('running git');
}
