// The windowed result list: which rows are rendered for a scroll position.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { visibleRows } from '../../../spa/features/directory/windowing.ts';

describe('visibleRows', () => {
  it('covers every row in view, plus the margin, for 100,000 results at any scroll position', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 50, max: 2000 }), (total, at, viewport) => {
        const row = 78;
        const maxScroll = Math.max(0, total * row - viewport);
        const scrollTop = at * maxScroll;
        const { start, end } = visibleRows(scrollTop, viewport, row, total, 6);
        const firstInView = Math.floor(scrollTop / row);
        const lastInView = Math.min(total - 1, Math.ceil((scrollTop + viewport) / row) - 1);
        expect(start).toBeLessThanOrEqual(firstInView);
        expect(end).toBeGreaterThan(lastInView);
        expect(start).toBeGreaterThanOrEqual(0);
        expect(end).toBeLessThanOrEqual(total);
        // What makes it smooth: the rendered count depends on the viewport, never on the total.
        expect(end - start).toBeLessThanOrEqual(Math.ceil(viewport / row) + 1 + 12);
      }),
    );
  });

  it('renders nothing for no results and stays in range past the end (a list that shrank)', () => {
    expect(visibleRows(0, 600, 78, 0)).toEqual({ start: 0, end: 0 });
    const w = visibleRows(1_000_000, 600, 78, 10);
    expect(w.start).toBeLessThan(10);
    expect(w.end).toBe(10);
  });
});
