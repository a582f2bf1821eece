import { describe, expect, it } from 'vitest';
import type { TimelineMarker } from './timelineMarkers';
import {
  followWindow,
  formatTick,
  placeLabels,
  scrubberValueText,
  snapToMarker,
  timeTicks,
  visibleMarkers,
} from './timelineView';

const point = (atMs: number, kind: TimelineMarker['kind'] = 'ike', label = `${atMs}`) =>
  ({ kind, lane: 'ike', atMs, label }) as TimelineMarker;

describe('scrubberValueText', () => {
  const markers: TimelineMarker[] = [
    { kind: 'reload', lane: 'events', atMs: 120_000, label: '00:02:00.000 R2 reloads' },
    {
      kind: 'syslog-warning',
      lane: 'syslog',
      atMs: 120_000,
      label: '00:02:00.000 R2: %CRYPTO-4-RECVD_PKT_INV_SPI: …',
    },
    { kind: 'ike', lane: 'ike', atMs: 120_000, label: '00:02:00.000 R1 sent ISAKMP MM1' },
  ];

  it('says the time as the clock shows it', () => {
    expect(scrubberValueText(150_020, markers)).toBe('00:02:30.020');
    expect(scrubberValueText(0, [])).toBe('00:00:00.000');
  });

  it('adds what happens exactly then, two at most', () => {
    expect(scrubberValueText(120_000, markers)).toBe(
      '00:02:00.000: R2 reloads; R2: %CRYPTO-4-RECVD_PKT_INV_SPI: …; 1 more',
    );
    expect(scrubberValueText(120_000, markers.slice(0, 1))).toBe('00:02:00.000: R2 reloads');
  });

  it('says when pings are being lost', () => {
    const loss: TimelineMarker = {
      kind: 'ping-loss',
      lane: 'pings',
      atMs: 122_000,
      untilMs: 900_000,
      label: '00:02:02.000 to 00:15:00.000: 779 pings lost',
    };
    expect(scrubberValueText(123_000, [loss])).toBe('00:02:03.000: pings are being lost');
    expect(scrubberValueText(121_000, [loss])).toBe('00:02:01.000');
  });
});

describe('followWindow', () => {
  it('shows the whole run when the window is as wide', () => {
    expect(followWindow(500, 100, 1000, 1000)).toBe(0);
  });

  it('stays put while the cursor is well inside, pages when it leaves', () => {
    expect(followWindow(10_000, 30_000, 60_000, 900_000)).toBe(10_000);
    expect(followWindow(10_000, 69_000, 60_000, 900_000)).toBe(39_000);
    expect(followWindow(10_000, 5_000, 60_000, 900_000)).toBe(0);
  });

  it('centres on the cursor from nowhere, clamped to the run', () => {
    expect(followWindow(Number.NEGATIVE_INFINITY, 5_090, 500, 900_000)).toBe(4_840);
    expect(followWindow(Number.NEGATIVE_INFINITY, 899_990, 500, 900_000)).toBe(899_500);
    expect(followWindow(Number.NEGATIVE_INFINITY, 10, 500, 900_000)).toBe(0);
  });
});

describe('visibleMarkers', () => {
  it('keeps what is in the window, one per kind and column', () => {
    const markers = [
      point(0),
      point(1),
      point(2),
      point(2, 'sa-installed'),
      point(500),
      point(2000),
    ];
    const drawn = visibleMarkers(markers, { startMs: 0, endMs: 1000 }, 100);
    expect(drawn.map((d) => [d.marker.kind, d.marker.atMs, d.hidden])).toEqual([
      ['ike', 0, 2],
      ['sa-installed', 2, 0],
      ['ike', 500, 0],
    ]);
  });

  it('keeps a stretch that overlaps the window', () => {
    const stretch = { ...point(100, 'ping-loss'), lane: 'pings', untilMs: 5000 } as TimelineMarker;
    expect(visibleMarkers([stretch], { startMs: 1000, endMs: 2000 }, 100)).toHaveLength(1);
    expect(visibleMarkers([stretch], { startMs: 6000, endMs: 7000 }, 100)).toHaveLength(0);
  });

  it('draws at most about one tick per column for thousands of markers', () => {
    const many = Array.from({ length: 6000 }, (_, i) => point(i * 100));
    expect(visibleMarkers(many, { startMs: 0, endMs: 600_000 }, 800).length).toBeLessThanOrEqual(
      400,
    );
  });
});

