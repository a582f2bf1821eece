// EXEC mode as Cisco's troubleshooting notes show it: abbreviations, the parser's error
// messages with the `^` under the first bad character, questions before acting, debug flags.

import { describe, expect, it } from 'vitest';
import { historyAt } from './history';
import { prompt } from './prompt';
import { openSession, routerContext, type } from './testRouter';

describe('abbreviations', () => {
  it.each([
    ['sh cry isa sa', 'show crypto isakmp sa'],
    ['sh cry ips sa', 'show crypto ipsec sa'],
    ['sh cry ipsec sa pe 20.1.1.2 det', 'show crypto ipsec sa peer 20.1.1.2 detail'],
    ['sh cry ses', 'show crypto session'],
    ['sh run', 'show running-config'],
    ['SH VER', 'show version'],
  ])('%s prints what %s prints', (short, full) => {
    const [, ...abbreviated] = type(openSession(), short);
    const [, ...spelled] = type(openSession(), full);
    expect(abbreviated).toEqual(spelled);
    expect(abbreviated.length).toBeGreaterThan(1);
  });

  it('prints the ISAKMP SA table of the baseline tunnel (12.4 layout)', () => {
    expect(type(openSession(), 'sh cry isa sa')).toEqual([
      'R1#sh cry isa sa',
      'IPv4 Crypto ISAKMP SA',
      'dst             src             state          conn-id slot status',
      '20.1.1.2        10.1.1.1        QM_IDLE           1001    0 ACTIVE',
      '',
      'IPv6 Crypto ISAKMP SA',
      '',
    ]);
  });
});

describe('parser errors', () => {
  it('puts the marker under the first bad word, counting the prompt', () => {
    expect(type(openSession(), 'show crypto isakmp sx')).toEqual([
      'R1#show crypto isakmp sx',
      '                      ^',
      "% Invalid input detected at '^' marker.",
      '',
    ]);
  });

  it('marks a bad word after abbreviations where it was typed', () => {
    const [echo, marker] = type(openSession(), 'sh  cry  ipsec  sa  bogus');
    expect(marker?.indexOf('^')).toBe(echo?.indexOf('bogus'));
  });

  it('reports an ambiguous abbreviation with two spaces and the input quoted', () => {
    expect(type(openSession(), 'sh c')).toEqual(['R1#sh c', '% Ambiguous command:  "sh c"', '']);
  });

  it('reports an incomplete command', () => {
    expect(type(openSession(), 'show crypto')).toEqual([
      'R1#show crypto',
      '% Incomplete command.',
      '',
    ]);
  });

  it('takes an unknown first word for a host name (IOS 12.4)', () => {
    expect(type(openSession(), 'shw crypto')).toEqual([
      'R1#shw crypto',
      '% Unknown command or computer name, or unable to find computer address',
    ]);
  });

  it('refuses privileged commands in user EXEC mode', () => {
    const session = openSession();
    expect(type(session, 'disable', 'conf t')).toEqual([
      'R1#disable',
      'R1>conf t',
      '   ^',
      "% Invalid input detected at '^' marker.",
      '',
    ]);
  });
});

describe('session commands', () => {
  it('enters configuration mode and comes back with `end`', () => {
    const session = openSession();
    expect(type(session, 'conf t', 'end')).toEqual([
      'R1#conf t',
      'Enter configuration commands, one per line.  End with CNTL/Z.',
      'R1(config)#end',
      '*Mar  1 00:01:00.000: %SYS-5-CONFIG_I: Configured from console by console',
    ]);
    expect(prompt(session.state, 'R1')).toBe('R1#');
  });

  it('asks where to configure from when `configure` has no argument', () => {
    const session = openSession();
    expect(type(session, 'configure', '')).toEqual([
      'R1#configure',
      'Configuring from terminal, memory, or network [terminal]? ',
      'Enter configuration commands, one per line.  End with CNTL/Z.',
    ]);
    expect(session.state.mode).toBe('config');
  });

  it('ends the session with `exit`; RETURN opens user EXEC mode, `enable` privileged', () => {
    const session = openSession();
    expect(type(session, 'exit', '', 'enable')).toEqual([
      'R1#exit',
      '',
      'R1 con0 is now available',
      '',
      '',
      '',
      '',
      '',
      'Press RETURN to get started.',
      '',
      '',
      'R1>enable',
    ]);
    expect(prompt(session.state, 'R1')).toBe('R1#');
  });

  it('takes the terminal commands typed by habit, in both EXEC modes, silently', () => {
    const session = openSession();
    expect(
      type(session, 'terminal monitor', 'term len 0', 'terminal no monitor', 'disable', 'term mon'),
    ).toEqual([
      'R1#terminal monitor',
      'R1#term len 0',
      'R1#terminal no monitor',
      'R1#disable',
      'R1>term mon',
    ]);
    expect(session.effects).toEqual([]);
    expect(type(session, 'term len 513')).toEqual([
      'R1>term len 513',
      `${' '.repeat('R1>term len '.length)}^`,
      "% Invalid input detected at '^' marker.",
      '',
    ]);
  });

  it('recalls history, most recent first', () => {
    const session = openSession();
    type(session, 'sh ver', 'sh cry isa sa', '', 'sh c');
    expect([1, 2, 3, 4].map((back) => historyAt(session.state, back))).toEqual([
      'sh c',
      'sh cry isa sa',
      'sh ver',
      null,
    ]);
    expect(historyAt(session.state, 0)).toBeNull();
    expect(type(session, 'show history').slice(1)).toEqual([
      '  sh ver',
      '  sh cry isa sa',
      '  sh c',
      '  show history',
    ]);
  });

  it('keeps the last 10 lines', () => {
    const session = openSession();
    type(session, ...Array.from({ length: 12 }, (_, index) => `show clock ${index}`));
    expect(session.state.history).toHaveLength(10);
    expect(historyAt(session.state, 10)).toBe('show clock 2');
  });
});

