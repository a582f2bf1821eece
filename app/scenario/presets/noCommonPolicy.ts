import { staticPairPreset } from './staticPair';

export const noCommonPolicy = staticPairPreset({
  id: 'no-common-policy',
  summary:
    'R2’s only ISAKMP policy asks for 3DES and MD5 while R1 offers AES and SHA: R2 refuses the first message.',
  teaches:
    'MM1 carries R1’s proposals; R2 checks each against its policies, finds none acceptable ("atts are not acceptable") and logs %CRYPTO-6-IKMP_MODE_FAILURE: Processing of Main mode failed. It answers nothing, so R1 stays in MM_NO_STATE and retransmits MM1 until phase 1 dies. A tunnel stuck in MM_NO_STATE points at the policies (or at a peer that does not answer at all).',
  sources: ['rfc2409', 'tn-113594'],
  seed: 22,
  durationMs: 180_000, // [1]
  r2: { policy: [' encr 3des', ' hash md5', ' authentication pre-share', ' group 2'] }, // [2]
});

// [1] Three minutes: two full attempts of MM1 and its five retransmissions, and a third begun.
// [2] Only the cipher and hash differ from R1's policy: enough for no proposal to match.
