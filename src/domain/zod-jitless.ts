/**
 * Zod compiles fast parsers with `new Function` when it can. The app is served with a strict Content-Security-Policy
 * (no eval, Trusted Types required), so the attempt is a policy violation: zod is told to run without it. Every
 * JavaScript realm that parses with zod imports this first (the page's entry point, Web Workers, the command line).
 *
 * zod's `config({ jitless: true })` only assigns to the realm's shared configuration object,
 * `globalThis.__zod_globalConfig`, which zod creates when missing and otherwise adopts (zod/v4/core/core.js). Setting
 * it here directly keeps zod out of the first screen's JavaScript (design §8): importing `config` pulled 11 KB of
 * zod's core into the page's entry. zod-jitless.test.ts checks that zod reads the setting, whichever loads first.
 */
interface ZodGlobalConfig {
  jitless?: boolean;
}

const realm = globalThis as typeof globalThis & { __zod_globalConfig?: ZodGlobalConfig };
realm.__zod_globalConfig ??= {};
realm.__zod_globalConfig.jitless = true;
