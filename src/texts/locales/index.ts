/**
 * Every text of both languages: for the code that may speak either (the PDF reports, the command line, the tests).
 * The app's screens load one language at a time (../../i18n/i18n.ts).
 */
export { fr } from './fr';
export { en, type SameShape } from './en';
