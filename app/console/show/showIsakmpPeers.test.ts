import { describe, expect, it } from 'vitest';
import { openSession, routerContext, type } from '../testRouter';

describe('show crypto isakmp peers', () => {
  it('lists the peer of the baseline tunnel once, with the local address', () => {
    expect(type(openSession(), 'sh cry isa peers')).toEqual([
      'R1#sh cry isa peers',
      'Peer: 20.1.1.2 Port: 500 Local: 10.1.1.1',
      ' Phase1 id: 20.1.1.2',
    ]);
  });

  it('lists nothing before any IKE SA exists', () => {
    expect(type(openSession(routerContext('R1', 'baseline', 1000)), 'sh cry isa peers')).toEqual([
      'R1#sh cry isa peers',
    ]);
  });

  it('makes `p` ambiguous under isakmp, as policy and peers both start with it', () => {
    expect(type(openSession(), 'sh cry isa p')).toEqual([
      'R1#sh cry isa p',
      '% Ambiguous command:  "sh cry isa p"',
      '',
    ]);
  });
});
