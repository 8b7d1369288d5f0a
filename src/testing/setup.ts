import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { initI18n, registerTranslations } from '../i18n/i18n';
import { en, fr } from '../texts/locales';

initI18n('fr');
registerTranslations({ fr, en });
afterEach(() => cleanup());
