import { describe, expect, it } from 'vitest';
import { followScrollTop, revealScrollTop, visibleRows } from './followScroll';

const base = { rowCount: 100, rowPx: 10, viewportPx: 100 };

describe('followScrollTop', () => {
  it('pins a growing log to the bottom', () => {
    expect(followScrollTop({ ...base, row: 99, scrollTop: 0, growsWithCursor: true })).toBe(900);
    expect(
      followScrollTop({ ...base, rowCount: 5, row: 4, scrollTop: 0, growsWithCursor: true }),
    ).toBe(0);
  });

  it('leaves the whole run alone while the cursor row is in the upper two thirds', () => {
    const p = { ...base, scrollTop: 200, growsWithCursor: false };
    expect(followScrollTop({ ...p, row: 20 })).toBe(200);
    expect(followScrollTop({ ...p, row: 26 })).toBe(200);
  });

  it('holds the cursor row at two thirds as it moves down, and brings it back from above', () => {
    const p = { ...base, scrollTop: 200, growsWithCursor: false };
    expect(followScrollTop({ ...p, row: 27 })).toBe(210);
    expect(followScrollTop({ ...p, row: 5 })).toBe(0);
    expect(followScrollTop({ ...p, row: 15 })).toBe(90);
    expect(followScrollTop({ ...p, row: 99 })).toBe(900);
  });

  it('stays put when nothing is at the cursor yet', () => {
    expect(followScrollTop({ ...base, row: -1, scrollTop: 300, growsWithCursor: false })).toBe(300);
  });
});

describe('revealScrollTop', () => {
  const p = { rowPx: 10, viewportPx: 100, scrollTop: 200 };
  it('moves as little as it can', () => {
    expect(revealScrollTop({ ...p, row: 25 })).toBe(200);
    expect(revealScrollTop({ ...p, row: 10 })).toBe(100);
    expect(revealScrollTop({ ...p, row: 30 })).toBe(210);
  });
});

describe('visibleRows', () => {
  it('renders the rows in view and the overscan, within the list', () => {
    expect(
      visibleRows({ scrollTop: 200, viewportPx: 100, rowPx: 10, rowCount: 1000, overscan: 5 }),
    ).toEqual({ first: 15, last: 35 });
    expect(
      visibleRows({ scrollTop: 0, viewportPx: 100, rowPx: 10, rowCount: 3, overscan: 5 }),
    ).toEqual({ first: 0, last: 2 });
  });
});
