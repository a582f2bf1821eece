import { describe, expect, it } from 'vitest';
import { openSession, type } from '../testRouter';
import { showIsakmpPolicy } from './showIsakmpPolicy';

describe('show crypto isakmp policy', () => {
  it("prints the baseline's policy 10, then the default suite, values in the tab column", () => {
    expect(type(openSession(), 'sh cry isa pol')).toEqual([
      'R1#sh cry isa pol',
      'Global IKE policy',
      'Protection suite of priority 10',
      '        encryption algorithm:   AES - Advanced Encryption Standard (128 bit keys).',
      '        hash algorithm:         Secure Hash Standard',
      '        authentication method:  Pre-Shared Key',
      '        Diffie-Hellman group:   #2 (1024 bit)',
      '        lifetime:               86400 seconds, no volume limit',
      'Default protection suite',
      '        encryption algorithm:   DES - Data Encryption Standard (56 bit keys).',
      '        hash algorithm:         Secure Hash Standard',
      '        authentication method:  Rivest-Shamir-Adleman Signature',
      '        Diffie-Hellman group:   #1 (768 bit)',
      '        lifetime:               86400 seconds, no volume limit',
    ]);
  });

  it('lists the suites by priority, whatever the configuration order', () => {
    const lines = showIsakmpPolicy({
      isakmpPolicies: [
        {
          priority: 20,
          encryption: '3des',
          hash: 'md5',
          authentication: 'pre-share',
          group: 5,
          lifetimeSec: 3600,
        },
        {
          priority: 5,
          encryption: 'aes 256',
          hash: 'sha',
          authentication: 'pre-share',
          group: 14,
          lifetimeSec: 28_800,
        },
      ],
    });
    expect(lines.filter((line) => line.startsWith('Protection suite'))).toEqual([
      'Protection suite of priority 5',
      'Protection suite of priority 20',
    ]);
    expect(lines).toContain('        encryption algorithm:   Three key triple DES');
    expect(lines).toContain('        hash algorithm:         Message Digest 5');
    expect(lines).toContain('        Diffie-Hellman group:   #14 (2048 bit)');
    expect(lines).toContain('        lifetime:               3600 seconds, no volume limit');
  });
});
