import { describe, expect, it } from 'vitest';
import { parseScenario } from '../scenario/parseScenario';
import { findPreset } from '../scenario/presets';
import { buildRun, type Run } from '../sim/run';
import type { TraceRecord } from '../sim/trace';
import { markersAt, timelineMarkers } from './timelineMarkers';

function run(id: string): Run {
  const parsed = parseScenario(findPreset(id)?.document);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return buildRun(parsed.loaded);
}

const ping = (atMs: number, seq: number, result: 'ok' | 'lost', flow = 'f'): TraceRecord => ({
  atMs,
  kind: 'ping',
  flow,
  seq,
  result,
});

describe('timelineMarkers', () => {
  const blackHole = timelineMarkers(run('reload-black-hole'));
  const ofKind = (kind: string) => blackHole.filter((m) => m.kind === kind);

  it('marks the black hole: traffic, the reload and the boot, IKE, SAs, the INV_SPI warnings', () => {
    expect(ofKind('traffic-start').map((m) => m.atMs)).toEqual([5000]);
    expect(ofKind('reload').map((m) => m.atMs)).toEqual([120_000]);
    expect(ofKind('reload')[0]?.label).toBe('00:02:00.000 R2 reloads');
    expect(ofKind('reload')[0]?.short).toBe('R2 reload');
    expect(ofKind('boot').map((m) => m.atMs)).toEqual([150_000]);
    expect(ofKind('ike').map((m) => m.short)).toEqual([
      'MM1',
      'MM2',
      'MM3',
      'MM4',
      'MM5',
      'MM6',
      'QM1',
      'QM2',
      'QM3',
    ]);
    expect(ofKind('sa-installed')).toHaveLength(4);
    const warnings = ofKind('syslog-warning');
    expect(warnings.length).toBeGreaterThan(5);
    expect(warnings.every((m) => m.label.includes('%CRYPTO-4-RECVD_PKT_INV_SPI'))).toBe(true);
    // At most one per minute (the IOS rate limit), so no two within 60 s.
    for (let i = 1; i < warnings.length; i++)
      expect((warnings[i]?.atMs ?? 0) - (warnings[i - 1]?.atMs ?? 0)).toBeGreaterThanOrEqual(
        60_000,
      );
    expect(ofKind('syslog-notice').length).toBeGreaterThan(0);
    // No debug lines, no ESP packets.
    expect(blackHole.every((m) => !m.label.includes('ESP'))).toBe(true);
  });

  it('merges the lost pings of the black hole into one long stretch after the reload', () => {
    const losses = ofKind('ping-loss');
    const longest = losses.reduce((a, b) =>
      (b.untilMs ?? b.atMs) - b.atMs > (a.untilMs ?? a.atMs) - a.atMs ? b : a,
    );
    expect(longest.atMs).toBeGreaterThan(120_000);
    expect(longest.atMs).toBeLessThan(125_000);
    expect(longest.untilMs).toBeGreaterThan(890_000);
    expect(longest.label).toMatch(
      /^00:02:0\d\.\d{3} to 00:1[45]:\d\d\.\d{3}: \d+ pings lost \(lan1-to-lan2, seq \d+…\d+\)$/,
    );
  });

  it('is sorted by time', () => {
    for (let i = 1; i < blackHole.length; i++)
      expect(blackHole[i]?.atMs).toBeGreaterThanOrEqual(blackHole[i - 1]?.atMs ?? 0);
  });

  it('splits losses at a successful ping, per flow', () => {
    const markers = timelineMarkers({
      records: [
        ping(1000, 1, 'lost'),
        ping(1500, 1, 'lost', 'g'),
        ping(2000, 2, 'lost'),
        ping(3000, 3, 'ok'),
        ping(4000, 4, 'lost'),
      ],
    });
    expect(markers.map((m) => [m.atMs, m.untilMs, m.short])).toEqual([
      [1000, 2000, '2 lost'],
      [1500, 1500, '1 lost'],
      [4000, 4000, '1 lost'],
    ]);
    expect(markers[1]?.label).toBe('00:00:01.500: 1 ping lost (g, seq 1…1)');
  });

  it('marks config, exec and link changes', () => {
    const kept = timelineMarkers(run('ipsec-sa-lost-ike-kept'));
    const kinds = new Set(kept.map((m) => m.kind));
    for (const kind of ['link-down', 'link-up', 'exec', 'sa-deleted'])
      expect(kinds).toContain(kind);
  });
});

describe('markersAt', () => {
  it('finds the point markers at t and the stretches around it', () => {
    const markers = timelineMarkers({
      records: [
        { atMs: 1000, kind: 'fault', event: 'reload', node: 'R2' },
        ping(1000, 1, 'lost'),
        ping(3000, 2, 'lost'),
      ],
    });
    expect(markersAt(markers, 1000).map((m) => m.kind)).toEqual(['reload', 'ping-loss']);
    expect(markersAt(markers, 2000).map((m) => m.kind)).toEqual(['ping-loss']);
    expect(markersAt(markers, 3001)).toEqual([]);
  });

  it('agrees with a plain scan, sorted or not', () => {
    const markers = timelineMarkers({
      records: [
        { atMs: 500, kind: 'fault', event: 'reload', node: 'R2' },
        ping(1000, 1, 'lost'),
        { atMs: 1000, kind: 'fault', event: 'boot', node: 'R2' },
        { atMs: 2000, kind: 'fault', event: 'config', node: 'R1' },
        ping(2000, 2, 'lost'),
        ping(2500, 3, 'ok'),
        ping(2500, 1, 'lost', 'g'),
        { atMs: 2500, kind: 'fault', event: 'link-down', link: 'wan' },
        ping(4000, 2, 'lost', 'g'),
      ],
    });
    const scan = (list: typeof markers, t: number) =>
      list.filter((m) => (m.untilMs === undefined ? m.atMs === t : m.atMs <= t && t <= m.untilMs));
    const shuffled = [...markers].reverse();
    for (const t of [0, 500, 999, 1000, 1500, 2000, 2500, 3000, 4000, 4001]) {
      expect(markersAt(markers, t)).toEqual(scan(markers, t));
      expect(markersAt(shuffled, t)).toEqual(scan(shuffled, t));
    }
  });
});
