import { describe, expect, it } from 'vitest';
import { parseIosConfig } from '../ios/parseConfig';
import { cryptoMapWarnings } from './cryptoMapWarnings';
import { parseScenario } from './parseScenario';
import { findPreset, PRESETS } from './presets';

function warningsOf(text: string) {
  return cryptoMapWarnings(text, parseIosConfig(text).config);
}

describe('cryptoMapWarnings', () => {
  it('notes each incomplete entry at its crypto map line, saying what it lacks', () => {
    const text = [
      'crypto ipsec transform-set TS esp-aes esp-sha-hmac',
      'crypto map CMAP 10 ipsec-isakmp',
      ' set peer 20.1.1.2',
      ' set transform-set TS',
      ' match address 101',
      'crypto map CMAP 20 ipsec-isakmp',
      ' set transform-set TS-AES',
      'interface FastEthernet0/0',
      ' crypto map CMAP',
      'access-list 101 permit ip any any',
    ].join('\n');
    expect(warningsOf(text)).toEqual([
      {
        line: 6,
        text: 'crypto map CMAP 20 ipsec-isakmp',
        message:
          'crypto map CMAP 20 protects nothing until it is complete: no peer is set, no access list is matched, transform set TS-AES is not defined',
      },
    ]);
  });

  it('says nothing of complete entries or dynamic map templates', () => {
    const text = [
      'crypto ipsec transform-set TS esp-aes esp-sha-hmac',
      'crypto dynamic-map DYN 10',
      ' set transform-set TS',
      'crypto map CMAP 65535 ipsec-isakmp dynamic DYN',
      'interface FastEthernet0/0',
      ' crypto map CMAP',
    ].join('\n');
    expect(warningsOf(text)).toEqual([]);
  });

  it('notes a crypto map set that no interface uses, once, at its first entry', () => {
    const text = [
      'crypto ipsec transform-set TS esp-aes esp-sha-hmac',
      'crypto map CMAP 10 ipsec-isakmp',
      ' set peer 20.1.1.2',
      ' set transform-set TS',
      ' match address 101',
      'crypto map CMAP 20 ipsec-isakmp',
      ' set peer 30.1.1.3',
      ' set transform-set TS',
      ' match address 101',
      'interface FastEthernet0/0',
      ' ip address 10.1.1.1 255.255.255.0',
      'access-list 101 permit ip any any',
    ].join('\n');
    expect(warningsOf(text)).toEqual([
      {
        line: 2,
        text: 'crypto map CMAP 10 ipsec-isakmp',
        message:
          'crypto map CMAP is applied to no interface: it encrypts nothing and starts no IKE until an interface has `crypto map CMAP`',
      },
    ]);
  });

  it('reaches the loaded scenario: map-not-applied warns about R1 only', () => {
    const parsed = parseScenario(findPreset('map-not-applied')?.document);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.loaded.warnings.R1?.map((w) => `${w.line}: ${w.message}`)).toEqual([
      expect.stringMatching(/^\d+: crypto map CMAP is applied to no interface: /),
    ]);
    expect(parsed.loaded.warnings.R2).toEqual([]);
  });

  it('reaches the loaded scenario: incomplete-map warns about R1 only, no other preset warns', () => {
    const parsed = parseScenario(findPreset('incomplete-map')?.document);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.loaded.warnings.R1?.map((w) => w.message)).toEqual([
      'crypto map CMAP 10 protects nothing until it is complete: transform set TS-AES is not defined',
    ]);
    expect(parsed.loaded.warnings.R2).toEqual([]);
    for (const preset of PRESETS) {
      if (preset.id === 'incomplete-map' || preset.id === 'map-not-applied') continue;
      const loaded = parseScenario(preset.document);
      if (!loaded.ok) throw new Error(preset.id);
      const messages = Object.values(loaded.loaded.warnings).flat();
      expect(messages, preset.id).toEqual([]);
    }
  });
});
