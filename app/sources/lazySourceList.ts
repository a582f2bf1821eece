// The citations under a scenario's "what to look for" load after the first draw, with the table
// of sources they name.

import { lazyComponent } from '../ui/lazyComponent';

export const SourceList = lazyComponent(() => import('./SourceLink').then((m) => m.SourceList));
