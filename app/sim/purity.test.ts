// The deterministic core may not touch wall time, global randomness or the DOM. Biome bans the
// globals (Date, window, document…; biome.json overrides); this test also catches
// `Math.random` and `performance.now`, which are properties.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CORE_DIRS = ['app/sim', 'app/scenario', 'app/ios', 'app/console', 'app/pcap'];
const FORBIDDEN = [
  /\bMath\.random\b/,
  /\bDate\.now\b/,
  /\bnew Date\b/,
  /\bperformance\.now\b/,
  // A call, not the VirtualClock's own `setTimeout(fn: …)` declaration.
  /(?<![.\w])setTimeout\((?!fn: )/,
  /\bsetInterval\(/,
];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
  });
}

describe('purity of the simulation core', () => {
  it.each(CORE_DIRS)('%s uses no wall clock, global randomness or DOM', (dir) => {
    const offences = sources(dir).flatMap((path) =>
      readFileSync(path, 'utf8')
        .split('\n')
        .flatMap((line, index) =>
          FORBIDDEN.some((re) => re.test(line)) && !line.trim().startsWith('//')
            ? [`${path}:${index + 1}: ${line.trim()}`]
            : [],
        ),
    );
    expect(offences).toEqual([]);
  });
});
