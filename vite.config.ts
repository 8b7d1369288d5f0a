/// <reference types="vitest/config" />
import { readFileSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { compressedJsonInBuild } from './scripts/vite-compressed-json';
import { jsPdfUsedModulesOnly } from './scripts/vite-jspdf-modules';
import { precacheCompressedCode, withoutCompressedOriginals } from './scripts/vite-precache-compressed';
import { workerEntriesInMainBuild } from './scripts/vite-worker-entries';

/**
 * The Content-Security-Policy to serve the app with (README, "Hosting"): scripts only from the app's origin, no
 * inline script, no connection beyond the origin (principle 1: no request leaves the machine), Trusted Types
 * required for script sinks. `vite preview` serves it, so every end-to-end journey runs under it.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types default',
].join('; ');

export const securityHeaders = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

export default defineConfig({
  define: {
    __APP_VERSION__: JSON.stringify(pkg.version),
  },
  build: {
    // jsPDF and the auditor module are split out and loaded on demand (design §8).
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // The libraries every screen runs on, first screen included, as one file rather than six: one request
            // and one compression dictionary (design §8: the first screen's JavaScript ≤ 150 KB gzip).
            {
              name: 'runtime',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|i18next|react-i18next|dexie|use-sync-external-store)[\\/]/,
            },
            // The app's own modules of the first screen that the lazy screens share too (the database and its
            // lock, the save status, the page heading, the texts' setup and the error mapper): one file, not ten.
            {
              name: 'shell',
              test: /[\\/]src[\\/](storage[\\/](vault[\\/](vault|lock-crypto|record-seal|sealed-io|same-value|use-lock)\.|use-database|establishment-queries|storage-error|care-database|data-versions|meta-repository)|components[\\/](save-status|page-heading|page-states)|i18n[\\/]|texts[\\/](describe-error|text-options))/,
            },
          ],
        },
      },
    },
  },
  plugins: [
    react(),
    // The PDF chunk is precached (reports print offline): without jsPDF's modules the app never calls (html, SVG,
    // canvas, GIF/BMP/WebP/PNG images), it weighs about 200 KB less (scripts/vite-jspdf-modules.ts).
    jsPdfUsedModulesOnly(),
    // The import worker shares the app's chunks (zod, the export-file validation) instead of bundling them again.
    workerEntriesInMainBuild(),
    // The questionnaires and the demo data are precached gzip-compressed and inflated on use.
    compressedJsonInBuild(),
    // The lazy screens' code is precached gzip-compressed, inflated by the service worker (src/app/sw.ts).
    precacheCompressedCode(),
    VitePWA({
      registerType: 'prompt',
      strategies: 'injectManifest',
      srcDir: 'src/app',
      filename: 'sw.ts',
      injectRegister: false,
      includeManifestIcons: false,
      manifest: {
        name: 'Autodiag CaRE — cybersécurité des établissements de santé',
        short_name: 'Autodiag CaRE',
        description:
          'Autodiagnostic hors ligne de la cybersécurité des établissements de santé et médico-sociaux (CaRE, HospiConnect).',
        lang: 'fr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: '#1d3a6e',
        background_color: '#ffffff',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      injectManifest: {
        // The manifest is added by the plugin itself (listing it here precached it twice).
        globPatterns: ['**/*.{js,css,html,png,svg,ico,woff2,ttf,json,gz,txt}'],
        // The PNG icons serve only installation and the home-screen shortcut (the browser keeps its own copy of an
        // installed app's icons), which happen online; the page itself shows favicon.svg. jsPDF's html2canvas, canvg
        // and DOMPurify chunks, should they come back, serve only doc.html() and SVG, which the reports do not use.
        globIgnores: [
          'icons/icon-192.png',
          'icons/icon-512.png',
          'icons/icon-maskable-512.png',
          '**/html2canvas*.js*',
          '**/purify.es*.js*',
          '**/index.es*.js*',
        ],
        // A code file with a compressed copy is precached as that copy only.
        manifestTransforms: [(entries) => Promise.resolve({ ...withoutCompressedOriginals(entries), warnings: [] })],
      },
    }),
  ],
  preview: { host: '127.0.0.1', port: 4173, strictPort: true, headers: securityHeaders },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/testing/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
  },
});
