// The banner for a link that cannot be opened loads after the first draw: most links open.

import { lazyComponent } from '../ui/lazyComponent';

export const LinkErrorBanner = lazyComponent(() =>
  import('./LinkErrorBanner').then((m) => m.LinkErrorBanner),
);
