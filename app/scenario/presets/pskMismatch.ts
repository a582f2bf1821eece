import { staticPairPreset } from './staticPair';

export const pskMismatch = staticPairPreset({
  id: 'psk-mismatch',
  summary:
    'R1 and R2 are configured alike, except that R2’s pre-shared key for R1 has a typo: no ping ever gets through.',
  teaches:
    'Main mode gets as far as MM5, the first message encrypted with keys derived from the pre-shared key. R2, holding another key, cannot decrypt it and logs %CRYPTO-4-IKMP_BAD_MESSAGE; R1 retransmits MM5 every 10 s until phase 1 dies, then the next ping starts over. Both routers sit in MM_KEY_EXCH: the state that points at the keys.',
  sources: ['rfc2409', 'tn-113594'],
  seed: 21,
  durationMs: 180_000, // [1]
  r2: { key: 'cisco321' }, // [2]
});

// [1] Three minutes: two full attempts, each MM5 and its five retransmissions 10 s apart, and the
//     start of a third.
// [2] cisco123 on R1, cisco321 on R2: the typo a class makes.
