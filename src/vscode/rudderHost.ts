import type { FileSourceFactory } from './backlogSessions';
import type { HistorySourceFactory } from './sessionHistory';

/** Which extension host runs Rudder: Node (desktop, remote, Codespaces, code-server) or a browser's web worker (vscode.dev, github.dev). */
export type RudderHostKind = 'node' | 'web';

/** A feature this host cannot offer, and the sentence the UI shows where the feature would appear. */
export interface Unavailable {
  readonly available: false;
  readonly reason: string;
}

/** Returns the "not here" value an entry point passes for a feature its host cannot run. */
export function unavailable(reason: string): Unavailable {
  return { available: false, reason };
}

/** Why a Node-only feature is off in the browser (shown where the feature would appear). */
export const NEEDS_NODE_REASON = 'This needs VS Code with a Node extension host (the desktop app, a remote window or a codespace): in the browser there is no git and no Node.';

/**
 * What an entry point hands the activation: how a folder is read, and every feature that needs Node — the real one
 * from `src/extension.ts`, `unavailable(NEEDS_NODE_REASON)` from `src/webExtension.ts`. A Node-only feature is a field
 * here (`feature: Port | Unavailable`), so each entry must decide on it and the shared code cannot import Node.
 */
export interface RudderHost {
  readonly kind: RudderHostKind;
  /** The FileSource of a workspace folder. */
  readonly sourceFor: FileSourceFactory;
  /**
   * The git history of a workspace folder (forecasts, flow metrics, a story's age). Where there is none — the browser,
   * a virtual folder — a `noHistory(reason)` source: the roadmap forecasts by velocity and says why.
   */
  readonly historyFor: HistorySourceFactory;
}
