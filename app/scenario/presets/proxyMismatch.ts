import { staticPairPreset } from './staticPair';

export const proxyMismatch = staticPairPreset({
  id: 'proxy-mismatch',
  summary:
    'Phase 1 comes up, but R2’s crypto ACL names 192.168.10.0/24 where R1’s LAN is 192.168.1.0/24: the ACLs are not mirror images and quick mode fails.',
  teaches:
    'Main mode succeeds and both routers show QM_IDLE: keys and ISAKMP policies agree. In quick mode R1 proposes its ACL’s pair, 192.168.1.0/24 to 192.168.2.0/24; R2 looks for the mirror image, 192.168.2.0/24 to 192.168.1.0/24, in its crypto map and finds no entry whose ACL permits it, since its ACL 101 was written toward 192.168.10.0/24. R2 prints "proxy identities not supported" and "phase 2 SA policy not acceptable" under debug and logs %CRYPTO-6-IKMP_MODE_FAILURE: Processing of Quick mode failed; no IPsec SA is built, the IKE SA stays and R1 retransmits QM1 until it gives up. IKE up with no IPsec SA points at phase 2: compare the crypto ACLs line by line, each the mirror of the other.',
  sources: ['rfc2409', 'tn-113594'],
  seed: 27,
  durationMs: 180_000, // [1]
  r2: { remote: '192.168.10.0/24' }, // [2]
});

// [1] Three minutes, as transform-set-mismatch: two quick modes that die by retransmission over
//     the one IKE SA, and a third begun.
// [2] A typo in R2's ACL 101: `permit ip 192.168.2.0 0.0.0.255 192.168.10.0 0.0.0.255`, where
//     R1's LAN is 192.168.1.0/24; R2's own replies toward LAN 1 do not match it either.
