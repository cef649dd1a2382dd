import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openPglite, openPostgres } from '../../src/platform/db/client.ts';
import { runMigrations } from '../../src/platform/db/migrate.ts';
import { JobQueue } from '../../src/platform/jobs/queue.ts';
import { databaseUrlFor } from './databases.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    dbTemplate: { kind: 'pglite'; path: string } | { kind: 'postgres'; adminUrl: string; template: string };
  }
}

/**
 * Migrates one template database per test run (PGlite dump or PostgreSQL template database);
 * each test file then clones it instead of migrating again.
 */
export default async function setup(project: TestProject) {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (adminUrl) {
    const template = `civique_tpl_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${template}`);
    const handle = openPostgres(databaseUrlFor(adminUrl, template), { max: 2 });
    await runMigrations(handle);
    const jobs = new JobQueue(handle, { background: false });
    await jobs.start();
    await jobs.stop();
    await handle.close();
    project.provide('dbTemplate', { kind: 'postgres', adminUrl, template });
    return async () => {
      // Test files drop their own databases; the template goes last.
      await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`).catch(() => {});
      await admin.end();
    };
  }
  const handle = await openPglite();
  await runMigrations(handle);
  const jobs = new JobQueue(handle, { background: false });
  await jobs.start();
  await jobs.stop();
  const dump = await handle.pglite?.dumpDataDir('none');
  await handle.close();
  if (!dump) throw new Error('PGlite dump failed');
  const dir = mkdtempSync(join(tmpdir(), 'civique-test-'));
  const path = join(dir, 'template.tar');
  writeFileSync(path, Buffer.from(await dump.arrayBuffer()));
  project.provide('dbTemplate', { kind: 'pglite', path });
  return async () => rmSync(dir, { recursive: true, force: true });
}
