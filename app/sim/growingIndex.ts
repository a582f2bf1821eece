// Indexes that grow with a run being computed. The app shows a run being built as a new Run
// object a few times a second, but every array of it is shared by all its slices and only
// appended to (run.ts): an index kept per array and brought up to date with the items added since
// costs each item once, where one rebuilt for each Run object costs the whole run at every
// showing (quadratic: minutes, and tasks of seconds, for the heaviest run the studio allows).

/**
 * An index of a shared, append-only list, kept per list: `read(list)` adds the items appended
 * since the last read with `add` (a new list starts from `start()`), and returns the index (the
 * same object each time, grown). Like the list, it may hold more than an older Run computed.
 */
export function growingIndex<Item, Index>(
  start: () => Index,
  add: (index: Index, item: Item) => void,
): (list: readonly Item[]) => Index {
  const states = new WeakMap<readonly Item[], { index: Index; count: number }>();
  return (list) => {
    let state = states.get(list);
    if (!state) {
      state = { index: start(), count: 0 };
      states.set(list, state);
    }
    for (; state.count < list.length; state.count++) add(state.index, list[state.count] as Item);
    return state.index;
  };
}
