// The background's wake-up order: housekeeping waits for the first badge decision (or a moment
// when none is asked for), and a tab's remembered hints answer from memory while the worker runs.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PageHints } from '../../../shared/model/types.ts';

const session = new Map<string, unknown>();
const storageGet = vi.fn(async (key: string) => (session.has(key) ? { [key]: session.get(key) } : {}));
vi.mock('webextension-polyfill', () => ({
  default: {
    storage: {
      session: {
        get: (key: string) => storageGet(key),
        set: async (items: Record<string, unknown>) => void Object.entries(items).forEach(([k, v]) => session.set(k, v)),
        remove: async (key: string) => void session.delete(key),
      },
    },
  },
}));

describe('afterWakeUp', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.resetModules();
  });
  afterEach(() => vi.useRealTimers());

  it('starts the housekeeping after the first decision, not before, and at once afterwards', async () => {
    const { afterWakeUp, decisionMade } = await import('../../../extension/background/wakeUp.ts');
    const ran: string[] = [];
    afterWakeUp(() => ran.push('queue'));
    afterWakeUp(() => ran.push('follow'));
    await vi.advanceTimersByTimeAsync(100);
    expect(ran).toEqual([]);
    decisionMade();
    expect(ran).toEqual([]); // not inside the decision's own task
    await vi.advanceTimersByTimeAsync(0);
    expect(ran).toEqual(['queue', 'follow']);
    afterWakeUp(() => ran.push('late'));
    expect(ran).toEqual(['queue', 'follow', 'late']);
    await vi.advanceTimersByTimeAsync(1000);
    expect(ran).toEqual(['queue', 'follow', 'late']); // each once
  });

  it('starts it anyway when no decision is asked for (an alarm, a message woke the worker)', async () => {
    const { afterWakeUp } = await import('../../../extension/background/wakeUp.ts');
    const ran: string[] = [];
    afterWakeUp(() => ran.push('queue'));
    await vi.advanceTimersByTimeAsync(299);
    expect(ran).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(ran).toEqual(['queue']);
  });

  it('one failing task does not keep the others from starting', async () => {
    const { afterWakeUp, decisionMade } = await import('../../../extension/background/wakeUp.ts');
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const ran: string[] = [];
    afterWakeUp(() => {
      throw new Error('broken');
    });
    afterWakeUp(() => ran.push('follow'));
    decisionMade();
    await vi.advanceTimersByTimeAsync(0);
    expect(ran).toEqual(['follow']);
    expect(error).toHaveBeenCalled();
    error.mockRestore();
  });
});

describe('tab memory', () => {
  const hints: PageHints = { nips: ['9291928963'], regons: [], krs: [], emails: [], phones: [], phrases: [] };

  beforeEach(() => {
    vi.resetModules();
    session.clear();
    storageGet.mockClear();
  });

  it('recalls what it remembered without asking the session storage, and only for the same address', async () => {
    const { recallHints, rememberHints } = await import('../../../extension/background/tabMemory.ts');
    await rememberHints(7, 'http://a.pl/', hints);
    expect(await recallHints(7, 'http://a.pl/')).toEqual(hints);
    expect(await recallHints(7, 'http://a.pl/other')).toBeUndefined();
    expect(storageGet).not.toHaveBeenCalled();
    expect(session.get('tab:7')).toEqual({ url: 'http://a.pl/', hints });
  });

  it('a woken worker reads the session storage once per tab, and a forgotten tab is gone from both', async () => {
    session.set('tab:3', { url: 'http://b.pl/', hints });
    const { forgetTab, recallHints } = await import('../../../extension/background/tabMemory.ts');
    expect(await recallHints(3, 'http://b.pl/')).toEqual(hints);
    expect(await recallHints(3, 'http://b.pl/')).toEqual(hints);
    expect(await recallHints(4, 'http://c.pl/')).toBeUndefined();
    expect(await recallHints(4, 'http://c.pl/')).toBeUndefined();
    expect(storageGet).toHaveBeenCalledTimes(2);
    await forgetTab(3);
    expect(session.has('tab:3')).toBe(false);
    expect(await recallHints(3, 'http://b.pl/')).toBeUndefined();
  });
});
