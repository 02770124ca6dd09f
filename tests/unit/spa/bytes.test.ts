import { describe, expect, it } from 'vitest';
import { formatBytes } from '../../../spa/features/settings/bytes.ts';

describe('formatBytes', () => {
  it('uses decimal units and the reader\'s number format', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(1500, 'pl')).toBe('1,5 kB');
    expect(formatBytes(1500, 'en')).toBe('1.5 kB');
    expect(formatBytes(23_456_789, 'pl')).toBe('23 MB');
    expect(formatBytes(2.5e9, 'en')).toBe('2.5 GB');
  });
});
