import { describe, expect, it } from 'vitest';
import { growingIndex } from './growingIndex';

describe('growingIndex', () => {
  it('reads each item of a growing list once, however often it is read', () => {
    const added: number[] = [];
    const sum = growingIndex<number, { total: number }>(
      () => ({ total: 0 }),
      (index, item) => {
        added.push(item);
        index.total += item;
      },
    );
    const list = [1, 2, 3];
    expect(sum(list).total).toBe(6);
    expect(sum(list).total).toBe(6);
    list.push(4, 5);
    expect(sum(list).total).toBe(15);
    expect(added).toEqual([1, 2, 3, 4, 5]);
  });

  it('keeps one index per list', () => {
    const count = growingIndex<string, { n: number }>(
      () => ({ n: 0 }),
      (index) => {
        index.n++;
      },
    );
    const a = ['x'];
    const b = ['y', 'z'];
    expect(count(a).n).toBe(1);
    expect(count(b).n).toBe(2);
    expect(count(a)).toBe(count(a));
    expect(count(a)).not.toBe(count(b));
  });
});
