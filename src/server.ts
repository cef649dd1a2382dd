import type { FastifyInstance } from 'fastify';
import { type AppDeps, buildApp } from './app.ts';
import type { Config } from './config.ts';
import { type DatabaseHandle, openDatabase } from './platform/db/client.ts';
import { runMigrations } from './platform/db/migrate.ts';
import { defineJobs } from './platform/jobs/define-jobs.ts';
import { JobQueue } from './platform/jobs/queue.ts';

/** A running process's parts, so the CLI can stop them in order. */
export interface Runtime {
  deps: AppDeps;
  app?: FastifyInstance;
  stop(): Promise<void>;
}

/** Opens and migrates the database, and prepares the job queue with every feature's jobs. */
export async function openRuntime(config: Config): Promise<{ database: DatabaseHandle; jobs: JobQueue }> {
  const database = await openDatabase(config);
  await runMigrations(database);
  const jobs = new JobQueue(database);
  defineJobs({ config, database, jobs });
  return { database, jobs };
}

/** Starts the HTTP server (and, in embedded mode or when asked, the job workers). */
export async function startServer(
  config: Config,
  hooks: { afterMigrate?: (deps: AppDeps) => Promise<void> } = {},
): Promise<Runtime> {
  const { database, jobs } = await openRuntime(config);
  const deps: AppDeps = { config, database, jobs };
  await hooks.afterMigrate?.(deps);
  if (config.inProcessWorker) await jobs.startWorkers();
  else await jobs.start();
  const app = await buildApp(deps);
  await app.listen({ port: config.port, host: config.host });
  return {
    deps,
    app,
    stop: async () => {
      await app.close();
      await jobs.stop();
      await database.close();
    },
  };
}

/** Starts a worker process: job handlers and schedules only. */
export async function startWorker(config: Config): Promise<Runtime> {
  const { database, jobs } = await openRuntime(config);
  await jobs.startWorkers();
  return {
    deps: { config, database, jobs },
    stop: async () => {
      await jobs.stop();
      await database.close();
    },
  };
}
