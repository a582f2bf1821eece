import { describe, expect, it } from 'vitest';
import { loadScenarioDocument } from '../scenario/loadScenario';
import type { RouterNode } from '../scenario/types';
import { blankScenario } from './blankScenario';
import { hostSuggestions } from './hostSuggestions';

describe('ping host suggestions', () => {
  it('offers .10 of each router subnet that is not a tunnel, which the reader accepts as ends', () => {
    const document = blankScenario();
    const suggestions = hostSuggestions(document.nodes);
    expect(suggestions).toEqual([
      { address: '10.1.1.10', label: 'R1 FastEthernet0/0' },
      { address: '192.168.1.10', label: 'R1 FastEthernet0/1' },
      { address: '20.1.1.10', label: 'R2 FastEthernet0/0' },
      { address: '192.168.2.10', label: 'R2 FastEthernet0/1' },
    ]);
    const flows = suggestions.map((suggestion, index) => ({
      id: `p${index}`,
      kind: 'ping' as const,
      src: suggestion.address,
      dst: suggestions[(index + 1) % suggestions.length]?.address ?? '',
      everyMs: 1000,
      startMs: 0,
    }));
    expect(loadScenarioDocument({ ...document, traffic: flows }).ok).toBe(true);
  });

  it('skips tunnels and subnets too small for a .10 host', () => {
    const config = [
      'hostname R9',
      'interface Tunnel0',
      ' ip address 172.16.0.1 255.255.255.0',
      'interface Serial0/0',
      ' ip address 10.9.9.1 255.255.255.252',
      'interface FastEthernet0/1',
      ' ip address 10.8.8.1 255.255.255.240',
    ].join('\n');
    const router: RouterNode = {
      id: 'R9',
      kind: 'router',
      x: 0,
      y: 0,
      bootMs: 0,
      config,
      dpdSupport: true,
      saInstallDelayMs: 0,
    };
    expect(hostSuggestions([router])).toEqual([
      { address: '10.8.8.10', label: 'R9 FastEthernet0/1' },
    ]);
  });
});
