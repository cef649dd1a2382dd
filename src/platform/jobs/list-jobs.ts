import { and, sql } from 'drizzle-orm';
import type { AuthContext } from '../auth/context.ts';
import { requireInstallationAdmin } from '../auth/policies.ts';
import { type Executor, rowsOf } from '../db/client.ts';
import { type PageQuery, pageWindow } from '../http/pagination.ts';
import { type JobRow, type JobState, type JobView, toJobView } from './job-view.ts';

/**
 * The installation's background jobs, newest first, filtered by queue and state: what is waiting,
 * running, failed or done. Read from pg-boss's own table (same database), for installation administrators.
 */
export async function listJobs(options: {
  db: Executor;
  auth: AuthContext | null;
  query: PageQuery & { queue?: string; state?: JobState };
}): Promise<{ items: JobView[]; page: number; perPage: number; total: number }> {
  requireInstallationAdmin(options.auth);
  const { query, db } = options;
  const { limit, offset, page, perPage } = pageWindow(query);
  const where = and(
    sql`true`,
    query.queue ? sql`name = ${query.queue}` : undefined,
    query.state ? sql`state = ${query.state}::pgboss.job_state` : undefined,
  );
  const [rows, counted] = await Promise.all([
    db.execute(sql`
      SELECT id, name, state, priority, retry_count, retry_limit, created_on, start_after, started_on,
             completed_on, data, output
      FROM pgboss.job WHERE ${where}
      ORDER BY created_on DESC, id DESC LIMIT ${limit} OFFSET ${offset}`),
    db.execute(sql`SELECT count(*)::int AS n FROM pgboss.job WHERE ${where}`),
  ]);
  return {
    items: rowsOf<JobRow>(rows).map(toJobView),
    page,
    perPage,
    total: rowsOf<{ n: number }>(counted)[0]?.n ?? 0,
  };
}
