// `?` and Tab as IOS shows them: the listing after a space, the completions right after a word,
// argument hints read from the parser, unique-prefix completion.

import { describe, expect, it } from 'vitest';
import { syntaxOf } from '../ios/config/modes';
import { complete } from './complete';
import { openBlockOf } from './config/configModes';
import { ARGS_KEY, configRoots } from './config/configTree';
import { help } from './help';
import { openSession, type } from './testRouter';

function configSession(...lines: string[]) {
  const session = openSession();
  type(session, 'conf t', ...lines);
  return session;
}

describe('? in EXEC mode', () => {
  it('lists what may follow, padded, with a blank line after', () => {
    const { state, context } = openSession();
    expect(help(state, 'show crypto ', context)).toEqual([
      '  engine   Show crypto engine info',
      '  ipsec    Show IPSEC policy',
      '  isakmp   Show ISAKMP',
      '  map      Crypto maps',
      '  session  Show crypto sessions (tunnels)',
      '',
    ]);
  });

  it('lists the completions of a word', () => {
    const { state, context } = openSession();
    expect(help(state, 'show crypto i', context)).toEqual(['ipsec  isakmp', '']);
    expect(help(state, 'sh cry xyz', context)).toEqual(['% Unrecognized command']);
  });

  it('ends a complete command with <cr>, parameters first, `|` last', () => {
    const { state, context } = openSession();
    expect(help(state, 'sh cry ipsec sa ', context)).toEqual([
      '  detail  detailed error counters',
      '  peer    Peer IP address',
      '  |       Output modifiers',
      '  <cr>',
      '',
    ]);
    expect(help(state, 'ping 192.168.2.10 repeat ', context)).toEqual([
      '  <1-2147483647>  Repeat count',
      '',
    ]);
    expect(help(state, 'show run | sec ', context)).toEqual(['  LINE  Regular Expression', '']);
  });

  it('marks the word that does not fit before the `?`', () => {
    const { state, context } = openSession();
    expect(help(state, 'show crypto isakmp sx ', context)).toEqual([
      '                      ^',
      "% Invalid input detected at '^' marker.",
      '',
    ]);
    expect(help(state, 'sh c ', context)).toEqual(['% Ambiguous command:  "sh c"', '']);
  });

  it('offers only the user EXEC commands at R1>', () => {
    const session = openSession();
    type(session, 'disable');
    expect(
      help(session.state, '', session.context).map((line) => line.trim().split(' ')[0]),
    ).toEqual(['enable', 'exit', 'logout', 'ping', 'show', 'terminal', '']);
  });
});

