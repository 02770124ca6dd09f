// The longest main-thread task while some work runs (PerformanceObserver 'longtask': tasks of
// 50 ms or more; 0 means none reached 50 ms).
export async function longestTaskDuring<T>(work: () => Promise<T>): Promise<{ value: T; longestTask: number }> {
  let longest = 0;
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longest = Math.max(longest, e.duration);
  });
  observer.observe({ type: 'longtask' });
  try {
    const value = await work();
    // Entries are delivered asynchronously: let the last ones arrive.
    await new Promise((r) => setTimeout(r, 50));
    for (const e of observer.takeRecords()) longest = Math.max(longest, e.duration);
    return { value, longestTask: longest };
  } finally {
    observer.disconnect();
  }
}
