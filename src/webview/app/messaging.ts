// The webview's side of the protocol: what it posts to the host and what it accepts from it (checked
// with validateHostMessage on arrival), plus the saved view state. Outside VS Code (the standalone
// export) posts are recorded on `window.__rudderPosted`, the state lives in sessionStorage, and the
// model comes from the page's embedded JSON block, checked like a host message.
import { isInvalidMessage, validateHostMessage, type HostMessage, type WebviewMessage } from '../protocol';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;
declare global {
  interface Window {
    __rudderPosted?: WebviewMessage[];
  }
}

/** True in a standalone export: no host, nothing can be opened or moved. */
export const STANDALONE = typeof acquireVsCodeApi !== 'function';
const api: VsCodeApi = STANDALONE ? memoryApi() : acquireVsCodeApi();

/** Outside VS Code (exported HTML): messages are recorded, state lives in sessionStorage. */
function memoryApi(): VsCodeApi {
  const posted: WebviewMessage[] = [];
  window.__rudderPosted = posted;
  return {
    postMessage: (m) => posted.push(m),
    getState: () => {
      try {
        return JSON.parse(sessionStorage.getItem('rudder.roadmap') ?? 'null');
      } catch {
        return null;
      }
    },
    setState: (s) => {
      try {
        sessionStorage.setItem('rudder.roadmap', JSON.stringify(s));
      } catch {
        // file:// pages may refuse storage; the state then lasts until the page closes.
      }
    },
  };
}

/** Sends a message to the host. */
export function post(message: WebviewMessage): void {
  api.postMessage(message);
}

/** Logs an error in the host's "Rudder" output channel (a webview's console is otherwise invisible). */
export function logError(message: string): void {
  post({ type: 'log', level: 'error', message: message.slice(0, 1900) });
}

/** Returns what `saveState` last stored (unchecked: restoreState makes it valid). */
export function savedState(): unknown {
  return api.getState();
}

/** Stores the view state so it survives hide/show and reloads. */
export function saveState(state: unknown): void {
  api.setState(state);
}

/** Calls `receive` with every well-formed message from the host; others are logged and dropped. */
export function listen(receive: (m: HostMessage) => void): void {
  window.addEventListener('message', (e: MessageEvent) => {
    const m = validateHostMessage(e.data);
    if (isInvalidMessage(m)) logError(`ignored a message from the host: ${m.error}`);
    else receive(m);
  });
  window.addEventListener('error', (e) => logError(String(e.message)));
}

/** Returns the standalone page's embedded model as a host message, or undefined when there is none or it is malformed. */
export function embeddedModel(): HostMessage | undefined {
  let raw: unknown;
  try {
    raw = { type: 'model', generation: 1, model: JSON.parse(document.getElementById('rudder-model')?.textContent ?? 'null') };
  } catch {
    return undefined;
  }
  const m = validateHostMessage(raw);
  return isInvalidMessage(m) ? undefined : m;
}
