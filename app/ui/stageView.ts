// Which view the studio's stage shows (the topology, the ladder or the statechart) and which
// machine the statechart shows: a store of its own, so that the stage, the switch and the address
// agree. The address carries them as `&view=` and `&chart=` (linkHash.ts); a route applied to the
// sim store sets them (routeStore.ts).

import { create } from 'zustand';
import { type StageChart, type StageView, viewPart } from '../scenario/linkHash';

export const useStageView = create<{ view: StageView; chart: StageChart }>()(() => ({
  view: 'topology',
  chart: 'ike',
}));

/** `hash` with its `view=` and `chart=` parts (if any) replaced by these; '' stays ''. */
export function hashWithView(hash: string, view: StageView, chart: StageChart = 'ike'): string {
  const parts = hash
    .replace(/^#/, '')
    .split('&')
    .filter((part) => part !== '' && !part.startsWith('view=') && !part.startsWith('chart='));
  return parts.length === 0 ? '' : `#${parts.join('&')}${viewPart(view, chart)}`;
}
