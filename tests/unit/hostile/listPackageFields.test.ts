// A received list package is validated field by field with the rules of every other importer, and
// may not assert what only this machine knows (which domains light the badge, when the registers
// were checked). Regression tests for the review's findings 1 and 2 (issue #19).
import { describe, expect, test } from 'vitest';
import { readListPackage, writeListPackage } from '../../../shared/io/share/listPackage.ts';
import { ShareError } from '../../../shared/io/share/shareError.ts';
import type { Entity } from '../../../shared/model/types.ts';
import { alternatywy, person } from '../io-share/fixtures.ts';

const AT = '2026-11-20T12:00:00.000Z';

function packageWith(change: (e: Record<string, unknown>, pkg: Record<string, unknown>) => void): string {
  const e = alternatywy();
  const pkg = JSON.parse(
    writeListPackage({ list: { name: 'L' }, entities: [e], persons: [person(e.id, 'Anna Nowak')], includePrivate: false, exportedAt: AT }),
  );
  change(pkg.entities[0], pkg);
  return JSON.stringify(pkg);
}

function refusal(text: string): { path: unknown; reason: unknown } {
  try {
    readListPackage(text);
  } catch (e) {
    if (e instanceof ShareError && e.code === 'invalid') return { path: e.detail?.path, reason: e.detail?.reason };
    throw e;
  }
  throw new Error('the package was accepted');
}

describe('a received list package: contact fields', () => {
  test.each([
    'javascript:alert(document.domain)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'https://bank.pl@evil.example.com/',
    'http://127.0.0.1/',
    'https://intranet/',
  ])('a web site %j refuses the package, naming the field', (url) => {
    expect(refusal(packageWith((e) => (e.websites = ['https://ok.example.pl/', url])))).toEqual({ path: 'entities[0].websites[1]', reason: 'website_invalid' });
  });

  test.each(['jan@x.pl?bcc=all@y.pl', 'mailto:jan@x.pl', 'jan@x.pl,anna@y.pl', 'Jan <jan@x.pl>', 'jan@x.pl\r\nBcc: a@b.pl', 'nie-mail'])(
    'an e-mail %j refuses the package, on an entity and on a person',
    (mail) => {
      expect(refusal(packageWith((e) => (e.emails = [mail])))).toEqual({ path: 'entities[0].emails[0]', reason: 'email_invalid' });
      expect(refusal(packageWith((_, pkg) => ((pkg.persons as Record<string, unknown>[])[0].email = mail)))).toEqual({
        path: 'persons[0].email',
        reason: 'email_invalid',
      });
    },
  );

  test('phones are normalised like any import, and a non-number refuses the package', () => {
    const pkg = readListPackage(packageWith((e) => (e.phones = ['603 254 662', '+48603254662'])));
    expect(pkg.entities[0].phones).toEqual(['+48603254662']);
    expect(refusal(packageWith((e) => (e.phones = ['tel:javascript:1'])))).toEqual({ path: 'entities[0].phones[0]', reason: 'phone_invalid' });
  });

  test('a postal code and identifiers are checked as in every import (check digits included)', () => {
    expect(refusal(packageWith((e) => ((e.address as Record<string, unknown>).postalCode = '<b>')))).toEqual({
      path: 'entities[0].address.postalCode',
      reason: 'postal_code_invalid',
    });
    expect(refusal(packageWith((e) => (e.nip = '9291928964')))).toEqual({ path: 'entities[0].nip', reason: 'identifier_invalid' });
  });
});

describe('a received list package: what it may not assert', () => {
  test('domains are never taken from the file: they follow from its checked web sites, shared platforms left out', () => {
    const pkg = readListPackage(
      packageWith((e) => {
        e.domains = ['google.com', 'bank.pl', 'zwykla-strona.pl'];
        e.websites = ['https://www.facebook.com/alternatywy', 'https://sites.google.com/view/alternatywy', 'http://WWW.Alternatywy.example.pl/o-nas'];
      }),
    );
    const e = pkg.entities[0];
    expect(e.domains).toEqual(['alternatywy.example.pl']);
    expect(e.websites).toEqual(['https://www.facebook.com/alternatywy', 'https://sites.google.com/view/alternatywy', 'http://www.alternatywy.example.pl/o-nas']);
  });

  test('an id that names another identifier than the entity has is refused (no merging into my trusted entity)', () => {
    expect(refusal(packageWith((e) => (e.id = 'krs:0000123456')))).toEqual({ path: 'entities[0].id', reason: 'id_mismatch' });
    // Persons follow their entity: rename both and the package is readable again.
    expect(() =>
      readListPackage(
        packageWith((e, pkg) => {
          e.id = 'name:abc';
          (pkg.persons as Record<string, unknown>[])[0].entityId = 'name:abc';
        }),
      ),
    ).not.toThrow();
  });

  test('"verified in the registers" is not the sender\'s to assert; the candidate mark (less certain, never more) travels', () => {
    const e: Entity = readListPackage(
      packageWith((e) => {
        e.verifiedAt = AT;
        e.candidate = true;
      }),
    ).entities[0];
    expect(e.verifiedAt).toBeUndefined();
    expect(e.candidate).toBe(true);
  });
});
