/// <reference lib="webworker" />
// The service worker: precaches the whole app (principle: offline after the first visit), answers navigations with
// index.html, and serves the lazy screens' code from its compressed copies (scripts/vite-precache-compressed.ts).
// vite-plugin-pwa builds it as one file with Workbox inside (importScripts would be a Trusted Types sink under the
// app's CSP) and injects the manifest into `self.__WB_MANIFEST`.
import { cleanupOutdatedCaches, createHandlerBoundToURL, matchPrecache, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { compressedCodePaths, inflatedResponse } from './inflated-response';

declare const self: ServiceWorkerGlobalScope;

const manifest = self.__WB_MANIFEST;
const compressed = compressedCodePaths(manifest.map((entry) => (typeof entry === 'string' ? entry : entry.url)));

// The update prompt (src/app/update-prompt.tsx) asks the waiting worker to take over only when the user agrees.
self.addEventListener('message', (event: ExtendableMessageEvent) => {
  if ((event.data as { type?: unknown } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

// Registered before Workbox's own listener, so that it answers first for the compressed files.
self.addEventListener('fetch', (event: FetchEvent) => {
  const url = new URL(event.request.url);
  if (url.origin !== self.location.origin || !compressed.has(url.pathname)) return;
  event.respondWith(
    matchPrecache(`${url.pathname}.gz`).then((stored) =>
      stored ? inflatedResponse(stored, url.pathname) : fetch(event.request),
    ),
  );
});

cleanupOutdatedCaches();
precacheAndRoute(manifest);
registerRoute(new NavigationRoute(createHandlerBoundToURL('/index.html')));
