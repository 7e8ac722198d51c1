// A macrotask break that works the same in the Node extension host and in a browser's web worker (neither
// `setImmediate`, which the worker lacks, nor `setTimeout(0)`, which waits 1–4 ms: hundreds of batches add up).

/** The part of a MessagePort both runtimes have (Node's types describe its EventEmitter face, the DOM's `onmessage`). */
interface Port {
  onmessage: ((event: unknown) => void) | null;
  postMessage(message: unknown): void;
  /** Node only. */
  unref?(): void;
}

const waiting: (() => void)[] = [];
let sender: Port | undefined;

/** Resolves after every task already queued (file reads, events, rendering requests) has had its turn. */
export function nextMacrotask(): Promise<void> {
  if (!sender) {
    const channel = new MessageChannel();
    const receiver = channel.port1 as unknown as Port;
    receiver.onmessage = () => waiting.shift()?.();
    // Why unref: in Node an open port keeps the process alive; the extension host must be able to exit.
    receiver.unref?.();
    sender = channel.port2 as unknown as Port;
  }
  const port = sender;
  return new Promise<void>((resolve) => {
    waiting.push(resolve);
    port.postMessage(undefined);
  });
}
