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
});
