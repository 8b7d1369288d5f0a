import '../domain/zod-jitless';
import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n, loadEnglishCore, preferredLanguage } from '../i18n/i18n';
import { openCareDatabase } from '../storage/care-database';
import { App } from './app';
import { preloadScreen } from './routes';
import { StartupFailure } from './startup-failure';
import { installTrustedTypesPolicy } from './trusted-types';
import './styles.css';
import './print.css';

installTrustedTypesPolicy();
const language = preferredLanguage(localStorage, navigator.languages);
initI18n(language);
document.documentElement.lang = language;

const root = createRoot(document.getElementById('root') as HTMLElement);
preloadScreen(window.location.pathname);

// The French texts of the first screen ship with it; in English, their translation is fetched first. The texts
// of the other screens come with the first of them to open (src/texts/locales/core.ts).
const textsReady = language === 'fr' ? Promise.resolve() : loadEnglishCore();

Promise.all([openCareDatabase(), textsReady]).then(
  ([db]) => {
    // As a transition, the first render is cut into slices that input can interrupt (../storage/use-live-query.ts says why).
    startTransition(() =>
      root.render(
        <StrictMode>
          <App db={db} />
        </StrictMode>,
      ),
    );
  },
  (error: unknown) => root.render(<StartupFailure error={error} />),
);
