// Every feature's messages, merged. A unit test checks that keys never collide across features
// and that Polish and English define the same keys.
import { common } from './common.ts';
import { popup } from './popup.ts';
import { directory } from './directory.ts';
import { entity } from './entity.ts';
import { saved } from './saved.ts';
import { lists } from './lists.ts';
import { flags } from './flags.ts';
import { importer } from './importer.ts';
import { settings } from './settings.ts';
import { share } from './share.ts';
import { verify } from './verify.ts';
import { facts } from './facts.ts';
import { feeds } from './feeds.ts';
import { welcome } from './welcome.ts';
import { about } from './about.ts';
import { help } from './help.ts';
import { bulk } from './bulk.ts';

export const featureMessages = { common, popup, directory, entity, saved, lists, flags, importer, settings, share, verify, facts, feeds, welcome, about, help, bulk };

export const pl = {
  ...common.pl,
  ...popup.pl,
  ...directory.pl,
  ...entity.pl,
  ...saved.pl,
  ...lists.pl,
  ...flags.pl,
  ...importer.pl,
  ...settings.pl,
  ...share.pl,
  ...verify.pl,
  ...facts.pl,
  ...feeds.pl,
  ...welcome.pl,
  ...about.pl,
  ...help.pl,
  ...bulk.pl,
};

export const en: { [K in keyof typeof pl]: (typeof pl)[K] extends string ? string : (typeof pl)[K] } = {
  ...common.en,
  ...popup.en,
  ...directory.en,
  ...entity.en,
  ...saved.en,
  ...lists.en,
  ...flags.en,
  ...importer.en,
  ...settings.en,
  ...share.en,
  ...verify.en,
  ...facts.en,
  ...feeds.en,
  ...welcome.en,
  ...about.en,
  ...help.en,
  ...bulk.en,
};
