// Router statuses, packet looks and per-frame placement on real runs of the presets: the black
// hole (R1's stale SPI, R2's drops) and its recovery (a DELETE, a new SA generation).

import { beforeAll, describe, expect, it } from 'vitest';
import { parseScenario } from '../../scenario/parseScenario';
import { findPreset } from '../../scenario/presets';
import { DROP_VISIBLE_MS, frameAt } from '../../sim/frame';
import { buildRun, type Run } from '../../sim/run';
import { formatSpi } from '../../sim/trace';
import { dropLabelHome, placeDrops, placePackets } from './frameLayout';
import { dropLook, packetLook } from './packetLook';
import { firstPeerState, routerStatuses } from './routerStatus';
import { generationColour } from './spiGenerations';
import { staleSpiKeys } from './statusMemo';
import { topologyIndex } from './topologyIndex';

function runOf(id: string): Run {
  const parsed = parseScenario(findPreset(id)?.document);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return buildRun(parsed.loaded);
}

let blackHole: Run;
let recovery: Run;
beforeAll(() => {
  blackHole = runOf('reload-black-hole');
  recovery = runOf('reload-invalid-spi-recovery');
});

function statusAt(run: Run, t: number, node: string) {
  const status = routerStatuses(frameAt(run, t), topologyIndex(run)).get(node);
  if (!status) throw new Error(`no ${node}`);
  return status;
}

describe('routerStatuses (black hole)', () => {
  it('starts with no IKE SA and no mismatch', () => {
    const r1 = statusAt(blackHole, 0, 'R1');
    expect(r1.power).toBe('up');
    expect(firstPeerState(r1)).toBe('none');
    expect(r1.stale).toEqual([]);
  });

  it('shows Main Mode in progress, then QM_IDLE toward R2', () => {
    expect(statusAt(blackHole, 5_010, 'R1').peers[0]).toMatchObject({
      peerNode: 'R2',
      state: 'MM_NO_STATE',
      category: 'negotiating',
    });
    expect(statusAt(blackHole, 60_000, 'R1').peers[0]).toMatchObject({
      state: 'QM_IDLE',
      category: 'established',
    });
    expect(statusAt(blackHole, 60_000, 'R1').stale).toEqual([]);
  });

  it('counts down R2’s reload and marks R1’s outbound SPI stale', () => {
    const r2 = statusAt(blackHole, 130_000, 'R2');
    expect(r2.power).toBe('booting');
    expect(r2.bootInSec).toBe(20);
    expect(statusAt(blackHole, 149_001, 'R2').bootInSec).toBe(1);
    const r1 = statusAt(blackHole, 130_000, 'R1');
    const view = frameAt(blackHole, 130_000).routers.find((r) => r.node === 'R1');
    const outbound = formatSpi(view?.ipsec[0]?.currentOutboundSpi ?? 0);
    expect(r1.stale).toEqual([{ spi: outbound, peerNode: 'R2' }]);
    // The sender still looks healthy: that is the lesson.
    expect(firstPeerState(r1)).toBe('QM_IDLE');
    // After the boot R2 has no IKE SA, counts the drops, and R1 is still stale.
    const after = statusAt(blackHole, 200_000, 'R2');
    expect(after.power).toBe('up');
    expect(after.bootInSec).toBeNull();
    expect(firstPeerState(after)).toBe('none');
    expect(after.invalidSpiDrops).toBeGreaterThan(0);
    expect(statusAt(blackHole, 200_000, 'R1').stale[0]?.spi).toBe(outbound);
  });
});

