import { staticPairPreset } from './staticPair';

export const transformSetMismatch = staticPairPreset({
  id: 'transform-set-mismatch',
  summary:
    'Phase 1 comes up, but R2’s transform set is 3DES and MD5 while R1 proposes AES and SHA: quick mode fails, again and again.',
  teaches:
    'Main mode succeeds and both routers show QM_IDLE: the keys and ISAKMP policies agree. Quick mode fails: R2 finds no transform set matching R1’s proposal ("phase 2 SA policy not acceptable") and logs %CRYPTO-6-IKMP_MODE_FAILURE: Processing of Quick mode failed. No IPsec SA is installed, the IKE SA stays, and R1 retransmits QM1 until it gives up; IKE up with no IPsec SA points at phase 2: transform sets or ACLs.',
  sources: ['rfc2409', 'tn-113594'],
  seed: 23,
  durationMs: 180_000, // [1]
  r2: { transforms: 'esp-3des esp-md5-hmac' },
});

// [1] Three minutes: two quick modes that die by retransmission over the one IKE SA, and a third
//     begun.
