import enCommon from './en/common.json';
import enErrors from './en/errors.json';
import enEstablishments from './en/establishments.json';
import enHome from './en/home.json';
import enLock from './en/lock.json';

/**
 * The English texts of the first screen, loaded before it when the interface is in English (see core.ts); the build
 * stores them as one compressed file (scripts/vite-compressed-json.ts).
 */
export const enCore = {
  common: enCommon,
  home: enHome,
  establishments: enEstablishments,
  errors: enErrors,
  lock: enLock,
};
