/**
 * Imported first by start-demo.ts, so it runs before any module of the mock custodian builds a schema.
 * The mock uses zod's full build, which probes `new Function` once, as a schema is built, to pick a faster
 * parser; the strict CSP refuses it and reports a violation even though zod catches the error. `jitless`
 * skips the probe. (The portal's own schemas use zod/mini, which never compiles code, so the portal's
 * first page loads no zod at all.)
 */
import { config } from 'zod';

config({ jitless: true });
