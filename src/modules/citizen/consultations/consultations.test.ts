import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, signInAs } from '../../../../tests/support/factories.ts';
import { createTestContext, type TestContext } from '../../../../tests/support/harness.ts';
import { emailMessages } from '../../../platform/notify/schema.ts';
import { createTown, staffOf } from '../test-support.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

const bi = (fr: string, en: string) => ({ fr, en });
const INPUT = {
  title: bi('Réaménagement de la place du marché', 'Market square redesign'),
  context: bi('La place sera refaite en 2027.', 'The square will be rebuilt in 2027.'),
  documents: [{ title: bi('Plan concept', 'Concept plan'), url: 'https://example.org/plan.pdf' }],
  phases: [
    { title: bi('Information', 'Information'), startsOn: '2026-11-01', endsOn: '2026-11-30' },
    { title: bi('Ateliers', 'Workshops'), startsOn: '2026-12-01', endsOn: '2026-12-31' },
  ],
};

async function citizen() {
  const account = await createAccount(ctx.db);
  const client = ctx.client();
  await signInAs(ctx.db, client, account);
  return { account, client };
}

async function published(orgId: string) {
  const staff = await staffOf(ctx, orgId, 'clerk');
  const created = await staff.client.post<{ id: string }>(
    `/api/orgs/${orgId}/citizen/staff/consultations`,
    INPUT,
  );
  expect(created.status).toBe(200);
  await staff.client.post(`/api/orgs/${orgId}/citizen/staff/consultations/${created.body.id}/state`, {
    action: 'publish',
  });
  return { staff, id: created.body.id };
}

