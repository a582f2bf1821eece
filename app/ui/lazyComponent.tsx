// A component whose module loads on demand, for a part the first frame does not show (a tab that
// is not open, a closed dialog): it draws nothing until the module has arrived, then draws the
// component with the props it was given. Call it once, at a module's top level, never while
// rendering (each call makes a new component type).

import { type ComponentType, lazy, memo, Suspense } from 'react';

export function lazyComponent<Props extends object>(
  load: () => Promise<ComponentType<Props>>,
): ComponentType<Props> {
  const Loaded = lazy(async () => ({ default: await load() }));
  // biome-ignore lint/correctness/noComponentHookFactories: called once per module at load time (see above), so the component type is stable.
  return memo(function LazyComponent(props: Props) {
    return (
      <Suspense fallback={null}>
        <Loaded {...props} />
      </Suspense>
    );
  });
}
