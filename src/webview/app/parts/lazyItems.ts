// Blocks of story chips built only when they come near the viewport: a 1,000-story roadmap then
// creates and lays out only what is on screen. A pending block has the class `items-pending`.

/** Pending blocks, with the function that builds them and the stories they will show. */
const pendingBuilds = new WeakMap<HTMLElement, () => HTMLElement>();
const pendingStories = new WeakMap<HTMLElement, readonly string[]>();

/** Marks `items` as pending: `build` makes its content later, showing `paths`. */
export function defer(items: HTMLElement, paths: readonly string[], build: () => HTMLElement): void {
  items.classList.add('items-pending');
  pendingBuilds.set(items, build);
  pendingStories.set(items, paths);
}

/** Returns the story paths a pending block will show ([] once built). */
export function pendingPaths(items: HTMLElement): readonly string[] {
  return pendingStories.get(items) ?? [];
}

/** Builds the chips of a pending block (no-op when already built); returns whether it built. */
export function materialize(items: HTMLElement): boolean {
  const build = pendingBuilds.get(items);
  if (!build) return false;
  pendingBuilds.delete(items);
  pendingStories.delete(items);
  const block = build();
  items.replaceChildren(...block.childNodes);
  items.classList.remove('items-pending');
  items.style.minHeight = '';
  return true;
}
