import { createRequire } from 'node:module';
import type pg from 'pg';

let driver: typeof pg | undefined;

/**
 * The pg driver, loaded on first use: an SQLite installation (the default) never pays its ≈ 7 MB of
 * resident memory per process (bench/RESULTS.md, sixth session).
 */
export function pgDriver(): typeof pg {
  driver ??= createRequire(import.meta.url)('pg') as typeof pg;
  return driver;
}
