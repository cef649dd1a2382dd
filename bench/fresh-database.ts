// One database per benchmark run: PGlite in memory, or with DATABASE_URL a fresh PostgreSQL database created
// for the run and dropped after it.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type DatabaseHandle, openPglite, openPostgres } from '../src/platform/db/client.ts';

export async function openFreshDatabase(): Promise<{
  database: DatabaseHandle;
  label: string;
  drop: () => Promise<void>;
}> {
  const url = process.env.DATABASE_URL;
  if (!url) return { database: await openPglite(), label: 'PGlite (in memory)', drop: async () => {} };
  const name = `civique_bench_${process.pid}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    database: openPostgres(target.toString()),
    label: `PostgreSQL (${target.host}, fresh database ${name})`,
    drop: async () => {
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}