describe('? in configuration modes', () => {
  it('lists the commands of the mode from the parser tables', () => {
    const { state, context } = configSession();
    const listing = help(state, '', context);
    expect(listing).toContain('  crypto         Encryption module');
    expect(listing).toContain('  interface      Select an interface to configure');
    expect(listing).not.toContain('  version');
    const isakmp = configSession('crypto isakmp policy 10');
    expect(help(isakmp.state, '', isakmp.context)).toEqual([
      '  authentication  Set authentication method for protection suite',
      '  do              To run exec commands in config mode',
      '  encryption      Set encryption algorithm for protection suite',
      '  end             Exit from configure mode',
      '  exit            Exit from ISAKMP protection suite configuration mode',
      '  group           Set the Diffie-Hellman group',
      '  hash            Set hash algorithm for protection suite',
      '  lifetime        Set lifetime for ISAKMP security association',
      '  no              Negate a command or set its defaults',
      '',
    ]);
  });

  it('describes arguments from what the parser expects', () => {
    const { state, context } = configSession();
    expect(help(state, 'crypto isakmp keepalive ', context)).toEqual([
      '  <10-3600>  Keepalive interval in seconds',
      '',
    ]);
    expect(help(state, 'crypto isakmp invalid-spi-recovery ', context)).toEqual(['  <cr>', '']);
    expect(help(state, 'crypto isakmp keepalive 5 ', context)).toEqual([
      '                                   ^',
      "% Invalid input detected at '^' marker.",
      '',
    ]);
    const map = configSession('crypto map CMAP 10');
    expect(help(map.state, 'set peer ', map.context)).toEqual(['  A.B.C.D  Peer address', '']);
  });

  it('lists the optional arguments the parser still takes, before <cr>', () => {
    const { state, context } = configSession();
    expect(help(state, 'crypto isakmp keepalive 10 3 ', context)).toEqual([
      '  on-demand  Send keepalives on demand (default)',
      '  periodic   Send keepalives periodically',
      '  <cr>',
      '',
    ]);
    expect(help(state, 'crypto isakmp keepalive 10 ', context)).toEqual([
      '  <2-60>     Retry interval in seconds',
      '  on-demand  Send keepalives on demand (default)',
      '  periodic   Send keepalives periodically',
      '  <cr>',
      '',
    ]);
    expect(help(state, 'crypto isakmp keepalive 10 3 p', context)).toEqual(['periodic', '']);
    // Once the last optional word is typed, only <cr> is left.
    expect(help(state, 'crypto isakmp keepalive 10 3 periodic ', context)).toEqual(['  <cr>', '']);
    expect(help(state, 'crypto map CMAP 10 ', context)).toEqual([
      '  gdoi          configure crypto map gdoi',
      '  ipsec-isakmp  IPSEC w/ISAKMP',
      '  ipsec-manual  IPSEC w/manual keying',
      '  <cr>',
      '',
    ]);
    const iface = configSession('interface FastEthernet0/1');
    expect(help(iface.state, 'ip address 192.168.1.1 255.255.255.0 ', iface.context)).toEqual([
      '  secondary  Make this IP address a secondary address',
      '  <cr>',
      '',
    ]);
  });

  it('lists the optional words of EXEC commands from their command tree', () => {
    const { state, context } = openSession();
    expect(help(state, 'ping 192.168.2.10 ', context)).toEqual([
      '  repeat  specify repeat count',
      '  size    specify datagram size',
      '  source  specify source address or name',
      '  <cr>',
      '',
    ]);
  });

  it('lists keyword arguments, and completes them', () => {
    const { state, context } = configSession('crypto isakmp policy 10');
    expect(help(state, 'encryption ', context)).toEqual(['  3des', '  aes', '  des', '']);
    expect(help(state, 'authentication p', context)).toEqual(['pre-share', '']);
  });

  it('shows `do`, then the EXEC commands', () => {
    const { state, context } = configSession('int fa0/0');
    expect(help(state, 'do ', context)).toEqual(['  LINE  Exec Command', '']);
    expect(help(state, 'do show cr', context)).toEqual(['crypto', '']);
  });

  it('has a description for every keyword of the parser tables', () => {
    const undescribed: string[] = [];
    const visit = (nodes: ReturnType<typeof configRoots>, path: string) => {
      for (const node of nodes) {
        if (node.kind !== 'keyword' || node.word === 'no') continue;
        const words = `${path} ${node.word}`.trim();
        if (node.help === '' && !node.hidden) undescribed.push(words);
        visit(node.children?.filter((child) => child.key !== ARGS_KEY) ?? [], words);
      }
    };
    const session = configSession();
    for (const header of [
      null,
      'interface Tunnel0',
      'crypto isakmp policy 10',
      'crypto ipsec transform-set TS esp-aes',
      'crypto ipsec profile PROF',
      'crypto map CMAP 10',
      'crypto dynamic-map DYN 10',
      'ip access-list extended VPN',
      'crypto ipsec client ezvpn EZ',
      'crypto isakmp client configuration group G',
    ]) {
      if (header !== null) type(session, header);
      const block = openBlockOf(session.state);
      visit(configRoots(block === null ? null : (syntaxOf(block) ?? null)), '');
    }
    expect(undescribed).toEqual([]);
  });
});

describe('Tab completion', () => {
  it('completes a word that abbreviates exactly one keyword', () => {
    const { state, context } = openSession();
    expect(complete(state, 'sh cry is', context)).toBe('sh cry isakmp ');
    expect(complete(state, 'conf t', context)).toBe('conf terminal ');
    expect(complete(state, 'sh c', context)).toBeNull();
    expect(complete(state, 'show ', context)).toBeNull();
    expect(complete(state, 'sh cry zz', context)).toBeNull();
  });

  it('completes configuration keywords and `do` commands', () => {
    const { state, context } = configSession();
    expect(complete(state, 'cry isa inv', context)).toBe('cry isa invalid-spi-recovery ');
    expect(complete(state, 'cry isa k', context)).toBeNull();
    expect(complete(state, 'do sh', context)).toBe('do show ');
  });

  it('completes keyword arguments as `?` lists them, from the parser', () => {
    const { state, context } = configSession();
    expect(complete(state, 'cry isa key K ad', context)).toBe('cry isa key K address ');
    expect(complete(state, 'crypto isakmp keepalive 10 3 per', context)).toBe(
      'crypto isakmp keepalive 10 3 periodic ',
    );
    expect(complete(state, 'crypto map CMAP 20 ipsec-i', context)).toBe(
      'crypto map CMAP 20 ipsec-isakmp ',
    );
    // Several keywords begin it, or none: the line stays as it is.
    expect(complete(state, 'crypto map CMAP 20 ipsec-', context)).toBeNull();
    expect(complete(state, 'crypto isakmp key K 10', context)).toBeNull();
  });
});
