import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';

/** The Drizzle database both drivers share: the product speaks one SQL dialect everywhere. */
export type Database = PgDatabase<PgQueryResultHKT>;
/** A Drizzle transaction handle, accepted wherever a Database is. */
export type Transaction = PgTransaction<PgQueryResultHKT>;
/** Either a database or a transaction: use cases take this so callers can compose them. */
export type Executor = Database | Transaction;

/** An open database with the raw client kept for pg-boss and shutdown. */
export interface DatabaseHandle {
  kind: 'pglite' | 'postgres';
  db: Database;
  pglite?: PGlite;
  pool?: pg.Pool;
  close(): Promise<void>;
}

/** Extensions Civique uses; they ship with PGlite and Debian's PostgreSQL alike. */
export const PGLITE_EXTENSIONS = { pg_trgm, unaccent, fuzzystrmatch, btree_gin };

/**
 * PGlite's shared buffers. PostgreSQL's default (128 MB) is allocated and touched inside the WebAssembly
 * heap at start-up, so it is resident from the first second; embedded PGlite reads its files through the
 * operating system's cache anyway, and one process serving one town needs few buffers of its own
 * (bench:roll: 100 MB less resident memory, the 150,000-unit roll import under 512 MB). Larger
 * installations use PostgreSQL.
 */
export const PGLITE_SHARED_BUFFERS = '16MB';

/** Opens a PGlite database (in memory when dataDir is undefined, or from a dump). */
export async function openPglite(
  options: { dataDir?: string; loadDataDir?: Blob | File; sharedBuffers?: string } = {},
): Promise<DatabaseHandle> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const client = await PGlite.create({
    dataDir: options.dataDir,
    loadDataDir: options.loadDataDir,
    extensions: PGLITE_EXTENSIONS,
    startParams: [
      ...PGlite.defaultStartParams,
      '-c',
      `shared_buffers=${options.sharedBuffers ?? PGLITE_SHARED_BUFFERS}`,
    ],
  });
  // Drizzle's PGlite and node-postgres databases differ only in their result type parameter.
  const db = drizzlePglite(client) as unknown as Database;
  return {
    kind: 'pglite',
    db,
    pglite: client,
    close: async () => {
      if (!client.closed) await client.close();
    },
  };
}

/** Opens a PostgreSQL pool for a connection string. */
export function openPostgres(url: string, options: { max?: number } = {}): DatabaseHandle {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 });
  // An idle client losing its connection (server restart) must not crash the process.
  pool.on('error', () => {});
  // Nor may a client lost while checked out (inside a transaction, between two queries): without a
  // listener its 'error' event crashes the process. Its next query fails instead (answered 503) and the
  // pool discards it on release.
  pool.on('connect', (client) => client.on('error', () => {}));
  const db = drizzleNodePg(pool) as unknown as Database;
  return { kind: 'postgres', db, pool, close: () => pool.end() };
}

/** Opens the database the configuration names: PostgreSQL when a URL is given, else PGlite under dataDir. */
export async function openDatabase(config: {
  databaseUrl?: string;
  dataDir: string;
}): Promise<DatabaseHandle> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl);
  return openPglite({ dataDir: join(config.dataDir, 'pglite') });
}

/** The rows of a raw `db.execute(sql…)` result; both drivers return `{ rows }`. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
