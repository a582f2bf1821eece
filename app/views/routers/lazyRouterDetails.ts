// The selected router's commands, remedies, config and IOS output load after the first draw: the
// studio opens on the routers' states.

import { lazyComponent } from '../../ui/lazyComponent';

export const RouterDetails = lazyComponent(() =>
  import('./RouterDetails').then((m) => m.RouterDetails),
);
