import type { PassageIndex } from './search-index.ts';

/**
 * One derived view per index (its acronyms, its word relatives), kept beside it without holding it
 * alive, and brought up to date with the index's current articles each time it is asked for.
 */
export function perIndex<T extends { sync(index: PassageIndex): void }>(create: () => T): (index: PassageIndex) => T {
  const views = new WeakMap<PassageIndex, T>();
  return (index) => {
    let view = views.get(index);
    if (!view) {
      view = create();
      views.set(index, view);
    }
    view.sync(index);
    return view;
  };
}
