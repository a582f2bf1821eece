// The first load's JavaScript in a build: the entry script and the modules index.html preloads,
// each gzipped (level 9) as a server would send it. Read by `npm run bench:ui` and by the
// browser test that holds the budget (e2e/loading.spec.ts).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * The first load's budget, in gzip bytes (issue 9: 190,000). Raised to 195,000 for issue 10: the
 * engine the page runs at once gained aggressive mode, mode config, proposal and key checks,
 * the volume lifetime and the failure records (188.7 -> 193.6 kB gzip).
 */
export const INITIAL_JS_BUDGET_GZIP_BYTES = 195_000;

export function initialJsGzipBytes(): { files: string[]; rawBytes: number; gzipBytes: number } {
  const html = readFileSync('dist/index.html', 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.js)"/g)].map(
    (m) => m[1] as string,
  );
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const file of files) {
    const bytes = readFileSync(join('dist', file));
    rawBytes += bytes.length;
    gzipBytes += gzipSync(bytes, { level: 9 }).length;
  }
  return { files, rawBytes, gzipBytes };
}
