// "Navigation → badge", observed from an extension page: it navigates a tab with chrome.tabs.update
// and polls chrome.action.getBadgeText until the background has set the expected badge. Polling
// from a page (not the worker) is what lets the same code time a cold worker: the page never wakes
// the worker, the navigation does.
declare const chrome: {
  tabs: {
    update(tabId: number, props: { url: string }): Promise<unknown>;
    onUpdated: {
      addListener(fn: (tabId: number, change: { url?: string; status?: string }) => void): void;
      removeListener(fn: (tabId: number, change: { url?: string; status?: string }) => void): void;
    };
  };
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
};

export interface BadgeSample {
  /** chrome.tabs.update called → badge shows the expected text. */
  navToBadge: number;
  /** tabs.onUpdated (with the new URL) seen in this page → badge shows the expected text. */
  eventToBadge: number;
  /** Mean time of one getBadgeText poll: the resolution of both figures. */
  pollMs: number;
}

export async function navigateAndWaitForBadge(tabId: number, url: string, expected: string, timeoutMs = 15_000): Promise<BadgeSample> {
  let eventAt = NaN;
  const onUpdated = (id: number, change: { url?: string; status?: string }) => {
    if (id === tabId && Number.isNaN(eventAt) && (change.url === url || change.status === 'loading')) eventAt = performance.now();
  };
  chrome.tabs.onUpdated.addListener(onUpdated);
  try {
    const t0 = performance.now();
    await chrome.tabs.update(tabId, { url });
    const pollsFrom = performance.now();
    for (let polls = 1; ; polls++) {
      const text = await chrome.action.getBadgeText({ tabId });
      const now = performance.now();
      if (text === expected && !Number.isNaN(eventAt)) return { navToBadge: now - t0, eventToBadge: now - eventAt, pollMs: (now - pollsFrom) / polls };
      if (now - t0 > timeoutMs) throw new Error(`badge of ${url} stayed "${text}", expected "${expected}"`);
    }
  } finally {
    chrome.tabs.onUpdated.removeListener(onUpdated);
  }
}

export async function badgeText(tabId: number): Promise<string> {
  return chrome.action.getBadgeText({ tabId });
}
