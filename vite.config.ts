/// <reference types="vitest/config" />
import { readFileSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

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
  },
  plugins: [
    react(),
    VitePWA({
      registerType: 'prompt',
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
      workbox: {
        globPatterns: ['**/*.{js,css,html,png,svg,ico,woff2,ttf,json,webmanifest,txt}'],
        navigateFallback: '/index.html',
        // jsPDF's optional html2canvas, canvg and DOMPurify chunks serve only doc.html() and SVG, which the
        // report does not use: left out of the precache.
        globIgnores: ['**/html2canvas*.js', '**/purify.es*.js', '**/index.es*.js'],
        cleanupOutdatedCaches: true,
        // One self-contained sw.js: importScripts() would be a Trusted Types sink inside the worker (strict CSP).
        inlineWorkboxRuntime: true,
      },
    }),
  ],
  preview: { host: '127.0.0.1', port: 4173, strictPort: true, headers: securityHeaders },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
  },
});
