import browser from 'webextension-polyfill';

// The action badge is per tab and kept by the browser, so it survives the worker being stopped.
const GREEN = '#0B6B2E'; // 6.9:1 against the white badge text

export async function showKnown(tabId: number, name: string): Promise<void> {
  await Promise.all([
    browser.action.setBadgeText({ tabId, text: 'ES' }),
    browser.action.setBadgeBackgroundColor({ tabId, color: GREEN }),
    browser.action.setTitle({ tabId, title: browser.i18n.getMessage('badgeTitleKnown', [name]) || name }),
  ]);
}

export async function showHints(tabId: number): Promise<void> {
  await Promise.all([
    browser.action.setBadgeText({ tabId, text: '?' }),
    browser.action.setBadgeBackgroundColor({ tabId, color: '#5A4A00' }),
    browser.action.setTitle({ tabId, title: browser.i18n.getMessage('badgeTitleHints') }),
  ]);
}

export async function clearBadge(tabId: number): Promise<void> {
  await Promise.all([
    browser.action.setBadgeText({ tabId, text: '' }),
    browser.action.setTitle({ tabId, title: browser.i18n.getMessage('extName') }),
  ]);
}
