// The validator is the extension's security boundary: every message the background gets passes
// through acceptRequest. Hostile messages — wrong types, extra fields, huge strings, prototype
// keys, privileged requests from web pages or content scripts — must all be dropped, and each of
// our own requests must pass exactly as sent.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { acceptRequest, isPageHints, parseRequest, senderKind, type Sender } from '../../../shared/messages/validate.ts';
import { SENDERS, type Request, type RequestType } from '../../../shared/messages/protocol.ts';
import { scanText } from '../../../shared/model/scan.ts';

const SELF = { id: 'abcdefghijklmnop', pagesUrl: 'chrome-extension://abcdefghijklmnop/' };
const POPUP: Sender = { id: SELF.id, url: `${SELF.pagesUrl}popup.html?tab=3`, tab: { id: 3 } };
const APP: Sender = { id: SELF.id, url: `${SELF.pagesUrl}app.html#/settings` };
const CONTENT: Sender = { id: SELF.id, url: 'https://sklep-alternatywy.pl/', frameId: 0, tab: { id: 7 } };

const hints = () => ({ nips: ['9291928963'], regons: [], krs: ['0000700353'], emails: ['a@b.pl'], phones: ['+48603254662'], phrases: ['spółdzielnia socjalna'], title: 'Sklep' });

/** One well-formed example of every request. */
const GOOD: { [K in RequestType]: Request<K> } = {
  'page-hints': { type: 'page-hints', hints: hints() },
  ping: { type: 'ping' },
  'tab-state': { type: 'tab-state', tabId: 3 },
  'scan-tab': { type: 'scan-tab', tabId: 3 },
  'directory-changed': { type: 'directory-changed' },
  'set-auto-scan': { type: 'set-auto-scan', enabled: true },
  'verify-wake': { type: 'verify-wake' },
};
const TYPES = Object.keys(GOOD) as RequestType[];
const PRIVILEGED = TYPES.filter((t) => SENDERS[t] === 'extension-page');

