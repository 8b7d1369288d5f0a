/**
 * The app is served with `require-trusted-types-for 'script'` (see README, "Hosting"). The browser then refuses
 * every string passed to a script sink unless a policy vouched for it. The only script URLs the app itself creates
 * are its own service worker and Web Workers, so the default policy accepts same-origin script URLs and refuses
 * everything else: HTML and script strings are never accepted (the code never writes HTML; ESLint forbids it).
 */
interface TrustedTypePolicyFactoryLike {
  createPolicy: (name: string, rules: { createScriptURL: (input: string) => string }) => unknown;
  defaultPolicy?: unknown;
}

export function installTrustedTypesPolicy(): void {
  const factory = (globalThis as { trustedTypes?: TrustedTypePolicyFactoryLike }).trustedTypes;
  if (!factory || factory.defaultPolicy) return;
  factory.createPolicy('default', {
    createScriptURL: (input) => {
      const url = new URL(input, window.location.href);
      if (url.origin !== window.location.origin)
        throw new TypeError(`Script URL outside the app refused: ${url.origin}`);
      return url.href;
    },
  });
}
