import { describe, expect, it } from 'vitest';
import { openSession, routerContext, type } from '../console/testRouter';
import { findPreset } from '../scenario/presets';
import type { Run } from '../sim/run';
import { lastHeardBeforeReload } from './content/dynamicMapHub';
import { r1Counters, TROUBLESHOOTING_LOOKS_MS } from './content/troubleshooting';
import { countOf, cueRecord, cueRecords, cueTime } from './cue';
import { findLesson, LESSON_GROUPS, LESSONS, lessonForRow, TABLE_ROWS } from './lessons';
import { showOutputs } from './showSnapshot';
import { editedRun, presetRun } from './testRuns';
import type { LessonStep, PredictStep } from './types';

const cuedSteps = (steps: LessonStep[]) => steps.filter((step) => step.kind !== 'playground');

describe('the library', () => {
  it('has unique ids and known presets', () => {
    const ids = LESSONS.map((lesson) => lesson.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const lesson of LESSONS) expect(findPreset(lesson.presetId), lesson.id).toBeDefined();
    expect(findLesson('black-hole')?.presetId).toBe('reload-black-hole');
    expect(findLesson('no-such-lesson')).toBeUndefined();
  });

  it('covers every teaching scenario 7.4.1 to 7.4.12', () => {
    const scenarios = new Set(LESSONS.map((lesson) => lesson.notesScenario));
    for (let n = 1; n <= 12; n++) expect(scenarios, `7.4.${n}`).toContain(`7.4.${n}`);
  });

  it('has a lesson for every row of the configuration table', () => {
    for (const { row } of TABLE_ROWS) expect(lessonForRow(row), row).toBeDefined();
  });

  it('puts every lesson in a listed group, each group non-empty', () => {
    const groups = new Set(LESSON_GROUPS.map((group) => group.id));
    for (const lesson of LESSONS) expect(groups).toContain(lesson.group);
    for (const group of groups) expect(LESSONS.some((lesson) => lesson.group === group)).toBe(true);
  });
});

describe.each(LESSONS.map((lesson) => [lesson.id, lesson] as const))('%s', (_id, lesson) => {
  const run = presetRun(lesson.presetId);
  const steps = cuedSteps(lesson.steps);
  const times = steps.map((step) => cueTime(run, step.cue));

  it('ends in one playground, with things to try', () => {
    const last = lesson.steps[lesson.steps.length - 1];
    expect(last?.kind).toBe('playground');
    expect(lesson.steps.filter((step) => step.kind === 'playground')).toHaveLength(1);
    if (last?.kind === 'playground') expect(last.tryThis.length).toBeGreaterThan(0);
  });

  it('has at least one prediction', () => {
    expect(steps.some((step) => step.kind === 'predict')).toBe(true);
  });

  it('resolves every cue inside the run', () => {
    times.forEach((atMs, i) => {
      expect(atMs, `step ${i + 1}`).toBeDefined();
      expect(atMs, `step ${i + 1}`).toBeGreaterThanOrEqual(0);
      expect(atMs, `step ${i + 1}`).toBeLessThanOrEqual(run.durationMs);
    });
  });

  it('has cue times that never go back', () => {
    for (let i = 1; i < times.length; i++)
      expect(times[i], `step ${i + 1}`).toBeGreaterThanOrEqual(times[i - 1] ?? 0);
  });

  it('lets each reveal play: the step after a prediction starts strictly later', () => {
    steps.forEach((step, i) => {
      if (step.kind !== 'predict' || i + 1 >= steps.length) return;
      expect(times[i + 1], `after step ${i + 1}`).toBeGreaterThan(times[i] ?? 0);
    });
  });

  it('has predictions with one correct choice, which the trace confirms', () => {
    const predictions = steps.filter((step): step is PredictStep => step.kind === 'predict');
    for (const step of predictions) {
      expect(step.choices.length, step.question).toBeGreaterThanOrEqual(2);
      expect(
        step.choices.filter((choice) => choice.correct),
        step.question,
      ).toHaveLength(1);
      expect(step.verify(run), step.question).toBe(true);
    }
  });

  it('keeps narration short', () => {
    for (const step of lesson.steps) {
      const text = step.kind === 'predict' ? step.question : step.text;
      expect(text.length, text).toBeLessThanOrEqual(330);
      expect((text.match(/[.!?](\s|$)/g) ?? []).length, text).toBeLessThanOrEqual(3);
    }
  });

  it('has show snapshots that the routers’ consoles accept', () => {
    for (const [i, step] of steps.entries()) {
      if (step.kind !== 'narrate' || step.show === undefined) continue;
      const shown = showOutputs(run, times[i] ?? 0, step.show);
      for (const { node, commands } of shown) {
        expect(commands.length, `step ${i + 1} ${node}`).toBeGreaterThan(0);
        for (const { echo, output } of commands) {
          expect(output.join('\n'), echo).not.toMatch(/^% /m);
          if (!echo.includes('|')) expect(output.length, echo).toBeGreaterThan(0);
        }
      }
    }
  });

  it('selects only routers of its topology', () => {
    const routers = new Set(run.loaded.scenario.nodes.map((node) => node.id));
    for (const step of steps) if (step.router) expect(routers, step.router).toContain(step.router);
  });
});

