// Built elements kept between renders, so an update after one story change rebuilds only the lanes,
// cards or sections whose content changed.

/** Keeps built elements by key and signature; `swap()` drops the ones not used by the last render. */
export class ElementCache {
  private current = new Map<string, { sig: string; el: HTMLElement }>();
  private next = new Map<string, { sig: string; el: HTMLElement }>();
  rebuilt = 0;
  reused = 0;

  /** Returns the cached element when its signature is unchanged, else builds and caches a new one. */
  get(key: string, sig: string, build: () => HTMLElement): HTMLElement {
    const hit = this.current.get(key);
    if (hit && hit.sig === sig && !this.next.has(key)) {
      this.next.set(key, hit);
      this.reused++;
      return hit.el;
    }
    const el = build();
    this.next.set(key, { sig, el });
    this.rebuilt++;
    return el;
  }

  /** Ends a render: what it did not ask for is forgotten. */
  swap(): void {
    this.current = this.next;
    this.next = new Map();
  }

  clear(): void {
    this.current.clear();
    this.next.clear();
  }
}
