import { describe, expect, it } from 'vitest';
import { percentile, ratio, summarize } from '../../../bench/stats.ts';
import { caseHasNumbers, toMarkdown, type CaseResult, type Results } from '../../../bench/report.ts';

describe('bench statistics', () => {
  it('takes percentiles by nearest rank', () => {
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
    // Nearest rank: the p-th percentile of 1..100 is p itself.
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 95)).toBe(95);
    expect(percentile([7], 95)).toBe(7);
    // With 3 samples the median is the middle one and p95 the largest.
    expect(summarize([30, 10, 20])).toEqual({ n: 3, p50: 20, p95: 30, min: 10, max: 30 });
  });

  it('ignores samples that are not numbers and says so in n', () => {
    expect(summarize([5, NaN, Infinity, 1]).n).toBe(2);
    expect(summarize([]).p50).toBeNaN();
  });

  it('gives no ratio against a missing or zero baseline', () => {
    expect(ratio(3, 2)).toBe(1.5);
    expect(ratio(3, 0)).toBeNaN();
    expect(ratio(NaN, 2)).toBeNaN();
  });
});

describe('bench report', () => {
  const meta: Results['meta'] = {
    date: '2026-01-01T00:00:00.000Z',
    mode: 'full',
    entities: 100_000,
    seed: 1,
    machine: { cpu: 'Test CPU', cores: 2, memoryGB: 8, os: 'Linux' },
    load: { start: 1, end: 2 },
    versions: { Node: 'v20' },
  };
  const good: CaseResult = {
    id: 'x',
    title: 'X case',
    method: 'How.',
    rows: [{ metric: 'speed', unit: 'ms', measured: summarize([10, 20, 30]), baseline: { label: 'floor', value: 10 }, ratio: 2, goal: '≤ 1.5×', met: false }],
    seconds: 1,
  };

  it('writes one table per case, with the miss in bold', () => {
    const md = toMarkdown({ meta, cases: [good] });
    expect(md).toContain('## X case');
    expect(md).toContain('| speed | 20.0 / 30.0 ms (n=3) | floor | 10.0 ms | 2.00× | ≤ 1.5× | **no** |');
    expect(md).toContain('| CPU | Test CPU |');
  });

  it('tells a case without numbers apart', () => {
    expect(caseHasNumbers(good)).toBe(true);
    expect(caseHasNumbers({ ...good, rows: [] })).toBe(false);
    expect(caseHasNumbers({ ...good, error: 'browser crashed' })).toBe(false);
    expect(caseHasNumbers({ ...good, rows: [{ metric: 'm', unit: 'ms', measured: summarize([]) }] })).toBe(false);
  });
});