describe('consultations', () => {
  it('comments with replies, proposals with supports, moderation with a public reason, closing report', async () => {
    const town = await createTown(ctx.db, 'Consultation');
    const { staff, id } = await published(town.id);
    const a = await citizen();
    const b = await citizen();
    const base = `/api/orgs/${town.id}/citizen`;
    expect((await a.client.put(`${base}/consultations/${id}/following`, { following: true })).status).toBe(
      200,
    );
    const comment = await a.client.post<{ id: string }>(`${base}/consultations/${id}/contributions`, {
      kind: 'comment',
      body: 'Plus d’arbres, svp.',
    });
    const reply = await b.client.post(`${base}/consultations/${id}/contributions`, {
      kind: 'comment',
      body: 'D’accord !',
      parentId: comment.body.id,
    });
    expect(reply.status).toBe(200);
    const proposal = await b.client.post<{ id: string }>(`${base}/consultations/${id}/contributions`, {
      kind: 'proposal',
      title: 'Fontaine',
      body: 'Une fontaine au centre.',
    });
    const rude = await b.client.post<{ id: string }>(`${base}/consultations/${id}/contributions`, {
      kind: 'comment',
      body: 'Le maire est un idiot.',
    });
    expect(
      (
        await a.client.post<{ supports: number }>(
          `${base}/consultation-contributions/${proposal.body.id}/support`,
        )
      ).body.supports,
    ).toBe(1);
    const twice = await a.client.post<{ error: { code: string } }>(
      `${base}/consultation-contributions/${proposal.body.id}/support`,
    );
    expect(twice.status).toBe(409);
    expect(
      (await a.client.post(`${base}/consultation-contributions/${comment.body.id}/support`)).status,
    ).toBe(422);

    const queue = await staff.client.get<{ items: Array<{ id: string }> }>(
      `${base}/staff/consultation-moderation`,
    );
    expect(queue.body.items).toHaveLength(4);
    await staff.client.post(`${base}/staff/consultation-contributions/${rude.body.id}/moderation`, {
      decision: 'hide',
      reason: 'personal_attack',
    });
    await staff.client.post(`${base}/staff/consultation-contributions/${comment.body.id}/moderation`, {
      decision: 'keep',
    });
    expect(
      (await staff.client.get<{ items: unknown[] }>(`${base}/staff/consultation-moderation`)).body.items,
    ).toHaveLength(2);

    const page = await ctx.client().get<{
      contributions: Array<{
        id: string;
        body: string;
        hidden: boolean;
        moderationReason: string | null;
        parentId: string | null;
      }>;
      moderationPolicy: { fr: string };
      phases: unknown[];
    }>(`${base}/consultations/${id}`);
    const hidden = page.body.contributions.find((c) => c.id === rude.body.id);
    expect(hidden).toMatchObject({ hidden: true, body: '', moderationReason: 'personal_attack' });
    expect(page.body.contributions.find((c) => c.parentId === comment.body.id)).toBeTruthy();
    expect(page.body.moderationPolicy.fr).toContain('attaques personnelles');

    const closed = await staff.client.post(`${base}/staff/consultations/${id}/state`, {
      action: 'close',
      summary: bi('Merci !', 'Thank you!'),
    });
    expect(closed.status).toBe(200);
    expect(
      (
        await b.client.post(`${base}/consultations/${id}/contributions`, {
          kind: 'comment',
          body: 'Trop tard ?',
        })
      ).status,
    ).toBe(422);
    while ((await ctx.jobs.runPending()) > 0) {}
    const told = await ctx.db.select().from(emailMessages).where(eq(emailMessages.accountId, a.account.id));
    expect(told.some((m) => m.template === 'citizen.consultation_news')).toBe(true);
    const report = await staff.client.get<{
      contributions: number;
      contributors: number;
      supports: number;
      followers: number;
      hidden: number;
      proposals: Array<{ supports: number }>;
    }>(`${base}/staff/consultations/${id}/report`);
    expect(report.body).toMatchObject({
      contributions: 4,
      contributors: 2,
      supports: 1,
      followers: 1,
      hidden: 1,
    });
    expect(report.body.proposals).toEqual([{ id: proposal.body.id, title: 'Fontaine', supports: 1 }]);
    const csv = await staff.client.raw({
      method: 'GET',
      url: `${base}/staff/consultations/${id}/contributions.csv`,
    });
    expect(csv.status).toBe(200);
    expect(csv.text).toContain('Une fontaine au centre.');
    expect(csv.text).not.toContain('idiot');
  });

  it('meeting seats are taken atomically and a person gives back only their own seat', async () => {
    const town = await createTown(ctx.db, 'Rencontre');
    const { staff, id } = await published(town.id);
    const meeting = await staff.client.post<{ id: string }>(
      `/api/orgs/${town.id}/citizen/staff/consultations/${id}/meetings`,
      {
        title: bi('Atelier', 'Workshop'),
        place: 'Hôtel de ville',
        startsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
        capacity: 2,
      },
    );
    const people = await Promise.all(Array.from({ length: 5 }, () => citizen()));
    for (const p of people) await p.client.refreshCsrf();
    const url = `/api/orgs/${town.id}/citizen/consultation-meetings/${meeting.body.id}/registration`;
    const results = await Promise.all(people.map((p) => p.client.post<{ error?: { code: string } }>(url)));
    expect(results.filter((r) => r.status === 200)).toHaveLength(2);
    expect(results.filter((r) => r.body.error?.code === 'consultation.meeting_full')).toHaveLength(3);
    const winner = people[results.findIndex((r) => r.status === 200)];
    const loser = people[results.findIndex((r) => r.status !== 200)];
    expect((await winner?.client.post<{ error: { code: string } }>(url))?.body.error.code).toBe(
      'consultation.already_registered',
    );
    // Someone without a seat cannot free another person's.
    expect((await loser?.client.delete(url))?.status).toBe(404);
    expect((await winner?.client.delete(url))?.status).toBe(200);
    const page = await ctx
      .client()
      .get<{ meetings: Array<{ seatsLeft: number }> }>(`/api/orgs/${town.id}/citizen/consultations/${id}`);
    expect(page.body.meetings[0]?.seatsLeft).toBe(1);
  });

  it('another town’s staff cannot moderate or read this town’s consultation; drafts stay private', async () => {
    const town = await createTown(ctx.db, 'Ici');
    const other = await createTown(ctx.db, 'Ailleurs');
    const { id } = await published(town.id);
    const a = await citizen();
    const c = await a.client.post<{ id: string }>(
      `/api/orgs/${town.id}/citizen/consultations/${id}/contributions`,
      { kind: 'comment', body: 'Bonjour' },
    );
    const foreign = await staffOf(ctx, other.id, 'clerk');
    expect(
      (
        await foreign.client.post(
          `/api/orgs/${town.id}/citizen/staff/consultation-contributions/${c.body.id}/moderation`,
          { decision: 'hide' },
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await foreign.client.post(
          `/api/orgs/${other.id}/citizen/staff/consultation-contributions/${c.body.id}/moderation`,
          { decision: 'hide' },
        )
      ).status,
    ).toBe(404);
    expect(
      (await foreign.client.get(`/api/orgs/${other.id}/citizen/staff/consultations/${id}/report`)).status,
    ).toBe(404);
    expect((await a.client.get(`/api/orgs/${town.id}/citizen/staff/consultation-moderation`)).status).toBe(
      403,
    );
    const staff = await staffOf(ctx, town.id, 'clerk');
    const draft = await staff.client.post<{ id: string }>(
      `/api/orgs/${town.id}/citizen/staff/consultations`,
      INPUT,
    );
    expect((await a.client.get(`/api/orgs/${town.id}/citizen/consultations/${draft.body.id}`)).status).toBe(
      404,
    );
  });

  it('staff list every consultation of their town, drafts included; others cannot', async () => {
    const town = await createTown(ctx.db, 'Liste');
    const other = await createTown(ctx.db, 'Autre');
    const { staff, id: open } = await published(town.id);
    const draft = await staff.client.post<{ id: string }>(
      `/api/orgs/${town.id}/citizen/staff/consultations`,
      INPUT,
    );
    await published(other.id);
    const list = await staff.client.get<{ items: Array<{ id: string; state: string }> }>(
      `/api/orgs/${town.id}/citizen/staff/consultations`,
    );
    expect(list.status).toBe(200);
    expect(list.body.items.map((c) => [c.id, c.state]).sort()).toEqual(
      [
        [open, 'open'],
        [draft.body.id, 'draft'],
      ].sort(),
    );
    const publicList = await ctx
      .client()
      .get<{ items: Array<{ id: string }> }>(`/api/orgs/${town.id}/citizen/consultations`);
    expect(publicList.body.items.map((c) => c.id)).toEqual([open]);
    const a = await citizen();
    expect((await a.client.get(`/api/orgs/${town.id}/citizen/staff/consultations`)).status).toBe(403);
    const foreign = await staffOf(ctx, other.id, 'clerk');
    expect((await foreign.client.get(`/api/orgs/${town.id}/citizen/staff/consultations`)).status).toBe(403);
  });
});
