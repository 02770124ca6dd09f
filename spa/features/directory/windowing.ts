// Which rows of a long list to render: the ones in view plus a margin, so scrolling 100,000 results
// costs the same as scrolling 30.

export interface RowWindow {
  /** First rendered row. */
  start: number;
  /** One past the last rendered row. */
  end: number;
}

export function visibleRows(scrollTop: number, viewportHeight: number, rowHeight: number, total: number, overscan = 6): RowWindow {
  if (total <= 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const last = Math.ceil((Math.max(0, scrollTop) + Math.max(0, viewportHeight)) / rowHeight);
  const start = Math.max(0, Math.min(first - overscan, total - 1));
  const end = Math.min(total, Math.max(last + overscan, start + 1));
  return { start, end };
}
