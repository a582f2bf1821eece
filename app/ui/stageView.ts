// Which view the studio's stage shows (the topology, the ladder or the statechart): a store of
// its own, so that the stage, the switch and the address agree. The address carries it as
// `&view=` (scenarioUrl.ts); a route applied to the sim store sets it (routeStore.ts).

import { create } from 'zustand';
import { type StageView, viewPart } from '../scenario/linkHash';

export const useStageView = create<{ view: StageView }>()(() => ({ view: 'topology' }));

/** `hash` with its `view=` part (if any) replaced by `view`'s; '' stays ''. */
export function hashWithView(hash: string, view: StageView): string {
  const parts = hash
    .replace(/^#/, '')
    .split('&')
    .filter((part) => part !== '' && !part.startsWith('view='));
  return parts.length === 0 ? '' : `#${parts.join('&')}${viewPart(view)}`;
}
