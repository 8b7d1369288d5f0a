import '../domain/zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n, preferredLanguage } from '../i18n/i18n';
import { openCareDatabase } from '../storage/care-database';
import { App } from './app';
import { StartupFailure } from './startup-failure';
import { installTrustedTypesPolicy } from './trusted-types';
import './styles.css';

installTrustedTypesPolicy();
const language = preferredLanguage(localStorage, navigator.languages);
initI18n(language);
document.documentElement.lang = language;

const root = createRoot(document.getElementById('root') as HTMLElement);

openCareDatabase().then(
  (db) =>
    root.render(
      <StrictMode>
        <App db={db} />
      </StrictMode>,
    ),
  (error: unknown) => root.render(<StartupFailure error={error} />),
);
