import { fromPglite, type JobResult, PgBoss } from 'pg-boss';
import type { DatabaseHandle } from '../db/client.ts';

/** Options of one queue: retries with exponential back-off by default. */
export interface QueueOptions {
  retryLimit?: number;
  retryDelaySeconds?: number;
  retryBackoff?: boolean;
  expireInSeconds?: number;
  /** How many jobs of one fetched batch run at once (I/O-bound handlers such as SMTP delivery). */
  concurrency?: number;
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
  private starting: Promise<void> | undefined;
  private readonly cleanups: Array<() => void | Promise<void>> = [];

  /** `background: false` turns off pg-boss's timers (cron and maintenance), for tests and one-shot commands. */
  constructor(handle: DatabaseHandle, options: { background?: boolean } = {}) {
    const background = options.background ?? true;
    const common = { schedule: background, supervise: background, migrate: true } as const;
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

  /** Registers what to close when the queue stops (a handler's pooled connections). */
  onStop(cleanup: () => void | Promise<void>): void {
    this.cleanups.push(cleanup);
  }

  /** Declares a cron schedule for a defined queue. */
  cron(name: string, cron: string, data: object = {}): void {
    this.schedules.push({ name, cron, data });
  }

  /** Starts pg-boss and creates every declared queue (no workers yet). */
  async start(): Promise<void> {
    if (this.started) return;
    this.starting ??= this.startOnce();
    await this.starting;
  }

  private async startOnce(): Promise<void> {
    await this.boss.start();
    for (const r of this.registrations.values()) {
      await this.boss.createQueue(r.name, {
        retryLimit: r.options.retryLimit ?? 5,
        retryDelay: r.options.retryDelaySeconds ?? 10,
        retryBackoff: r.options.retryBackoff ?? true,
        expireInSeconds: r.options.expireInSeconds ?? 300,
      });
    }
    for (const s of this.schedules)
      await this.boss.schedule(s.name, s.cron, s.data, { tz: 'America/Toronto' });
    this.started = true;
  }

  /**
   * Runs the handlers of every declared queue in this process. Each job of a batch settles on its own
   * (one failure retries that job only), and a worker whose fetch came back full fetches again at once
   * instead of waiting for the next poll, so a backlog drains at the handlers' speed.
   */
  async startWorkers(options: { pollingIntervalSeconds?: number } = {}): Promise<void> {
    await this.start();
    for (const r of this.registrations.values()) {
      await this.boss.work<never>(
        r.name,
        {
          batchSize: r.batchSize,
          pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1,
          burstWhenBatchFull: true,
          perJobResults: true,
        },
        async (jobs) =>
          mapLimit(jobs, r.options.concurrency ?? 1, async (job): Promise<JobResult> => {
            try {
              await r.handler(job.data, { id: job.id, retryCount: job.retryCount ?? 0 });
              return { id: job.id, status: 'completed' };
            } catch (error) {
              return { id: job.id, status: 'failed', output: { message: errorMessage(error) } };
            }
          }),
      );
    }
  }

  /**
   * Processes the jobs already queued, in this call (tests and the CLI): fetch, run, complete or fail,
   * through pg-boss itself. Returns how many jobs ran.
   */
  async runPending(names?: string[]): Promise<number> {
    await this.start();
    let ran = 0;
    for (const r of this.registrations.values()) {
      if (names && !names.includes(r.name)) continue;
      for (;;) {
        const jobs = await this.boss.fetch<never>(r.name, { batchSize: 50 });
        if (jobs.length === 0) break;
        for (const job of jobs) {
          try {
            await r.handler(job.data, {
              id: job.id,
              retryCount: (job as { retryCount?: number }).retryCount ?? 0,
            });
            await this.boss.complete(r.name, job.id);
          } catch (error) {
            await this.boss.fail(r.name, job.id, { message: errorMessage(error) });
          }
          ran++;
        }
      }
    }
    return ran;
  }

  /** Enqueues a job; returns its id. A higher `priority` is fetched first. */
  async send(
    name: string,
    data: object,
    options: { singletonKey?: string; startAfter?: Date | number; priority?: number } = {},
  ) {
    await this.start();
    return this.boss.send(name, data, options);
  }

  /** Enqueues many jobs of one queue in one statement (mass sends). */
  async sendMany(name: string, jobs: Array<{ data: object; priority?: number }>): Promise<void> {
    if (jobs.length === 0) return;
    await this.start();
    await this.boss.insert(name, jobs);
  }

  /** Stops workers and pg-boss, letting running jobs finish. */
  async stop(): Promise<void> {
    if (this.starting) await this.starting.catch(() => {});
    if (this.started) {
      this.started = false;
      this.starting = undefined;
      await this.boss.stop({ graceful: true, timeout: 10_000 });
    }
    for (const cleanup of this.cleanups.splice(0)) await cleanup();
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Maps over items with at most `limit` calls in flight, keeping the order of the results. */
async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i] as T);
    }
  });
  await Promise.all(lanes);
  return results;
}
