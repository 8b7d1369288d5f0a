import frCommon from './fr/common.json';
import frErrors from './fr/errors.json';
import frEstablishments from './fr/establishments.json';
import frHome from './fr/home.json';
import frLock from './fr/lock.json';

/**
 * The French texts of the first screen (header, home page, error messages, establishment categories, the lock screen), bundled
 * with it. Every other text, and English, comes in one lazy chunk (./index.ts) that each lazy route awaits:
 * together, the two languages of every screen would weigh more than a fifth of the first screen's budget.
 */
export const frCore = {
  common: frCommon,
  home: frHome,
  establishments: frEstablishments,
  errors: frErrors,
  lock: frLock,
};