describe('what the narration claims', () => {
  it('tunnel protection builds Tunnel0-head-0, with GRE and with an sVTI', () => {
    for (const presetId of ['gre-tp-reload', 'svti-reload']) {
      const lines = type(
        openSession(routerContext('R2', presetId, 60_000)),
        'show crypto ipsec sa',
      );
      expect(lines, presetId).toContain('    Crypto map tag: Tunnel0-head-0, local addr 20.1.1.2');
    }
  });

  it('GRE tunnel protection proxies GRE between the endpoints; sVTI proxies 0.0.0.0/0', () => {
    const request = { on: 'debug', node: 'R1', match: '^IPSEC\\(sa_request\\)' } as const;
    const gre = cueRecord(presetRun('gre-tp-reload'), request);
    const vti = cueRecord(presetRun('svti-reload'), request);
    expect(gre?.kind === 'debug' && gre.text).toContain('10.1.1.1/255.255.255.255/47/0');
    expect(vti?.kind === 'debug' && vti.text).toContain('0.0.0.0/0.0.0.0/0/0');
  });

  it('the black-hole prediction fails on the recovery run, and the other way round', () => {
    const willR2CallR1 = (id: string) => {
      const step = findLesson(id)?.steps.find(
        (s): s is PredictStep => s.kind === 'predict' && s.question.includes('start IKE toward R1'),
      );
      if (!step) throw new Error(`no such prediction in ${id}`);
      return step;
    };
    const noCall = willR2CallR1('black-hole');
    expect(noCall.verify(presetRun('reload-black-hole'))).toBe(true);
    expect(noCall.verify(presetRun('reload-invalid-spi-recovery'))).toBe(false);
  });

  it('proxy-mismatch: the keyed answer holds for non-mirrored ACLs only, and the fix brings the tunnel up', () => {
    const step = findLesson('proxy-mismatch')?.steps.find(
      (s): s is PredictStep => s.kind === 'predict',
    );
    if (!step) throw new Error('no prediction in proxy-mismatch');
    expect(step.verify(presetRun('proxy-mismatch'))).toBe(true);
    // A transform set mismatch also fails quick mode, but for another reason.
    expect(step.verify(presetRun('transform-set-mismatch'))).toBe(false);
    const mirrored = editedRun('proxy-mismatch', 'R2', (config) =>
      config.replace('192.168.10.0 0.0.0.255', '192.168.1.0 0.0.0.255'),
    );
    expect(step.verify(mirrored)).toBe(false);
    expect(mirrored.records.some((r) => r.kind === 'ping' && r.result === 'ok')).toBe(true);
  });

  it('map-not-applied: the keyed answer holds without the interface line, and fails with it', () => {
    const step = findLesson('map-not-applied')?.steps.find(
      (s): s is PredictStep => s.kind === 'predict',
    );
    if (!step) throw new Error('no prediction in map-not-applied');
    expect(step.verify(presetRun('map-not-applied'))).toBe(true);
    const applied = editedRun('map-not-applied', 'R1', (config) =>
      config.replace(
        'interface FastEthernet0/0\n ip address 10.1.1.1 255.255.255.0\n',
        'interface FastEthernet0/0\n ip address 10.1.1.1 255.255.255.0\n crypto map CMAP\n',
      ),
    );
    expect(step.verify(applied)).toBe(false);
    expect(applied.records.some((r) => r.kind === 'ping' && r.result === 'ok')).toBe(true);
  });

  it('dpd-backup-peer: `default` retries the dead default peer for a minute, then fails over', () => {
    const firstOk = (run: ReturnType<typeof presetRun>) =>
      cueTime(run, { on: 'ping', match: '^lan1-to-lan3 #\\d+ ok$' }) ?? 0;
    const withDefault = presetRun('dpd-backup-peer');
    const without = editedRun('dpd-backup-peer', 'R1', (config) =>
      config.replace('set peer 20.1.1.2 default', 'set peer 20.1.1.2'),
    );
    const slowerMs = firstOk(withDefault) - firstOk(without);
    expect(slowerMs).toBeGreaterThanOrEqual(55_000);
    expect(slowerMs).toBeLessThanOrEqual(65_000);
    // "six MM1s 10 s apart" to the dead default peer between DPD's verdict and giving up.
    const deadAt = cueTime(withDefault, { on: 'state', node: 'R1', match: '^dpd dead$' }) ?? 0;
    const gaveUpAt =
      cueTime(withDefault, { on: 'debug', node: 'R1', match: 'Death by retransmission P1' }) ?? 0;
    const mm1 = withDefault.records.filter(
      (r) =>
        r.kind === 'packet' &&
        r.event === 'sent' &&
        r.node === 'R1' &&
        r.msg === 'MM1' &&
        r.dst === '20.1.1.2' &&
        r.atMs >= deadAt &&
        r.atMs < gaveUpAt,
    );
    expect(mm1.map((r) => r.atMs - deadAt)).toEqual([0, 10_000, 20_000, 30_000, 40_000, 50_000]);
  });

  describe('hsrp-failover', () => {
    const activeAt = (run: Run, node: string, afterMs: number) =>
      cueTime(run, { on: 'state', node, match: '^hsrp Active$', afterMs }) ?? -1;
    const pingBackAt = (run: Run, afterMs: number) =>
      cueTime(run, { on: 'ping', match: '^lan1-to-lan2 #\\d+ ok$', afterMs }) ?? -1;

    it('pings resume about 14 s after HE2 takes the address', () => {
      const run = presetRun('hsrp-headend-failover');
      const he2At = activeAt(run, 'HE2', 120_000);
      const backAfterMs = pingBackAt(run, he2At) - he2At;
      expect(backAfterMs).toBeGreaterThanOrEqual(13_000);
      expect(backAfterMs).toBeLessThanOrEqual(15_000);
    });

    it('with invalid-SPI recovery on HE2, HE2 calls R1 itself and pings return in about 3 s', () => {
      const run = editedRun('hsrp-headend-failover', 'HE2', (config) =>
        config.replace(
          'crypto isakmp policy',
          'crypto isakmp invalid-spi-recovery\ncrypto isakmp policy',
        ),
      );
      const he2At = activeAt(run, 'HE2', 120_000);
      expect(cueTime(run, { on: 'packet', node: 'HE2', match: '^sent MM1$' })).toBeGreaterThan(
        he2At,
      );
      const backAfterMs = pingBackAt(run, he2At) - he2At;
      expect(backAfterMs).toBeGreaterThanOrEqual(2_000);
      expect(backAfterMs).toBeLessThanOrEqual(4_000);
      expect(cueTime(run, { on: 'state', node: 'R1', match: '^dpd dead$' })).toBeUndefined();
    });

    it('standby preempt on HE1 causes a second outage, found by R1’s DPD again', () => {
      const run = editedRun('hsrp-headend-failover', 'HE1', (config) =>
        config.replace(' standby 1 priority 110', ' standby 1 priority 110\n standby 1 preempt'),
      );
      const bootAt = cueTime(run, { on: 'fault', match: '^boot HE1' }) ?? 0;
      const he1BackAt = activeAt(run, 'HE1', bootAt);
      expect(he1BackAt).toBeGreaterThanOrEqual(bootAt);
      const lost = countOf(run, { on: 'ping', match: ' lost$', afterMs: he1BackAt + 1000 });
      expect(lost).toBeGreaterThan(5);
      expect(
        cueTime(run, { on: 'state', node: 'R1', match: '^dpd dead$', afterMs: he1BackAt }),
      ).toBeDefined();
      expect(pingBackAt(run, he1BackAt + 1000)).toBeGreaterThan(he1BackAt);
    });
  });

  it('dmvpn-hub: the hub sees each spoke’s address, but has no NHRP mapping to call', () => {
    const run = presetRun('dmvpn-hub-reload');
    const lines = cueRecords(run, { on: 'syslog', node: 'HUB', match: 'RECVD_PKT_INV_SPI' });
    const sources = new Set(
      lines.map((r) => (r.kind === 'syslog' ? /srcaddr=(\S+)/.exec(r.text)?.[1] : '')),
    );
    expect(sources).toEqual(new Set(['10.1.1.1', '30.1.1.3']));
    const atMs = lines[0]?.atMs ?? 0;
    const nhrp = type(openSession(routerContext('HUB', 'dmvpn-hub-reload', atMs)), 'show ip nhrp');
    expect(nhrp.filter((line) => /\d+\.\d+\.\d+\.\d+/.test(line))).toEqual([]);
  });

  it('black-hole: the snapshot shows R1 QM_IDLE with encaps rising, R2 with no SA for R1', () => {
    const run = presetRun('reload-black-hole');
    const step = findLesson('black-hole')?.steps.find((s) => s.kind === 'narrate' && s.show);
    if (step?.kind !== 'narrate' || step.show === undefined) throw new Error('no snapshot step');
    const atMs = cueTime(run, step.cue) ?? 0;
    const encaps = (t: number) => {
      const [r1] = showOutputs(run, t, step.show ?? []);
      const line = r1?.commands[1]?.output.find((l) => l.includes('#pkts encaps'));
      return Number(/encaps: (\d+)/.exec(line ?? '')?.[1] ?? Number.NaN);
    };
    const [r1, r2] = showOutputs(run, atMs, step.show);
    expect(r1?.commands[0]?.output.join('\n')).toMatch(/20\.1\.1\.2\s+10\.1\.1\.1\s+QM_IDLE/);
    expect(encaps(atMs)).toBeGreaterThan(encaps(atMs - 60_000));
    expect(r2?.commands[0]?.output.join('\n')).not.toMatch(/QM_IDLE|MM_/);
    expect(r2?.commands[1]?.output.join('\n')).toContain('#pkts encaps: 0');
    expect(r2?.commands[1]?.output.join('\n')).not.toMatch(/ spi: 0x[1-9A-F]/);
  });

  it('dynamic-map-hub: DPD probes 60 s after the spoke last heard the hub, up again about 73 s after', () => {
    const run = presetRun('dynamic-map-hub-reload');
    const heardAt = lastHeardBeforeReload(run);
    const probeAt = cueTime(run, { on: 'packet', node: 'SPOKE', match: '^sent R-U-THERE$' }) ?? 0;
    const upAt =
      cueTime(run, { on: 'syslog', node: 'HUB', match: 'Crypto tunnel is UP', afterMs: 150_000 }) ??
      0;
    expect(probeAt - heardAt).toBeGreaterThanOrEqual(60_000);
    expect(probeAt - heardAt).toBeLessThan(62_000);
    expect(upAt - heardAt).toBeGreaterThanOrEqual(72_000);
    expect(upAt - heardAt).toBeLessThanOrEqual(74_000);
  });

  it('troubleshooting: R1 looks healthy, its encaps climb 60 a minute with decaps frozen, R2 logs once a minute', () => {
    const run = presetRun('reload-black-hole');
    const [firstMs, secondMs] = TROUBLESHOOTING_LOOKS_MS;
    const [session] = showOutputs(run, firstMs, [
      { node: 'R1', commands: ['show crypto session detail'] },
    ]);
    const text = session?.commands[0]?.output.join('\n') ?? '';
    expect(text).toContain('Session status: UP-ACTIVE');
    expect(text).toContain('Active SAs: 2');
    const first = r1Counters(run, firstMs);
    const later = r1Counters(run, secondMs);
    expect(later.encaps - first.encaps).toBeGreaterThanOrEqual(58);
    expect(later.encaps - first.encaps).toBeLessThanOrEqual(62);
    expect(later.decaps).toBe(first.decaps);
    const atMs =
      cueTime(run, { on: 'syslog', node: 'R2', match: 'RECVD_PKT_INV_SPI', nth: 5 }) ?? 0;
    const [r2] = showOutputs(run, atMs, [
      { node: 'R2', commands: ['show crypto isakmp sa', 'show logging | include INV_SPI'] },
    ]);
    expect(r2?.commands[0]?.output.join('\n')).not.toContain('10.1.1.1');
    const logged = r2?.commands[1]?.output ?? [];
    expect(logged).toHaveLength(5);
    expect(new Set(logged.map((line) => /spi=(0x[0-9A-F]+)/.exec(line)?.[1])).size).toBe(1);
  });
});
