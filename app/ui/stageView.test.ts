import { describe, expect, it } from 'vitest';
import { hashWithView } from './stageView';

describe('hashWithView', () => {
  it('sets, replaces and removes the view= part, keeping the others in their order', () => {
    expect(hashWithView('#preset=baseline', 'ladder')).toBe('#preset=baseline&view=ladder');
    expect(hashWithView('#preset=baseline&view=ladder&t=5', 'statechart')).toBe(
      '#preset=baseline&t=5&view=statechart',
    );
    expect(hashWithView('#preset=baseline&view=ladder', 'topology')).toBe('#preset=baseline');
    expect(hashWithView('', 'ladder')).toBe('');
  });

  it('writes chart= on the statechart only, replacing the one the hash had', () => {
    expect(
      hashWithView('#preset=dpd-idle&chart=ipsec&view=statechart', 'statechart', 'liveness'),
    ).toBe('#preset=dpd-idle&view=statechart&chart=liveness');
    expect(hashWithView('#preset=dpd-idle&view=statechart&chart=ipsec', 'ladder', 'ipsec')).toBe(
      '#preset=dpd-idle&view=ladder',
    );
    expect(hashWithView('#preset=dpd-idle&view=statechart&chart=ipsec', 'statechart')).toBe(
      '#preset=dpd-idle&view=statechart',
    );
  });
});
