import { PgBoss } from 'pg-boss';
import { fromPglite } from 'pg-boss';
import type { DatabaseHandle } from '../db/client.ts';

/** Options of one queue: retries with exponential back-off by default. */
export interface QueueOptions {
  retryLimit?: number;
  retryDelaySeconds?: number;
  retryBackoff?: boolean;
  expireInSeconds?: number;
}

/** A job handler receives the job's data; throwing makes pg-boss retry it. */
export type JobHandler<T> = (data: T, job: { id: string; retryCount: number }) => Promise<void>;

interface Registration {
  name: string;
  options: QueueOptions;
  handler: JobHandler<never>;
  batchSize: number;
}

/**
 * The background job queue (pg-boss) over the same database as the product. Queues and handlers are
 * declared by features at start-up; `startWorkers` runs them (in `serve` in embedded mode, or in `worker`).
 */
export class JobQueue {
  readonly boss: PgBoss;
  private readonly registrations = new Map<string, Registration>();
  private readonly schedules: Array<{ name: string; cron: string; data: object }> = [];
  private started = false;

  constructor(handle: DatabaseHandle) {
    const common = { schedule: true, supervise: true, migrate: true } as const;
    if (handle.kind === 'pglite') {
      if (!handle.pglite) throw new Error('PGlite handle without client');
      this.boss = new PgBoss({ ...common, db: fromPglite(handle.pglite), backend: 'pglite' });
    } else {
      const pool = handle.pool;
      if (!pool) throw new Error('PostgreSQL handle without pool');
      // pg-boss keeps its own small pool on the same database.
      const url = (pool as unknown as { options: { connectionString: string } }).options.connectionString;
      this.boss = new PgBoss({ ...common, connectionString: url, max: 4 });
    }
    this.boss.on('error', () => {});
  }

  /** Declares a queue and its handler (call before start). */
  define<T>(name: string, handler: JobHandler<T>, options: QueueOptions = {}, batchSize = 1): void {
    this.registrations.set(name, { name, handler: handler as JobHandler<never>, options, batchSize });
  }

  /** Declares a cron schedule for a defined queue. */
  cron(name: string, cron: string, data: object = {}): void {
    this.schedules.push({ name, cron, data });
  }

  /** Starts pg-boss and creates every declared queue (no workers yet). */
  async start(): Promise<void> {
    if (this.started) return;
    await this.boss.start();
    for (const r of this.registrations.values()) {
      await this.boss.createQueue(r.name, {
        retryLimit: r.options.retryLimit ?? 5,
        retryDelay: r.options.retryDelaySeconds ?? 10,
        retryBackoff: r.options.retryBackoff ?? true,
        expireInSeconds: r.options.expireInSeconds ?? 300,
      });
    }
    for (const s of this.schedules) await this.boss.schedule(s.name, s.cron, s.data, { tz: 'America/Toronto' });
    this.started = true;
  }

  /** Runs the handlers of every declared queue in this process. */
  async startWorkers(options: { pollingIntervalSeconds?: number } = {}): Promise<void> {
    await this.start();
    for (const r of this.registrations.values()) {
      await this.boss.work<never>(
        r.name,
        { batchSize: r.batchSize, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1 },
        async (jobs) => {
          for (const job of jobs) {
            await r.handler(job.data, { id: job.id, retryCount: (job as { retryCount?: number }).retryCount ?? 0 });
          }
        },
      );
    }
  }

  /** Enqueues a job; returns its id. */
  async send(name: string, data: object, options: { singletonKey?: string; startAfter?: Date | number } = {}) {
    return this.boss.send(name, data, options);
  }

  /** Stops workers and pg-boss, letting running jobs finish. */
  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    await this.boss.stop({ graceful: true, timeout: 10_000 });
  }
}
