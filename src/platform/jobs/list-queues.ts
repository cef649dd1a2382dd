import { sql } from 'drizzle-orm';
import type { AuthContext } from '../auth/context.ts';
import { requireInstallationAdmin } from '../auth/policies.ts';
import { type Executor, rowsOf } from '../db/client.ts';
import { JOB_STATES, type JobState } from './job-view.ts';
import type { JobQueue } from './queue.ts';

/** One queue with how many of its jobs are in each state. */
export interface QueueCounts {
  queue: string;
  counts: Record<JobState, number>;
  /** Waiting jobs whose start is still ahead (retry back-off, scheduled). */
  deferred: number;
}

/** Every queue of the installation with its jobs counted per state, for installation administrators. */
export async function listQueues(options: {
  db: Executor;
  jobs: JobQueue;
  auth: AuthContext | null;
}): Promise<QueueCounts[]> {
  requireInstallationAdmin(options.auth);
  await options.jobs.start();
  const [queues, result] = await Promise.all([
    options.jobs.boss.getQueues(),
    options.db.execute(sql`
      SELECT name, state::text AS state, count(*)::int AS n,
             count(*) FILTER (WHERE state IN ('created', 'retry') AND start_after > now())::int AS deferred
      FROM pgboss.job GROUP BY name, state`),
  ]);
  const byName = new Map<string, QueueCounts>();
  const entry = (name: string) => {
    let q = byName.get(name);
    if (!q) {
      q = {
        queue: name,
        counts: Object.fromEntries(JOB_STATES.map((s) => [s, 0])) as Record<JobState, number>,
        deferred: 0,
      };
      byName.set(name, q);
    }
    return q;
  };
  for (const q of queues) entry(q.name);
  for (const row of rowsOf<{ name: string; state: JobState; n: number; deferred: number }>(result)) {
    const q = entry(row.name);
    q.counts[row.state] = row.n;
    q.deferred += row.deferred;
  }
  return [...byName.values()].sort((a, b) => a.queue.localeCompare(b.queue));
}