describe('snapToMarker', () => {
  const markers = [point(5000), point(5020), point(9000)];
  it('lands on the nearest marker within the tolerance', () => {
    expect(snapToMarker(markers, 5013, 10)).toBe(5020);
    expect(snapToMarker(markers, 5008, 10)).toBe(5000);
    expect(snapToMarker(markers, 7000, 10)).toBe(7000);
  });
});

describe('timeTicks', () => {
  it('puts ticks on clock-friendly steps', () => {
    expect(timeTicks(0, 900_000, 7)).toEqual([0, 300_000, 600_000, 900_000]);
    expect(timeTicks(0, 900_000, 8)).toEqual([
      0, 120_000, 240_000, 360_000, 480_000, 600_000, 720_000, 840_000,
    ]);
    expect(timeTicks(4_840, 5_340, 6)).toEqual([4_900, 5_000, 5_100, 5_200, 5_300]);
    expect(timeTicks(0, 60_000, 8)).toEqual([0, 10_000, 20_000, 30_000, 40_000, 50_000, 60_000]);
  });
});

describe('formatTick', () => {
  it('uses minutes for a long window and milliseconds for a short one', () => {
    expect(formatTick(150_000, 900_000)).toBe('02:30');
    expect(formatTick(5_200, 4_000)).toBe('00:05.2');
    expect(formatTick(5_020, 500)).toBe('00:05.020');
    expect(formatTick(3_723_000, 7_200_000)).toBe('01:02:03');
  });
});

describe('placeLabels', () => {
  const c = (id: string, x: number, text: string, priority = 0) => ({ id, x, text, priority });

  it('puts a label right of its marker when there is room', () => {
    expect(placeLabels([c('a', 100, 'R2 reload')], 'side', 8)).toEqual([
      { id: 'a', x: 109, text: 'R2 reload' },
    ]);
  });

  it('goes left of a marker that has a neighbour on its right, and gives way by importance', () => {
    const placed = placeLabels(
      [c('ping', 60, 'ping on', 2), c('reload', 200, 'R2 reload'), c('boot', 222, 'R2 up')],
      'side',
      8,
    );
    expect(placed.map((p) => p.id)).toEqual(['reload', 'boot']);
    expect(placed[0]?.x).toBe(200 - 9 - 72);
    expect(placed[1]?.x).toBe(231);
  });

  it('keeps labels between the lane names and the right edge', () => {
    const bounds = { minLeftPx: 76, maxRightPx: 700 };
    expect(placeLabels([c('a', 80, 'pings start')], 'side', 8, bounds)).toEqual([
      { id: 'a', x: 89, text: 'pings start' },
    ]);
    expect(placeLabels([c('b', 690, 'R2-ISP down')], 'side', 8, bounds)).toEqual([
      { id: 'b', x: 690 - 9 - 88, text: 'R2-ISP down' },
    ]);
    expect(placeLabels([c('c', 695, 'MM1')], 'above', 8, bounds)).toEqual([]);
  });

  it('centres labels above ticks and skips the ones that would touch', () => {
    const ticks = [0, 1, 2, 3].map((i) => c(`t${i}`, 100 + i * 20, 'MM1'));
    expect(placeLabels(ticks, 'above', 7.5).map((p) => p.id)).toEqual(['t0', 't2']);
    const wide = [0, 1, 2, 3].map((i) => c(`t${i}`, 100 + i * 40, 'MM1'));
    expect(placeLabels(wide, 'above', 7.5)).toHaveLength(4);
  });
});
