// Diagnostics as the CLI and the scenario loader print them.

import { echoed } from './echo';
import type { ConfigDiagnostic } from './types';

/** "line 12: 'set peer 20.1.1' — '20.1.1' is not an IPv4 address". */
export function formatDiagnostic(diagnostic: ConfigDiagnostic): string {
  return `line ${diagnostic.line}: ${echoed(diagnostic.text.trim())} — ${diagnostic.message}`;
}
