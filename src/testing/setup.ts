import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { initI18n, registerTranslations } from '../i18n/i18n';
import { en, fr } from '../texts/locales';

initI18n('fr');
registerTranslations({ fr, en });
afterEach(() => cleanup());
// The screens render what they read from the database as transitions, in slices (src/storage/use-live-query.ts): on
// a loaded machine a whole screen can take more than the default second to appear in jsdom. A longer wait for what
// a test looks for changes no assertion.
configure({ asyncUtilTimeout: 5000 });
