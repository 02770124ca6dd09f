// Sorting a table by any column: text in Polish alphabetical order, numbers and ISO dates by value;
// an empty cell always goes last, whichever the direction (a buyer sorting by phone wants the
// suppliers they can call first).
import { byPolish } from './labels.ts';

export type SortDir = 'asc' | 'desc';
export type Cell = string | number | undefined | null;

export function sortRows<R>(rows: readonly R[], value: (row: R) => Cell, dir: SortDir, tieBreak?: (row: R) => string): R[] {
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    const xe = x === undefined || x === null || x === '';
    const ye = y === undefined || y === null || y === '';
    if (xe !== ye) return xe ? 1 : -1;
    let c = 0;
    if (!xe) c = typeof x === 'number' && typeof y === 'number' ? x - y : byPolish(String(x), String(y));
    if (c !== 0) return c * sign;
    return tieBreak ? byPolish(tieBreak(a), tieBreak(b)) : 0;
  });
}

/** Clicking a column's header: the same column flips direction, another one starts ascending. */
export function nextSort<K extends string>(current: { key: K; dir: SortDir }, key: K): { key: K; dir: SortDir } {
  return current.key === key ? { key, dir: current.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' };
}

/** The aria-sort of a column header. */
export function ariaSort(active: boolean, dir: SortDir): 'ascending' | 'descending' | 'none' {
  return active ? (dir === 'asc' ? 'ascending' : 'descending') : 'none';
}
