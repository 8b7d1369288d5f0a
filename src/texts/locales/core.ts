import frCommon from './fr/common.json';
import frErrors from './fr/errors.json';
import frEstablishments from './fr/establishments.json';
import frHome from './fr/home.json';
import frLock from './fr/lock.json';

/**
 * The French texts of the first screen (header, home page, error messages, establishment categories, the lock
 * screen): a small chunk fetched while the database opens (core-en.ts is its English twin). Every other text, of
 * both languages, is one compressed file (./index.ts, stored as `locales.json-<hash>.gz` by the build) that each
 * lazy screen awaits: as JavaScript, the two languages of every screen would weigh more than the first screen's
 * whole budget leaves (design §8).
 */
export const frCore = {
  common: frCommon,
  home: frHome,
  establishments: frEstablishments,
  errors: frErrors,
  lock: frLock,
};