describe('packets and drops (black hole)', () => {
  it('places MM1 at the ISP cloud halfway through its flight', () => {
    const run = blackHole;
    const frame = frameAt(run, 5_010);
    const index = topologyIndex(run);
    const placed = placePackets(frame, index, staleSpiKeys(frame, index), 1);
    expect(placed).toHaveLength(1);
    expect(placed[0]).toMatchObject({
      at: { x: 400, y: 200 },
      look: { shape: 'main-mode', label: 'MM1' },
    });
  });

  it('marks ESP sent with the stale SPI', () => {
    const frame = frameAt(blackHole, 160_005);
    const index = topologyIndex(blackHole);
    const [esp] = placePackets(frame, index, staleSpiKeys(frame, index), 1);
    expect(esp?.look).toMatchObject({ shape: 'esp', stale: true });
    expect(esp?.look.label).toBe(`⚠ ${esp?.sent.spi}`);
    expect(esp?.at.x).toBeCloseTo(120 + 280 * 0.5);
  });

  it('describes the invalid-SPI drop at R2 and places it at R2’s door', () => {
    const frame = frameAt(blackHole, 150_100);
    const index = topologyIndex(blackHole);
    const drops = placeDrops(frame, index, 1);
    expect(drops).toHaveLength(1);
    const [drop] = drops;
    const spi = drop?.recent.drop.spi;
    expect(drop?.look.ariaLabel).toBe(`R2 dropped ESP: invalid SPI ${spi}: no inbound SA`);
    expect(drop?.label).toBe(`invalid SPI ${spi}`);
    expect(drop?.at.y).toBe(200);
    expect(drop?.at.x).toBeLessThan(680);
    expect(drop?.at.x).toBeGreaterThan(560);
    expect(drop?.opacity).toBeCloseTo(1 - 0.75 * (80 / DROP_VISIBLE_MS));
    // Its label runs left, away from R2, along the link the packet came by.
    expect(dropLabelHome(drop?.away ?? null, 100)).toEqual({ x: -50 - 15, y: 28 });
  });
});

describe('local drops', () => {
  it('puts a drop inside the sender on the side of its link, labelled outward', () => {
    const frame = frameAt(blackHole, 5_000);
    const [drop] = placeDrops(frame, topologyIndex(blackHole), 1);
    expect(drop?.recent.drop.node).toBe('R1');
    expect(drop?.at).toEqual({ x: 120 + 84, y: 200 });
    expect(dropLabelHome(drop?.away ?? null, 100)).toEqual({ x: 50 + 15, y: 28 });
    expect(drop?.label).toBe('no IPsec SA to 20.1.1.2 yet');
  });
});

describe('recovery: DELETE and a new SA generation', () => {
  it('labels the DELETE with the SPI it names', () => {
    const sent = recovery.sentPackets.find((p) => p.msg === 'DELETE');
    expect(sent).toBeDefined();
    if (!sent) return;
    const look = packetLook(sent, topologyIndex(recovery).generations, new Set());
    expect(look).toMatchObject({ shape: 'delete', label: `DELETE ${sent.deleteSpi}`, priority: 0 });
  });

  it('colours R1’s fresh SPI differently from the stale one', () => {
    const index = topologyIndex(recovery);
    const r1Spis = [
      ...new Set(
        recovery.sentPackets.filter((p) => p.proto === 'esp' && p.node === 'R1').map((p) => p.spi),
      ),
    ];
    expect(r1Spis.length).toBeGreaterThanOrEqual(2);
    const [stale, fresh] = r1Spis.map((spi) => {
      const sent = recovery.sentPackets.find((p) => p.spi === spi);
      if (!sent) throw new Error(`no packet with ${spi}`);
      return packetLook(sent, index.generations, new Set());
    });
    expect(stale?.fill).toBe(generationColour(0));
    expect(fresh?.fill).toBe(generationColour(1));
  });

  it('labels MM5 with INITIAL-CONTACT', () => {
    const mm5 = recovery.sentPackets.find((p) => p.msg === 'MM5' && p.initialContact);
    if (!mm5) throw new Error('no MM5');
    expect(packetLook(mm5, new Map(), new Set()).label).toBe('MM5 +IC');
  });

  it('says where a link drop happened', () => {
    const look = dropLook({
      drop: {
        atMs: 0,
        kind: 'packet',
        event: 'dropped',
        packetId: 1,
        src: '',
        dst: '',
        proto: 'isakmp',
        msg: 'R-U-THERE',
        link: 'R2-ISP',
        reason: 'link R2-ISP is down',
      },
      sent: undefined,
      ageMs: 0,
    });
    expect(look.ariaLabel).toBe('Link R2-ISP dropped ISAKMP R-U-THERE: link R2-ISP is down');
  });
});
