import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestContext } from '../../../../tests/support/harness.ts';
import { createTestContext } from '../../../../tests/support/harness.ts';
import { clientFor, JOLIETTE, potholeBody, townWithCategories } from './test-support.ts';

type Department = { id: string; code: string; mine: boolean; members: Array<{ id: string; name: string }> };
type Listed = { items: Array<{ id: string; department: { id: string } | null }> };

let ctx: TestContext;
let a: Awaited<ReturnType<typeof townWithCategories>>;
let b: Awaited<ReturnType<typeof townWithCategories>>;
let worker: Awaited<ReturnType<typeof clientFor>>;
let newcomer: Awaited<ReturnType<typeof clientFor>>;
let pothole: string;
let noise: string;

beforeAll(async () => {
  ctx = await createTestContext();
  a = await townWithCategories(ctx, 'AAA');
  b = await townWithCategories(ctx, 'BBB');
  worker = await clientFor(ctx, [{ orgId: a.org.id, role: 'public_works' }]);
  newcomer = await clientFor(ctx, [{ orgId: a.org.id, role: 'public_works' }]);
  const citizen = await clientFor(ctx);
  const submit = async (categoryId: string) =>
    (
      await citizen.client.post<{ id: string }>(
        `/api/orgs/${a.org.id}/requests`,
        potholeBody(categoryId, JOLIETTE),
      )
    ).body.id;
  pothole = await submit(a.pothole.id);
  noise = await submit(a.noise.id);
});
afterAll(async () => ctx?.close());

const A = () => `/api/orgs/${a.org.id}`;

describe('queues per department', () => {
  it('lets the requests desk say who works a department, and shows each person their own', async () => {
    const set = await a.desk.client.put<Department>(
      `${A()}/staff/request-departments/${a.departmentId}/members`,
      { accountIds: [worker.id, worker.id] },
    );
    expect(set.status).toBe(200);
    expect(set.body.members.map((m) => m.id)).toEqual([worker.id]);
    expect(set.body.mine).toBe(false);
    const seen = await worker.client.get<{ items: Department[] }>(`${A()}/staff/request-departments`);
    expect(seen.body.items.find((d) => d.id === a.departmentId)).toMatchObject({ mine: true });
  });

  it('gives a member their department’s queue, and everyone every queue on request', async () => {
    const mine = await worker.client.get<Listed>(`${A()}/staff/requests?departmentId=mine`);
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((r) => r.id)).toEqual([pothole]);
    // Membership opens nothing more and closes nothing: the whole list stays available to request staff.
    const all = await worker.client.get<Listed>(`${A()}/staff/requests`);
    expect(all.body.items.map((r) => r.id).sort()).toEqual([pothole, noise].sort());
    const none = await newcomer.client.get<Listed>(`${A()}/staff/requests?departmentId=mine`);
    expect(none.body.items).toEqual([]);
    const unassigned = await worker.client.get<Listed>(`${A()}/staff/requests?departmentId=none`);
    expect(unassigned.body.items.map((r) => r.id)).toEqual([noise]);
    expect((await worker.client.get(`${A()}/staff/requests?departmentId=travaux`)).status).toBe(400);
  });

  it('accepts only colleagues who handle requests, and only from the requests desk', async () => {
    const recreation = await clientFor(ctx, [{ orgId: a.org.id, role: 'recreation' }]);
    const refused = await a.desk.client.put<{ error: { code: string } }>(
      `${A()}/staff/request-departments/${a.departmentId}/members`,
      { accountIds: [worker.id, recreation.id] },
    );
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('requests.assignee_invalid');
    // Another town's desk person is not a colleague either.
    const stranger = await a.desk.client.put(`${A()}/staff/request-departments/${a.departmentId}/members`, {
      accountIds: [b.desk.id],
    });
    expect(stranger.status).toBe(422);
    expect(
      (
        await worker.client.put(`${A()}/staff/request-departments/${a.departmentId}/members`, {
          accountIds: [],
        })
      ).status,
    ).toBe(403);
    const kept = await worker.client.get<{ items: Department[] }>(`${A()}/staff/request-departments`);
    expect(kept.body.items.find((d) => d.id === a.departmentId)?.members.map((m) => m.id)).toEqual([
      worker.id,
    ]);
  });

  it('keeps one town’s departments closed to another town’s staff', async () => {
    expect(
      (
        await b.desk.client.put(`${A()}/staff/request-departments/${a.departmentId}/members`, {
          accountIds: [],
        })
      ).status,
    ).toBe(403);
    // Through its own organisation's path, the other town's department does not exist.
    expect(
      (
        await b.desk.client.put(`/api/orgs/${b.org.id}/staff/request-departments/${a.departmentId}/members`, {
          accountIds: [],
        })
      ).status,
    ).toBe(404);
    const kept = await a.desk.client.get<{ items: Department[] }>(`${A()}/staff/request-departments`);
    expect(kept.body.items.find((d) => d.id === a.departmentId)?.members).toHaveLength(1);
  });
});
