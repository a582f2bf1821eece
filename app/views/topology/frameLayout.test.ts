// The moving layout on real runs: packets fly from door to door, labels keep off the routers'
// glyphs and pills, and while the picture moves a label keeps its slot instead of hopping.

import { describe, expect, it } from 'vitest';
import { presetRun } from '../../lessons/testRuns';
import { frameAt } from '../../sim/frame';
import type { Run } from '../../sim/run';
import { layoutMoving, type MovingLayout } from './frameLayout';
import { overlaps } from './labelPlacement';
import { placeStaticLabels, type StaticLabels } from './staticLabels';
import { staleSpiKeys, statusesOf } from './statusMemo';
import { topologyIndex } from './topologyIndex';

/** Glyph px per scenario unit of the black hole's stage at 1920 × 1080 (about). */
const PX_PER_UNIT = 1.4;

function staticAt(run: Run, t: number): StaticLabels {
  const index = topologyIndex(run);
  const frame = frameAt(run, t);
  return placeStaticLabels({
    index,
    statuses: statusesOf(frame, index),
    pxPerUnit: PX_PER_UNIT,
    selectedId: null,
    down: new Set(),
  });
}

function layoutAt(run: Run, t: number, previous?: ReadonlyMap<string, number>): MovingLayout {
  const index = topologyIndex(run);
  const frame = frameAt(run, t);
  return layoutMoving(frame, index, staleSpiKeys(frame, index), PX_PER_UNIT, staticAt(run, t), {
    previous,
  });
}

describe('layoutMoving', () => {
  const recovery = presetRun('reload-invalid-spi-recovery');

  it('starts a packet at the door of the router it leaves, not on its name', () => {
    const deleteSent = recovery.sentPackets.find((p) => p.msg === 'DELETE');
    if (!deleteSent) throw new Error('no DELETE');
    const layout = layoutAt(recovery, deleteSent.atMs);
    const packet = layout.packets.find((p) => p.sent.packetId === deleteSent.packetId);
    const r2 = topologyIndex(recovery).positions.get('R2');
    if (!packet || !r2) throw new Error('no DELETE in flight');
    // Half the 136 px glyph and a shape's width away from R2's centre, toward the cloud.
    expect((r2.x - packet.at.x) * PX_PER_UNIT).toBeCloseTo(68 + 14);
    expect(packet.at.y).toBe(r2.y);
    expect(packet.label).not.toBeNull();
  });

  it('labels the DELETE clear of every glyph, name, link label and pill', () => {
    const deleteSent = recovery.sentPackets.find((p) => p.msg === 'DELETE');
    if (!deleteSent?.arrivesAtMs) throw new Error('no DELETE');
    for (let t = deleteSent.atMs; t < deleteSent.arrivesAtMs; t += 2) {
      const fixed = staticAt(recovery, t).obstacles;
      const layout = layoutAt(recovery, t);
      const label = layout.packets.find((p) => p.look.shape === 'delete')?.label;
      if (!label) throw new Error(`DELETE unlabelled at ${t}`);
      for (const obstacle of fixed) expect(overlaps(label.box, obstacle, 0)).toBe(false);
    }
  });

  it('keeps each label in its slot while the packets move (no hopping)', () => {
    // The recovery after R2's boot: Main Mode with INITIAL-CONTACT, the DELETE, Quick Mode, ESP
    // and the invalid-SPI drop, frame by frame at 60 fps and ×0.1 (1.7 ms of virtual time).
    let previous = new Map<string, number>();
    const changes = new Map<string, number>();
    let labelled = 0;
    for (let t = 150_000; t < 150_400; t += 1.7) {
      const layout = layoutAt(recovery, t, previous);
      for (const [id, slot] of layout.slots) {
        const before = previous.get(id);
        if (before !== undefined && before !== slot) changes.set(id, (changes.get(id) ?? 0) + 1);
      }
      labelled += layout.slots.size;
      previous = layout.slots;
    }
    expect(labelled).toBeGreaterThan(100);
    // A label moves when what is in its slot forces it to, at most twice over its flight.
    for (const [id, count] of changes) expect(count, id).toBeLessThanOrEqual(2);
  });
});
