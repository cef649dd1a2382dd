import type { Config } from '../config.ts';
import type { DatabaseHandle } from './db/client.ts';
import type { JobQueue } from './jobs/queue.ts';

/** What the platform and modules receive from the process: configuration, database and job queue. */
export interface PlatformDeps {
  config: Config;
  database: DatabaseHandle;
  jobs: JobQueue;
}
