// Pure data. Ready-made comparisons for the picker: each one a question the class can answer
// by watching both runs, and the compare link that answers it.

export interface Suggestion {
  payload: string;
  title: string;
  question: string;
}

export const SUGGESTIONS: readonly Suggestion[] = [
  {
    payload: 'reload-black-hole~R2~invalid-spi-recovery~off~on',
    title: 'Invalid-SPI recovery: off vs on',
    question: 'R2 reloads and loses its SAs. Does invalid-SPI recovery on R2 end the black hole?',
  },
  {
    payload: 'dpd-idle-on-demand~R1~keepalive~on-demand~periodic',
    title: 'DPD on an idle tunnel: on-demand vs periodic',
    question:
      'R2’s link fails while nobody sends. Who pays for noticing: the idle minutes or the user?',
  },
  {
    payload: 'dpd-backup-peer~R1~keepalive~off~on-demand',
    title: 'Backup peer: no DPD vs on-demand DPD',
    question: 'R2’s link fails. Does R1 ever fail over to R3, and after how long?',
  },
  {
    payload: 'idle-timer~R1~idle-time~120~off',
    title: 'IPsec idle timer: 120 s vs none',
    question: 'Pings pause for five minutes. What does freeing the idle SAs cost when they resume?',
  },
  {
    payload: 'reload-invalid-spi-recovery~dynamic-map-hub-reload',
    title: 'Static vs dynamic crypto map',
    question: 'The responder reloads. Can it call its peer back, or must the peer notice first?',
  },
  {
    payload: 'gre-tp-reload~dmvpn-hub-reload',
    title: 'P2P GRE vs DMVPN hub with dynamic NHRP',
    question: 'The hub reloads. Does it still know whom to call?',
  },
];
