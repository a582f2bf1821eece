// The log loads after the first draw, which shows the topology and the routers' states; its
// component is LogPanel.

import { lazyComponent } from '../../ui/lazyComponent';

export const LogView = lazyComponent(() => import('./LogPanel').then((m) => m.LogPanel));
