/** A disposable subscription. */
export interface Disposable {
  dispose(): void;
}

/** A tiny synchronous event emitter (no Node EventEmitter: the core runs in browsers and workers too). */
export class Emitter<T> {
  private readonly listeners = new Set<(value: T) => void>();

  /** Subscribes a listener; returns its subscription. */
  readonly event = (listener: (value: T) => void): Disposable => {
    // Wrapped so the same function subscribed twice gets two independent subscriptions.
    const wrapped = (v: T) => listener(v);
    this.listeners.add(wrapped);
    return { dispose: () => this.listeners.delete(wrapped) };
  };

  /** Calls every listener; one throwing listener does not stop the others. */
  fire(value: T): void {
    for (const l of [...this.listeners]) {
      try {
        l(value);
      } catch {
        // a listener's bug must not break the index
      }
    }
  }

  /** Removes every listener. */
  dispose(): void {
    this.listeners.clear();
  }
}
