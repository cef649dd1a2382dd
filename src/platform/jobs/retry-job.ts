import { sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.ts';
import type { AuthContext } from '../auth/context.ts';
import { requireInstallationAdmin } from '../auth/policies.ts';
import { type Executor, rowsOf } from '../db/client.ts';
import { AppError } from '../http/errors.ts';
import { type JobRow, type JobView, toJobView } from './job-view.ts';
import type { JobQueue } from './queue.ts';

async function readJob(db: Executor, queue: string, id: string): Promise<JobRow | undefined> {
  const result = await db.execute(sql`
    SELECT id, name, state, priority, retry_count, retry_limit, created_on, start_after, started_on,
           completed_on, data, output
    FROM pgboss.job WHERE name = ${queue} AND id = ${id}::uuid`);
  return rowsOf<JobRow>(result)[0];
}

/**
 * Runs a job again now: a failed job goes back to the queue (pg-boss's retry, one more attempt
 * allowed); a job waiting out its back-off starts at once. Anything else is 409. Audited.
 */
export async function retryJob(options: {
  db: Executor;
  jobs: JobQueue;
  auth: AuthContext | null;
  ip: string;
  queue: string;
  id: string;
}): Promise<JobView> {
  const who = requireInstallationAdmin(options.auth);
  const { db, queue, id } = options;
  const job = await readJob(db, queue, id);
  if (!job) throw new AppError('jobs.not_found', 404);
  if (job.state === 'failed') {
    await options.jobs.start();
    await options.jobs.boss.retry(queue, id);
  } else if (job.state === 'retry' || job.state === 'created') {
    await db.execute(sql`
      UPDATE pgboss.job SET start_after = now()
      WHERE name = ${queue} AND id = ${id}::uuid AND state IN ('created', 'retry')`);
  } else {
    throw new AppError('jobs.not_retryable', 409, { params: { state: job.state } });
  }
  await recordAudit(db, {
    orgId: null,
    actorAccountId: who.account.id,
    action: 'jobs.retry',
    targetType: 'job',
    targetId: id,
    ip: options.ip,
    details: { queue, previousState: job.state },
  });
  const after = await readJob(db, queue, id);
  if (!after) throw new AppError('jobs.not_found', 404);
  return toJobView(after);
}
