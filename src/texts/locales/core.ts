import frCommon from './fr/common.json';
import frErrors from './fr/errors.json';
import frEstablishments from './fr/establishments.json';
import frHome from './fr/home.json';
import frLock from './fr/lock.json';

/**
 * The French texts of the first screen (header, home page, error messages, establishment categories, the lock
 * screen), bundled with it: most users work in French, and a text fetched apart would delay the first paint by a
 * round trip. In English, core-en.ts is fetched while the database opens. Every other text is one compressed file
 * per language (./fr.ts and ./en.ts, stored as `locales-<language>.json-<hash>.gz` by the build) that each lazy
 * screen awaits, in the language shown: as JavaScript, the two languages of every screen would weigh more than the
 * first screen's whole budget leaves (design §8).
 */
export const frCore = {
  common: frCommon,
  home: frHome,
  establishments: frEstablishments,
  errors: frErrors,
  lock: frLock,
};
