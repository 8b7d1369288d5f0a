/// <reference types="vite/client" />
/// <reference types="vite-plugin-pwa/client" />

/** The app's version, from package.json, set at build time. */
declare const __APP_VERSION__: string;

/** The URL of a Web Worker built with the app's chunks (scripts/vite-worker-entries.ts). */
declare module 'virtual:worker-url/*' {
  const url: string;
  export default url;
}