describe('debug', () => {
  it('turns crypto debugging on and off, and tells the app', () => {
    const session = openSession();
    expect(
      type(
        session,
        'debug crypto isakmp',
        'deb cry ipsec',
        'show debugging',
        'no debug crypto isakmp',
        'undebug all',
        'show debugging',
      ),
    ).toEqual([
      'R1#debug crypto isakmp',
      'Crypto ISAKMP debugging is on',
      'R1#deb cry ipsec',
      'Crypto IPSEC debugging is on',
      'R1#show debugging',
      'Cryptographic Subsystem:',
      '  Crypto ISAKMP debugging is on',
      '  Crypto IPSEC debugging is on',
      'R1#no debug crypto isakmp',
      'Crypto ISAKMP debugging is off',
      'R1#undebug all',
      'All possible debugging has been turned off',
      'R1#show debugging',
    ]);
    expect(session.effects).toEqual([
      { kind: 'debug', isakmp: true },
      { kind: 'debug', ipsec: true },
      { kind: 'debug', isakmp: false },
      { kind: 'debug', isakmp: false, ipsec: false },
    ]);
    expect(session.state.debug).toEqual({ isakmp: false, ipsec: false });
  });

  it('`u all` and `no debug all` are `undebug all`', () => {
    for (const line of ['u all', 'no debug all']) {
      expect(type(openSession(), line)[1]).toBe('All possible debugging has been turned off');
    }
  });
});

describe('clear, write and copy', () => {
  it('clears SAs silently', () => {
    const session = openSession();
    expect(type(session, 'clear crypto sa', 'clear cry isa')).toEqual([
      'R1#clear crypto sa',
      'R1#clear cry isa',
    ]);
    expect(session.effects).toEqual([
      { kind: 'exec', command: 'clear crypto sa' },
      { kind: 'exec', command: 'clear crypto isakmp' },
    ]);
  });

  it('saves with `write memory`, `wr` and a confirmed copy', () => {
    const session = openSession();
    expect(type(session, 'wr', 'copy run start', '')).toEqual([
      'R1#wr',
      'Building configuration...',
      '[OK]',
      'R1#copy run start',
      'Destination filename [startup-config]? ',
      'Building configuration...',
      '[OK]',
    ]);
    expect(session.effects).toEqual([
      { kind: 'exec', command: 'write memory' },
      { kind: 'exec', command: 'write memory' },
    ]);
  });
});

describe('reload', () => {
  it('asks to confirm; RETURN reloads and starts a fresh session', () => {
    const session = openSession();
    type(session, 'debug crypto isakmp');
    expect(type(session, 'reload', '')).toEqual([
      'R1#reload',
      'Proceed with reload? [confirm]',
      '*Mar  1 00:01:00.000: %SYS-5-RELOAD: Reload requested by console. Reload Reason: Reload Command.',
    ]);
    expect(session.effects.at(-1)).toEqual({ kind: 'reload' });
    expect(session.state.debug).toEqual({ isakmp: false, ipsec: false });
    expect(session.state.history).toEqual([]);
  });

  it('cancels on `n`', () => {
    const session = openSession();
    expect(type(session, 'reload', 'n', 'show clock')).toEqual([
      'R1#reload',
      'Proceed with reload? [confirm]n',
      'R1#show clock',
      '*00:01:00.000 UTC Fri Mar 1 2002',
    ]);
    expect(session.effects).toEqual([]);
  });

  it('offers to save a modified configuration first', () => {
    const session = openSession();
    type(session, 'conf t', 'crypto isakmp invalid-spi-recovery', 'end');
    expect(type(session, 'reload', 'maybe', 'yes', 'y')).toEqual([
      'R1#reload',
      'System configuration has been modified. Save? [yes/no]: maybe',
      "% Please answer 'yes' or 'no'.",
      'System configuration has been modified. Save? [yes/no]: yes',
      'Building configuration...',
      '[OK]',
      'Proceed with reload? [confirm]y',
      '*Mar  1 00:01:00.000: %SYS-5-RELOAD: Reload requested by console. Reload Reason: Reload Command.',
    ]);
    expect(session.effects.slice(1)).toEqual([
      { kind: 'exec', command: 'write memory' },
      { kind: 'reload' },
    ]);
  });
});

describe('the other routers', () => {
  it('shows R2 as responder of the same IKE SA', () => {
    const [, , , row] = type(openSession(routerContext('R2')), 'show crypto isakmp sa');
    expect(row).toBe('20.1.1.2        10.1.1.1        QM_IDLE           1001    0 ACTIVE');
  });
});
