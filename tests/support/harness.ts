import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { type Config, loadConfig } from '../../src/config.ts';
import { type DatabaseHandle, openPglite, openPostgres } from '../../src/platform/db/client.ts';
import { defineJobs } from '../../src/platform/jobs/define-jobs.ts';
import { JobQueue } from '../../src/platform/jobs/queue.ts';
import '../../src/features.ts';
import { TestClient } from './client.ts';
import { databaseUrlFor } from './databases.ts';

/** Everything a test file needs: a fresh database cloned from the run's template, the app and its queue. */
export interface TestContext {
  app: FastifyInstance;
  database: DatabaseHandle;
  db: DatabaseHandle['db'];
  jobs: JobQueue;
  config: Config;
  /** A new HTTP client with its own cookie jar and CSRF token (one per simulated browser). */
  client(options?: { locale?: 'fr' | 'en' }): TestClient;
  close(): Promise<void>;
}

/** Opens a fresh database for this test file (PGlite from the dump, or a PostgreSQL clone of the template). */
export async function openTestDatabase(): Promise<{ database: DatabaseHandle; drop: () => Promise<void> }> {
  const template = inject('dbTemplate');
  if (template.kind === 'pglite') {
    const database = await openPglite({ loadDataDir: new Blob([readFileSync(template.path)]) });
    return { database, drop: async () => {} };
  }
  const name = `civique_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: template.adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template.template}`);
  await admin.end();
  const database = openPostgres(databaseUrlFor(template.adminUrl, name), { max: 5 });
  return {
    database,
    drop: async () => {
      const a = new pg.Client({ connectionString: template.adminUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
      await a.end();
    },
  };
}

/** Builds the application on a fresh database. Call `close()` in afterAll. */
export async function createTestContext(env: Record<string, string> = {}): Promise<TestContext> {
  const { database, drop } = await openTestDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'civique-data-'));
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, RATE_LIMIT_MAX: '100000', ...env });
  const jobs = new JobQueue(database, { background: false });
  defineJobs({ config, database, jobs });
  const app = await buildApp({ config, database, jobs });
  await app.ready();
  return {
    app,
    database,
    db: database.db,
    jobs,
    config,
    client: (options) => new TestClient(app, options),
    close: async () => {
      await app.close();
      await jobs.stop();
      await database.close();
      await drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
