// Every link the UI builds from data goes through shared/model/links.ts (issue #19, finding 1).
import { describe, expect, test } from 'vitest';
import { isPlainEmail, mailtoHref, telHref, webHref } from '../../../shared/model/links.ts';
import { mailtoUrl } from '../../../shared/model/mailTemplates.ts';
import { sourceLink } from '../../../shared/ui/entity/format.ts';

describe('links built from data', () => {
  test('only http(s) addresses without credentials become web links', () => {
    expect(webHref('https://zaz.leczna.pl/o-nas')).toBe('https://zaz.leczna.pl/o-nas');
    expect(webHref('HTTP://Example.PL')).toBe('http://example.pl/');
    for (const bad of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html,x', 'vbscript:x', 'file:///etc', 'https://bank.pl@evil.example/', 'https://a b', 'https://', '', undefined, null]) {
      expect(webHref(bad), String(bad)).toBeNull();
      if (typeof bad === 'string') expect(sourceLink(bad), bad).toBeNull();
    }
  });

  test('mailto: only for one plain address', () => {
    expect(mailtoHref('jan@x.pl')).toBe('mailto:jan@x.pl');
    for (const bad of ['jan@x.pl?bcc=all@y.pl', 'mailto:jan@x.pl', 'jan@x.pl,anna@y.pl', 'jan@x.pl&cc=a@b.pl', 'Jan <jan@x.pl>', 'jan@x.pl\nBcc:a@b.pl', 'x']) {
      expect(isPlainEmail(bad), bad).toBe(false);
      expect(mailtoHref(bad), bad).toBeNull();
    }
    const url = mailtoUrl(['jan@x.pl?bcc=all@y.pl', 'anna@y.pl'], { subject: 'Zapytanie', body: 'Dzień dobry' });
    expect(url.startsWith('mailto:anna@y.pl?subject=')).toBe(true);
    expect(url).not.toContain('bcc');
  });

  test('tel: only for digits with an optional +', () => {
    expect(telHref('+48603254662')).toBe('tel:+48603254662');
    for (const bad of ['javascript:1', '+48 603', '603;ext=1', '']) expect(telHref(bad), bad).toBeNull();
  });
});
