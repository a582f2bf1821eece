// The Sources dialog loads after the first draw: it is closed until a citation opens it.

import { lazyComponent } from '../ui/lazyComponent';

export const SourcesDialog = lazyComponent(() =>
  import('./SourcesDialog').then((m) => m.SourcesDialog),
);
