import { config } from 'zod/v4/core';

/**
 * Zod compiles fast parsers with `new Function` when it can. The app is served with a strict Content-Security-Policy
 * (no eval, Trusted Types required), so the attempt is a policy violation: zod is told to run without it. Every
 * JavaScript realm that parses with zod imports this first (the page's entry point, Web Workers, the command line).
 */
config({ jitless: true });
