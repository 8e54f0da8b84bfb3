/**
 * zod compiles schemas with `new Function` when it may; the pages' CSP allows no eval, and zod's
 * probe for it (at the first parse) would be reported as a violation. Imported by the browser
 * modules that parse with zod (the explorer parses without it: lib/schema/filter-check.ts).
 */
import { z } from 'zod';

z.config({ jitless: true });
