import { describe, expect, it } from 'vitest';
import { featureMessages } from '../../../shared/ui/i18n/messages/index.ts';
import { readFileSync } from 'node:fs';

describe('messages', () => {
  it('Polish and English define the same keys in every feature, and no key is defined twice', () => {
    const seen = new Map<string, string>();
    for (const [feature, set] of Object.entries(featureMessages)) {
      expect(Object.keys(set.en).sort(), feature).toEqual(Object.keys(set.pl).sort());
      for (const key of Object.keys(set.pl)) {
        expect(seen.get(key), `${key} is defined by ${seen.get(key)} and ${feature}`).toBeUndefined();
        seen.set(key, feature);
        expect(typeof set.en[key as keyof typeof set.en]).toBe(typeof set.pl[key as keyof typeof set.pl]);
      }
    }
    expect(seen.size).toBeGreaterThan(20);
  });

  it('Polish plurals take the right form', () => {
    const f = featureMessages.common.pl['common.entities'];
    expect([1, 2, 5, 22, 25, 112].map(f)).toEqual(['1 podmiot', '2 podmioty', '5 podmiotów', '22 podmioty', '25 podmiotów', '112 podmiotów']);
    expect(featureMessages.common.en['common.entities'](1)).toBe('1 entity');
  });

  it('the extension name and description exist in both _locales with the same keys', () => {
    const read = (l: string) => JSON.parse(readFileSync(new URL(`../../../extension/public/_locales/${l}/messages.json`, import.meta.url), 'utf8'));
    const pl = read('pl');
    const en = read('en');
    expect(Object.keys(en).sort()).toEqual(Object.keys(pl).sort());
    expect(pl.extDescription.message).toMatch(/ekonomii społecznej/);
    expect(en.extDescription.message).toMatch(/social economy/);
  });
});
