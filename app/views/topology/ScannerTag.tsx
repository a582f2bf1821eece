// Where an ESP scanner's packets come from: a tag under the node they enter by, naming the
// scanner's address and the address it forges, so a student sees who sends the random-SPI ESP
// that starts at that node. Static: redrawn only on zoom or layout.

import { memo } from 'react';
import type { ScannerPlace } from './topologyIndex';

export interface ScannerTagProps {
  scanners: readonly ScannerPlace[];
  /** Scenario units per screen px. */
  unit: number;
}

/** Below the node's own label (a cloud's sits 46 units under its centre). */
const FIRST_LINE_OFFSET = 74;
const LINE_HEIGHT = 22;

/** The scanners drawn at each node, in the scenario's order. */
export function scannersByNode(scanners: readonly ScannerPlace[]): ScannerPlace[][] {
  const byNode = new Map<string, ScannerPlace[]>();
  for (const scanner of scanners) {
    const group = byNode.get(scanner.node);
    if (group) group.push(scanner);
    else byNode.set(scanner.node, [scanner]);
  }
  return [...byNode.values()];
}

/** One line per distinct (address, forged address): two flows of one scanner read as one. */
export function scannerLines(scanners: readonly ScannerPlace[]): string[] {
  const lines = scanners.map((scanner) =>
    scanner.claimedSrc && scanner.claimedSrc !== scanner.src
      ? `scanner ${scanner.src} as ${scanner.claimedSrc}`
      : `scanner ${scanner.src}`,
  );
  return [...new Set(lines)];
}

function ScannerTagView({ scanners, unit }: ScannerTagProps) {
  const first = scanners[0];
  if (!first) return null;
  const lines = scannerLines(scanners);
  return (
    <g
      className="topo-scanner"
      transform={`translate(${first.x} ${first.y}) scale(${unit})`}
      data-testid="topology.scanner"
    >
      <title>
        A host that sends ESP with random SPIs (an ESP scanner); its packets enter the network here
      </title>
      {lines.map((line, i) => (
        <text key={line} y={FIRST_LINE_OFFSET + i * LINE_HEIGHT} textAnchor="middle">
          {i === 0 ? `⚠ ${line}` : line}
        </text>
      ))}
    </g>
  );
}

export const ScannerTag = memo(ScannerTagView);