describe('parseRequest', () => {
  it('accepts each of our requests exactly as sent', () => {
    for (const type of TYPES) expect(parseRequest(structuredClone(GOOD[type])), type).toEqual(GOOD[type]);
    // What the content script really sends: scanText's own output.
    expect(parseRequest({ type: 'page-hints', hints: scanText('NIP 929-192-89-63, spółdzielnia socjalna') })).not.toBeNull();
  });

  it('drops what is not an object of a known type', () => {
    for (const raw of [null, undefined, 0, 'ping', ['ping'], true, () => 1, { type: 'pong' }, { type: 'PING' }, { type: 'toString' }, { type: '__proto__' }, { type: 'hasOwnProperty' }, {}]) {
      expect(parseRequest(raw), String(raw)).toBeNull();
    }
  });

  it('drops a request with a field of the wrong type', () => {
    const bad: unknown[] = [
      { type: 'tab-state', tabId: '3' },
      { type: 'tab-state', tabId: -1 },
      { type: 'tab-state', tabId: 1.5 },
      { type: 'tab-state', tabId: Number.NaN },
      { type: 'tab-state', tabId: Number.MAX_SAFE_INTEGER + 2 },
      { type: 'tab-state' },
      { type: 'scan-tab', tabId: null },
      { type: 'set-auto-scan', enabled: 'true' },
      { type: 'set-auto-scan', enabled: 1 },
      { type: 'set-auto-scan' },
      { type: 'page-hints' },
      { type: 'page-hints', hints: null },
      { type: 'page-hints', hints: { ...hints(), nips: '9291928963' } },
      { type: 'page-hints', hints: { ...hints(), nips: [9291928963] } },
      { type: 'page-hints', hints: { ...hints(), krs: ['KRS0000700353'] } },
      { type: 'page-hints', hints: { ...hints(), emails: [{ toString: () => 'a@b.pl' }] } },
      { type: 'page-hints', hints: { ...hints(), title: 42 } },
      { type: 'page-hints', hints: { nips: [], regons: [], krs: [], emails: [], phones: [] } }, // phrases missing
    ];
    for (const raw of bad) expect(parseRequest(raw), JSON.stringify(raw)).toBeNull();
  });

  it('drops a request with fields it does not have, prototype keys included', () => {
    const extra: unknown[] = [
      { type: 'ping', tabId: 3 },
      { type: 'directory-changed', ids: ['a'] },
      { type: 'verify-wake', entityId: 'krs:0000700353' },
      { type: 'tab-state', tabId: 3, url: 'https://x.pl/' },
      { type: 'set-auto-scan', enabled: true, origins: ['<all_urls>'] },
      { type: 'page-hints', hints: hints(), tabId: 1 },
      { type: 'page-hints', hints: { ...hints(), script: 'alert(1)' } },
      JSON.parse('{"type":"ping","__proto__":{"polluted":true}}'),
      JSON.parse('{"type":"tab-state","tabId":3,"constructor":{"prototype":{"polluted":true}}}'),
      { type: 'page-hints', hints: JSON.parse(`{"nips":[],"regons":[],"krs":[],"emails":[],"phones":[],"phrases":[],"__proto__":{"isAdmin":true}}`) },
    ];
    for (const raw of extra) expect(parseRequest(raw), JSON.stringify(raw)).toBeNull();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('drops an object that is not plain (a class instance, an object with a forged prototype)', () => {
    class Ping {
      type = 'ping';
    }
    expect(parseRequest(new Ping())).toBeNull();
    expect(parseRequest(Object.create({ type: 'ping' }))).toBeNull(); // type only inherited
    const forged = Object.create({ evil: true });
    forged.type = 'ping';
    expect(parseRequest(forged)).toBeNull();
  });

  it('drops huge strings and long lists, at the caps', () => {
    const at = (n: number, c = 'a') => c.repeat(n);
    expect(isPageHints({ ...hints(), title: at(500) })).toBe(true);
    expect(isPageHints({ ...hints(), title: at(501) })).toBe(false);
    expect(isPageHints({ ...hints(), siteName: at(10_000_000) })).toBe(false);
    expect(isPageHints({ ...hints(), emails: [at(300)] })).toBe(true);
    expect(isPageHints({ ...hints(), emails: [at(301)] })).toBe(false);
    expect(isPageHints({ ...hints(), phrases: [at(81)] })).toBe(false);
    expect(isPageHints({ ...hints(), nips: [at(11, '1')] })).toBe(false);
    expect(isPageHints({ ...hints(), phones: Array(50).fill('+48603254662') })).toBe(true);
    expect(isPageHints({ ...hints(), phones: Array(51).fill('+48603254662') })).toBe(false);
    expect(isPageHints({ ...hints(), emails: Array(1_000_000).fill('a@b.pl') })).toBe(false);
  });

  it('never throws, and passes nothing that is not one of our shapes (random messages)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.record({ type: fc.constantFrom(...TYPES, 'x') }, { requiredKeys: [] }).chain((base) => fc.dictionary(fc.string(), fc.anything()).map((d) => ({ ...d, ...base })))), (raw) => {
        const parsed = parseRequest(raw);
        if (parsed) expect(Object.keys(parsed).every((k) => k in GOOD[parsed.type])).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('senderKind and acceptRequest', () => {
  it('tells our pages and our content script in a top frame apart from everyone else', () => {
    expect(senderKind(POPUP, SELF)).toBe('extension-page');
    expect(senderKind(APP, SELF)).toBe('extension-page');
    expect(senderKind(CONTENT, SELF)).toBe('content-script');
    expect(senderKind({ ...CONTENT, frameId: 2 }, SELF)).toBeNull(); // a sub-frame (an ad, an embed)
    expect(senderKind({ ...CONTENT, tab: undefined }, SELF)).toBeNull();
    expect(senderKind({ ...CONTENT, url: 'file:///home/me/x.html' }, SELF)).toBeNull();
    expect(senderKind({ ...CONTENT, url: 'javascript:alert(1)' }, SELF)).toBeNull();
    expect(senderKind({ ...APP, id: 'another-extension' }, SELF)).toBeNull();
    expect(senderKind({ ...APP, id: undefined }, SELF)).toBeNull();
    expect(senderKind({ id: SELF.id }, SELF)).toBeNull();
    // Another extension's page, whatever it claims.
    expect(senderKind({ id: 'zzz', url: `${SELF.pagesUrl}app.html` }, SELF)).toBeNull();
    // A web page whose address merely contains our origin.
    expect(senderKind({ ...CONTENT, url: `https://evil.example/${SELF.pagesUrl}` }, SELF)).toBe('content-script');
  });

  it('lets each request through only from whom may send it', () => {
    for (const type of PRIVILEGED) {
      expect(acceptRequest(GOOD[type], APP, SELF), type).toEqual(GOOD[type]);
      expect(acceptRequest(GOOD[type], POPUP, SELF), type).toEqual(GOOD[type]);
      // A content script (a page that took it over) asking for a privileged request is ignored.
      expect(acceptRequest(GOOD[type], CONTENT, SELF), type).toBeNull();
    }
    expect(acceptRequest(GOOD['page-hints'], CONTENT, SELF)).toEqual(GOOD['page-hints']);
    // Hints claimed by an extension page, or sent from a sub-frame or another extension, are ignored.
    expect(acceptRequest(GOOD['page-hints'], APP, SELF)).toBeNull();
    expect(acceptRequest(GOOD['page-hints'], { ...CONTENT, frameId: 1 }, SELF)).toBeNull();
    expect(acceptRequest(GOOD['page-hints'], { ...CONTENT, id: 'other' }, SELF)).toBeNull();
    // Anything from a sender we do not know is ignored, well-formed or not.
    for (const type of TYPES) expect(acceptRequest(GOOD[type], { url: 'https://evil.example/' }, SELF)).toBeNull();
  });

  it('every request has a sender rule and a well-formed example', () => {
    expect(Object.keys(SENDERS).sort()).toEqual([...TYPES].sort());
  });
});
