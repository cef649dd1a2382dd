import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createOrg, signInAs } from '../../../tests/support/factories.ts';
import { createTestContext, type TestContext } from '../../../tests/support/harness.ts';
import { auditLog } from '../audit/schema.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());

const QUEUE = 'test.jobs-backoffice';

interface Job {
  id: string;
  queue: string;
  state: string;
  retryCount: number;
  retryLimit: number;
  data: string;
  output: string | null;
}
interface Queue {
  queue: string;
  counts: Record<string, number>;
  deferred: number;
}

async function installationAdmin() {
  const admin = await createAccount(ctx.db, { installationAdmin: true, totp: true });
  const client = ctx.client();
  await signInAs(ctx.db, client, admin, { mfa: true });
  return { admin, client };
}

/** A job that ran and failed for good (no retries left), through pg-boss itself. */
async function failedJob(note: string): Promise<string> {
  await ctx.jobs.start();
  await ctx.jobs.boss.createQueue(QUEUE, { retryLimit: 0 });
  const id = await ctx.jobs.boss.send(QUEUE, { note });
  if (!id) throw new Error('send returned no id');
  const [job] = await ctx.jobs.boss.fetch(QUEUE);
  if (job?.id !== id) throw new Error('fetched another job');
  await ctx.jobs.boss.fail(QUEUE, id, { message: `SMTP refused ${note}` });
  return id;
}

describe('jobs back-office', () => {
  it('lists jobs by queue and state with their error, counts them per queue, and retries a failed one', async () => {
    const { client, admin } = await installationAdmin();
    const failed = await failedJob('one');
    const waiting = await ctx.jobs.boss.send(QUEUE, { note: 'two' });

    const list = await client.get<{ items: Job[]; total: number }>(
      `/api/admin/jobs?queue=${QUEUE}&state=failed`,
    );
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({
        id: failed,
        queue: QUEUE,
        state: 'failed',
        output: 'SMTP refused one',
        data: '{"note":"one"}',
      }),
    ]);
    const all = await client.get<{ items: Job[]; total: number }>(`/api/admin/jobs?queue=${QUEUE}`);
    expect(all.body.items.map((j) => j.id)).toEqual([waiting, failed]);

    const queues = await client.get<Queue[]>('/api/admin/jobs/queues');
    expect(queues.status).toBe(200);
    const mine = queues.body.find((q) => q.queue === QUEUE);
    expect(mine?.counts).toMatchObject({ failed: 1, created: 1, active: 0, completed: 0 });
    // Every queue the features declare is listed, even with no job yet.
    expect(queues.body.map((q) => q.queue)).toEqual(
      expect.arrayContaining(['email.deliver', 'sms.deliver', 'push.deliver']),
    );

    const retried = await client.post<Job>(`/api/admin/jobs/${QUEUE}/${failed}/retry`);
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ id: failed, state: 'retry', retryLimit: 1 });
    const [job] = await ctx.jobs.boss
      .fetch(QUEUE, { batchSize: 5 })
      .then((jobs) => jobs.filter((j) => j.id === failed));
    expect(job?.id).toBe(failed);
    const [audit] = await ctx.db.select().from(auditLog).where(eq(auditLog.targetId, failed));
    expect(audit).toMatchObject({ action: 'jobs.retry', actorAccountId: admin.id });
  });

  it('refuses to retry a job that is running or done, and answers 404 for an unknown one', async () => {
    const { client } = await installationAdmin();
    await ctx.jobs.boss.createQueue(QUEUE, { retryLimit: 0 });
    const id = await ctx.jobs.boss.send(QUEUE, { note: 'done' });
    const fetched = await ctx.jobs.boss.fetch(QUEUE, { batchSize: 10 });
    for (const j of fetched) await ctx.jobs.boss.complete(QUEUE, j.id);
    const res = await client.post<{ error: { code: string; message: string } }>(
      `/api/admin/jobs/${QUEUE}/${id}/retry`,
    );
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({
      code: 'jobs.not_retryable',
      message: 'Cette tâche ne peut pas être relancée (état : completed).',
    });
    const unknown = await client.post(`/api/admin/jobs/${QUEUE}/01900000-0000-7000-8000-000000000000/retry`);
    expect(unknown.status).toBe(404);
  });

  it('is for installation administrators only', async () => {
    const org = await createOrg(ctx.db);
    const orgAdmin = await createAccount(ctx.db, { roles: [{ orgId: org.id, role: 'admin' }], totp: true });
    const client = ctx.client();
    await signInAs(ctx.db, client, orgAdmin, { mfa: true });
    expect((await client.get('/api/admin/jobs')).status).toBe(403);
    expect((await client.get('/api/admin/jobs/queues')).status).toBe(403);
    expect(
      (await client.post(`/api/admin/jobs/${QUEUE}/01900000-0000-7000-8000-000000000000/retry`)).status,
    ).toBe(403);
    expect((await ctx.client().get('/api/admin/jobs')).status).toBe(401);
  });
});
