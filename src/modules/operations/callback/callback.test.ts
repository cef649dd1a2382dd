import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../../../tests/support/client.ts';
import { createAccount, createOrg, signInAs } from '../../../../tests/support/factories.ts';
import { createTestContext, type TestContext } from '../../../../tests/support/harness.ts';
import { rowsOf } from '../../../platform/db/client.ts';
import { emailMessages } from '../../../platform/notify/schema.ts';
import { ALL_SLOTS, DEFAULT_RULES } from './call-order.ts';
import { expireDueOffers, expireOffer } from './expire-offers.ts';
import { type ChainedEntry, verifyChain } from './log.ts';
import { callbackLog, callbackNeeds, callbackOffers } from './schema.ts';

interface Offer {
  id: string;
  employeeId: string;
  employeeName: string | null;
  rank: number;
  status: string;
  expiresAt: string;
  answeredVia: string | null;
}
interface Need {
  id: string;
  reference: string;
  status: string;
  filledByName: string | null;
  capacity: string;
  offers: Offer[];
  log: Array<{
    seq: number;
    kind: string;
    employeeId: string | null;
    rank: number | null;
    reason: string | null;
    details: Record<string, unknown>;
  }>;
  chain: { ok: boolean };
}

let ctx: TestContext;
let orgId: string;
let otherOrgId: string;
let staff: TestClient;
let otherStaff: TestClient;
let union: TestClient;
let stranger: TestClient;
type Person = { client: TestClient; email: string; id?: string };
const people = {} as Record<'ana' | 'ben' | 'cleo' | 'dan' | 'eve' | 'fay', Person>;
const api = (path: string, org = orgId) => `/api/orgs/${org}/callback${path}`;
const ctxOf = () => ({ db: ctx.db, jobs: ctx.jobs, publicUrl: ctx.config.publicUrl });
const listEmail = (key: string) => `${key}@list.example.test`;
const inHours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

async function addEmployee(key: string, body: Record<string, unknown>) {
  const res = await staff.raw<{ id: string }>({
    method: 'POST',
    url: api('/employees'),
    payload: {
      employeeNumber: `E-${key}`,
      givenName: key,
      familyName: 'Test',
      jobClasses: ['journalier'],
      email: `${key}@list.example.test`,
      channels: ['email', 'inapp'],
      ...body,
    },
  });
  expect(res.status).toBe(201);
  return res.body.id;
}

async function need(id: string, client = staff): Promise<Need> {
  const res = await client.raw<Need>({ url: api(`/needs/${id}`) });
  expect(res.status).toBe(200);
  return res.body;
}

async function post(body: Record<string, unknown>): Promise<Need> {
  const res = await staff.raw<Need>({ method: 'POST', url: api('/needs'), payload: body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

/** The one-tap link sent by e-mail to an address (the last one). */
async function linkSentTo(address: string): Promise<string> {
  const rows = await ctx.db
    .select()
    .from(emailMessages)
    .where(and(eq(emailMessages.toAddress, address), eq(emailMessages.template, 'callback.offer')))
    .orderBy(sql`${emailMessages.createdAt} desc`);
  const match = rows[0]?.textBody.match(/\/callback\/offer\/([A-Za-z0-9_.-]+)/);
  if (!match?.[1]) throw new Error(`no offer link sent to ${address}`);
  return match[1];
}

beforeAll(async () => {
  ctx = await createTestContext();
  orgId = (await createOrg(ctx.db, { refPrefix: 'RDL' })).id;
  otherOrgId = (await createOrg(ctx.db)).id;
  const make = async (roles: Array<{ orgId: string; role: 'operations' }>) => {
    const account = await createAccount(ctx.db, { roles });
    const client = ctx.client();
    await signInAs(ctx.db, client, account);
    return { client, account };
  };
  staff = (await make([{ orgId, role: 'operations' }])).client;
  otherStaff = (await make([{ orgId: otherOrgId, role: 'operations' }])).client;
  const rep = await make([]);
  union = rep.client;
  stranger = (await make([])).client;
  for (const key of ['ana', 'ben', 'cleo', 'dan', 'eve', 'fay'] as const) {
    const { client, account } = await make([]);
    people[key] = { client, email: account.email };
  }
  // The agreement: 20 minutes within 48 h; 3-day deadline on availabilities.
  const rules = await staff.raw({
    method: 'PUT',
    url: api('/rules'),
    payload: { jobClass: '', rules: { ...DEFAULT_RULES, availabilityDeadlineDays: 3 } },
  });
  expect(rules.status).toBe(200);
  const repRes = await staff.raw({
    method: 'POST',
    url: api('/union-reps'),
    payload: { email: rep.account.email, union: 'SCFP 1234' },
  });
  expect(repRes.status).toBe(200);
  const all = [...ALL_SLOTS];
  people.ana.id = await addEmployee('ana', {
    seniorityHours: 900,
    qualifications: ['SIMDUT'],
    accountEmail: people.ana.email,
  });
  people.ben.id = await addEmployee('ben', {
    seniorityHours: 800,
    qualifications: ['SIMDUT'],
    accountEmail: people.ben.email,
  });
  people.cleo.id = await addEmployee('cleo', {
    seniorityHours: 700,
    qualifications: [],
    accountEmail: people.cleo.email,
  });
  people.dan.id = await addEmployee('dan', {
    seniorityHours: 600,
    qualifications: ['SIMDUT'],
    accountEmail: people.dan.email,
  });
  people.eve.id = await addEmployee('eve', {
    seniorityHours: 500,
    qualifications: ['SIMDUT'],
    accountEmail: people.eve.email,
  });
  people.fay.id = await addEmployee('fay', {
    seniorityHours: 400,
    qualifications: ['SIMDUT'],
    accountEmail: people.fay.email,
    jobClasses: ['sauveteur'],
  });
  const today = new Date().toISOString().slice(0, 10);
  for (const key of ['ana', 'ben', 'cleo', 'eve', 'fay'] as const) {
    const res = await staff.raw({
      method: 'PUT',
      url: api(`/employees/${people[key]?.id}/availability`),
      payload: { slots: all, effectiveFrom: today },
    });
    expect(res.status).toBe(200);
  }
  // Dan is available on no slot at all.
  await staff.raw({
    method: 'PUT',
    url: api(`/employees/${people.dan.id}/availability`),
    payload: { slots: [], effectiveFrom: today },
  });
}, 120_000);

afterAll(async () => {
  await ctx?.close();
});

describe('a call round', () => {
  let first: Need;

  it('offers the most senior eligible person first and schedules the window’s end', async () => {
    first = await post({
      jobClass: 'journalier',
      startsAt: inHours(30),
      endsAt: inHours(38),
      place: 'Garage municipal',
      qualifications: ['SIMDUT'],
    });
    expect(first.status).toBe('open');
    expect(first.offers).toHaveLength(1);
    expect(first.offers[0]).toMatchObject({ employeeId: people.ana.id, rank: 1, status: 'pending' });
    // 30 h ahead: the 48-hour window of 20 minutes.
    const offer = first.offers[0] as Offer;
    const created = Date.parse(first.log.find((l) => l.kind === 'offered')?.details.expiresAt as string);
    expect(created).toBe(Date.parse(offer.expiresAt));
    expect(first.log.find((l) => l.kind === 'offered')?.details.windowMinutes).toBe(20);
    // Everyone of the class was considered, in order, with why some are not eligible.
    const considered = first.log.filter((l) => l.kind === 'considered');
    expect(considered.map((l) => [l.employeeId, l.rank, l.reason])).toEqual([
      [people.ana.id, 1, null],
      [people.ben.id, 2, null],
      [people.cleo.id, 3, 'unqualified'],
      [people.dan.id, 4, 'unavailable'],
      [people.eve.id, 5, null],
    ]);
    // A delayed pg-boss job is due exactly when the window ends.
    const jobs = rowsOf<{ start_after: Date; data: { offerId: string } }>(
      await ctx.db.execute(
        sql`select start_after, data from pgboss.job where name = 'callback.offer-expiry'`,
      ),
    );
    const job = jobs.find((j) => j.data.offerId === offer.id);
    expect(job && new Date(job.start_after).getTime()).toBe(Date.parse(offer.expiresAt));
    // The offer went out by e-mail with its link.
    expect(await linkSentTo(listEmail('ana'))).toContain(offer.id);
  });

  it('shows a person their own offers only', async () => {
    const mine = await people.ana.client.raw<{
      offers: Array<{ id: string }>;
      ranks: Array<{ rank: number; of: number }>;
    }>({ url: api('/me') });
    expect(mine.status).toBe(200);
    expect(mine.body.offers.map((o) => o.id)).toEqual([first.offers[0]?.id]);
    expect(mine.body.ranks).toEqual([{ jobClass: 'journalier', rank: 1, of: 5, basis: 'hours' }]);
    const theirs = await people.ben.client.raw<{ offers: unknown[] }>({ url: api('/me') });
    expect(theirs.body.offers).toEqual([]);
    // Ben cannot answer Ana's offer, and learns nothing about it.
    const steal = await people.ben.client.raw({
      method: 'POST',
      url: api(`/me/offers/${first.offers[0]?.id}/answer`),
      payload: { answer: 'accept' },
    });
    expect(steal.status).toBe(404);
    // Someone not on the list has no space.
    expect((await stranger.raw({ url: api('/me') })).status).toBe(404);
    // A forged or foreign link is refused.
    const forged = await stranger.raw({
      url: api(`/offer-links/${first.offers[0]?.id}.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`),
    });
    expect(forged.status).toBe(404);
    const token = await linkSentTo(listEmail('ana'));
    expect((await stranger.raw({ url: api(`/offer-links/${token}`, otherOrgId) })).status).toBe(404);
  });

  it('moves to the next person when the window expires (time driven by the test), and refuses a late answer', async () => {
    const offer = first.offers[0] as Offer;
    const end = Date.parse(offer.expiresAt);
    // A job that wakes early changes nothing.
    expect(await expireOffer(ctxOf(), { orgId, offerId: offer.id, now: new Date(end - 1000) })).toBe(false);
    expect(await expireOffer(ctxOf(), { orgId, offerId: offer.id, now: new Date(end + 1000) })).toBe(true);
    // Twice is harmless.
    expect(await expireOffer(ctxOf(), { orgId, offerId: offer.id, now: new Date(end + 2000) })).toBe(false);
    const after = await need(first.id);
    expect(after.offers.map((o) => [o.employeeId, o.status])).toEqual([
      [people.ana.id, 'expired'],
      [people.ben.id, 'pending'],
    ]);
    const late = await people.ana.client.raw({
      method: 'POST',
      url: api(`/me/offers/${offer.id}/answer`),
      payload: { answer: 'accept' },
    });
    expect(late.status).toBe(409);
    expect((late.body as { error: { code: string } }).error.code).toBe('callback.offer_closed');
  });

  it('passes over and logs the unqualified and the unavailable when the round reaches them', async () => {
    const ben = (await need(first.id)).offers[1] as Offer;
    const refused = await people.ben.client.raw({
      method: 'POST',
      url: api(`/me/offers/${ben.id}/answer`),
      payload: { answer: 'refuse' },
    });
    expect(refused.status).toBe(200);
    const after = await need(first.id);
    expect(after.offers.find((o) => o.status === 'pending')).toMatchObject({
      employeeId: people.eve.id,
      rank: 5,
    });
    const skipped = after.log.filter((l) => l.kind === 'skipped').map((l) => [l.employeeId, l.reason]);
    expect(skipped).toEqual([
      [people.cleo.id, 'unqualified'],
      [people.dan.id, 'unavailable'],
    ]);
    expect(after.log.find((l) => l.kind === 'refused')).toMatchObject({
      employeeId: people.ben.id,
      details: { via: 'app' },
    });
  });

  it('accepts through the one-tap link; the log is whole and exports', async () => {
    const token = await linkSentTo(listEmail('eve'));
    const view = await stranger.raw<{ status: string; need: { reference: string } }>({
      url: api(`/offer-links/${token}`),
    });
    expect(view.status).toBe(200);
    expect(view.body.need.reference).toBe(first.reference);
    const res = await stranger.raw<{ status: string }>({
      method: 'POST',
      url: api(`/offer-links/${token}/answer`),
      payload: { answer: 'accept' },
    });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('accepted');
    const done = await need(first.id);
    expect(done.status).toBe('filled');
    expect(done.filledByName).toBe('eve Test');
    expect(done.chain.ok).toBe(true);
    expect(done.log.map((l) => l.kind).slice(-2)).toEqual(['accepted', 'filled']);
    const csv = await staff.raw({ url: api(`/needs/${first.id}/log.csv`) });
    expect(csv.status).toBe(200);
    expect(csv.text).toContain('qualification manquante');
    expect(csv.text).toContain('eve Test');
    const pdf = await staff.raw({ url: api(`/needs/${first.id}/log.pdf`) });
    expect(pdf.status).toBe(200);
    expect(pdf.text.startsWith('%PDF')).toBe(true);
    const xlsx = await staff.raw({ url: api(`/needs/${first.id}/log.xlsx`) });
    expect(xlsx.status).toBe(200);
    // Eve's confirmation went out.
    const confirmations = await ctx.db
      .select()
      .from(emailMessages)
      .where(
        and(
          eq(emailMessages.toAddress, listEmail('eve')),
          eq(emailMessages.template, 'callback.offer_closed'),
        ),
      );
    expect(confirmations).toHaveLength(1);
  });

  it('keeps the log append-only in the database and shows tampering', async () => {
    await expect(
      ctx.db.update(callbackLog).set({ reason: 'nothing' }).where(eq(callbackLog.needId, first.id)),
    ).rejects.toThrow();
    await expect(ctx.db.delete(callbackLog).where(eq(callbackLog.needId, first.id))).rejects.toThrow();
    const entries = (await ctx.db
      .select()
      .from(callbackLog)
      .where(eq(callbackLog.needId, first.id))
      .orderBy(callbackLog.seq)) as ChainedEntry[];
    expect(verifyChain(entries).ok).toBe(true);
    const altered = entries.map((e, i) => (i === 3 ? { ...e, reason: 'available' } : e));
    expect(verifyChain(altered)).toEqual({ ok: false, brokenAt: 4 });
    expect(verifyChain(entries.filter((_, i) => i !== 2)).ok).toBe(false);
  });
});

describe('first acceptance wins', () => {
  it('fills a need once when everyone offered accepts at the same time; the others are told', async () => {
    await staff.raw({
      method: 'PUT',
      url: api('/rules'),
      payload: { jobClass: 'journalier', rules: { ...DEFAULT_RULES, offersAtOnce: 3 } },
    });
    const n = await post({
      jobClass: 'journalier',
      startsAt: inHours(100),
      endsAt: inHours(104),
      place: 'Aréna',
      qualifications: [],
    });
    expect(n.offers.map((o) => o.employeeId)).toEqual([people.ana.id, people.ben.id, people.cleo.id]);
    const clients = [people.ana, people.ben, people.cleo].map((p) => p.client);
    const answers = await Promise.all(
      n.offers.map((o, i) =>
        clients[i]?.raw({
          method: 'POST',
          url: api(`/me/offers/${o.id}/answer`),
          payload: { answer: 'accept' },
        }),
      ),
    );
    const statuses = answers.map((a) => a?.status).sort();
    expect(statuses).toEqual([200, 409, 409]);
    const done = await need(n.id);
    expect(done.status).toBe('filled');
    expect(done.offers.filter((o) => o.status === 'accepted')).toHaveLength(1);
    expect(done.offers.filter((o) => o.status === 'withdrawn')).toHaveLength(2);
    expect(done.log.filter((l) => l.kind === 'filled')).toHaveLength(1);
    const [row] = await ctx.db.select().from(callbackNeeds).where(eq(callbackNeeds.id, n.id));
    expect(row?.filledBy).toBe(done.offers.find((o) => o.status === 'accepted')?.employeeId);
    const losers = done.offers
      .filter((o) => o.status === 'withdrawn')
      .map((o) => listEmail(Object.entries(people).find(([, p]) => p.id === o.employeeId)?.[0] ?? ''));
    for (const email of losers) {
      const told = await ctx.db
        .select()
        .from(emailMessages)
        .where(and(eq(emailMessages.toAddress, email), eq(emailMessages.template, 'callback.offer_closed')));
      expect(told.length).toBeGreaterThanOrEqual(1);
    }
    await staff.raw({ method: 'DELETE', url: api('/rules?jobClass=journalier') });
  });

  it('answers a double tap once', async () => {
    const n = await post({
      jobClass: 'journalier',
      startsAt: inHours(200),
      endsAt: inHours(204),
      place: 'Parc',
      qualifications: [],
    });
    const offer = n.offers[0] as Offer;
    const owner = Object.values(people).find((p) => p.id === offer.employeeId);
    const taps = await Promise.all(
      [1, 2].map(() =>
        owner?.client.raw({
          method: 'POST',
          url: api(`/me/offers/${offer.id}/answer`),
          payload: { answer: 'accept' },
        }),
      ),
    );
    expect(taps.map((t) => t?.status).sort()).toEqual([200, 409]);
    const offers = await ctx.db.select().from(callbackOffers).where(eq(callbackOffers.needId, n.id));
    expect(offers.filter((o) => o.status === 'accepted')).toHaveLength(1);
  });

  it('refuses a second shift that overlaps one already accepted', async () => {
    await staff.raw({
      method: 'PUT',
      url: api('/rules'),
      payload: { jobClass: 'sauveteur', rules: { ...DEFAULT_RULES } },
    });
    const a = await post({
      jobClass: 'sauveteur',
      startsAt: inHours(300),
      endsAt: inHours(308),
      place: 'Piscine',
    });
    const b = await post({
      jobClass: 'sauveteur',
      startsAt: inHours(304),
      endsAt: inHours(310),
      place: 'Piscine',
    });
    const fay = people.fay.client;
    expect(a.offers[0]?.employeeId).toBe(people.fay.id);
    expect(b.offers[0]?.employeeId).toBe(people.fay.id);
    expect(
      (
        await fay.raw({
          method: 'POST',
          url: api(`/me/offers/${a.offers[0]?.id}/answer`),
          payload: { answer: 'accept' },
        })
      ).status,
    ).toBe(200);
    const second = await fay.raw<{ error: { code: string } }>({
      method: 'POST',
      url: api(`/me/offers/${b.offers[0]?.id}/answer`),
      payload: { answer: 'accept' },
    });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('callback.conflicting_shift');
    // Refused, she is offered nothing more for it; the list is exhausted.
    expect(
      (
        await fay.raw({
          method: 'POST',
          url: api(`/me/offers/${b.offers[0]?.id}/answer`),
          payload: { answer: 'refuse' },
        })
      ).status,
    ).toBe(200);
    expect((await need(b.id)).status).toBe('unfilled');
  });
});

describe('supervisors and the sweep', () => {
  it('logs phone calls; an answer by phone counts like a tap', async () => {
    const n = await post({
      jobClass: 'journalier',
      startsAt: inHours(400),
      endsAt: inHours(404),
      place: 'Garage',
      qualifications: ['SIMDUT'],
    });
    const offer = n.offers[0] as Offer;
    expect(
      (
        await staff.raw({
          method: 'POST',
          url: api(`/offers/${offer.id}/calls`),
          payload: { outcome: 'no_answer' },
        })
      ).status,
    ).toBe(200);
    const yes = await staff.raw<{ status: string }>({
      method: 'POST',
      url: api(`/offers/${offer.id}/calls`),
      payload: { outcome: 'accepted', note: 'Joint au cellulaire' },
    });
    expect(yes.status).toBe(200);
    expect(yes.body.status).toBe('accepted');
    const done = await need(n.id);
    expect(done.offers[0]?.answeredVia).toBe('phone');
    expect(done.log.filter((l) => l.kind === 'phone_call').map((l) => l.reason)).toEqual([
      'no_answer',
      'accepted',
    ]);
    // Union representatives and strangers cannot log calls.
    expect(
      (
        await union.raw({
          method: 'POST',
          url: api(`/offers/${offer.id}/calls`),
          payload: { outcome: 'refused' },
        })
      ).status,
    ).toBe(403);
  });

  it('cancels a need and withdraws its offers', async () => {
    const n = await post({
      jobClass: 'journalier',
      startsAt: inHours(500),
      endsAt: inHours(504),
      place: 'Garage',
    });
    expect(
      (
        await staff.raw({
          method: 'POST',
          url: api(`/needs/${n.id}/cancel`),
          payload: { reason: 'Tempête annulée' },
        })
      ).status,
    ).toBe(200);
    const done = await need(n.id);
    expect(done.status).toBe('cancelled');
    expect(done.offers.every((o) => o.status === 'withdrawn')).toBe(true);
  });

  it('the sweep closes every window that ended, as the cron would', async () => {
    const n = await post({
      jobClass: 'journalier',
      startsAt: inHours(600),
      endsAt: inHours(604),
      place: 'Garage',
    });
    const end = Date.parse(n.offers[0]?.expiresAt ?? '');
    expect(await expireDueOffers(ctxOf(), new Date(end - 1))).toBe(0);
    expect(await expireDueOffers(ctxOf(), new Date(end + 1))).toBeGreaterThanOrEqual(1);
    expect((await need(n.id)).offers[0]?.status).toBe('expired');
  });
});

describe('who sees what', () => {
  it('keeps another town’s staff out of this town’s list, needs and offers', async () => {
    const [row] = await ctx.db.select().from(callbackNeeds).where(eq(callbackNeeds.orgId, orgId)).limit(1);
    const [offer] = await ctx.db
      .select()
      .from(callbackOffers)
      .where(eq(callbackOffers.orgId, orgId))
      .limit(1);
    expect((await otherStaff.raw({ url: api('/employees') })).status).toBe(403);
    expect((await otherStaff.raw({ url: api(`/needs/${row?.id}`) })).status).toBe(403);
    expect((await otherStaff.raw({ url: api(`/needs/${row?.id}/log.csv`) })).status).toBe(403);
    expect(
      (
        await otherStaff.raw({
          method: 'POST',
          url: api('/needs'),
          payload: { jobClass: 'journalier', startsAt: inHours(50), endsAt: inHours(52), place: 'x' },
        })
      ).status,
    ).toBe(403);
    // Through their own town's address, this town's rows do not exist.
    expect((await otherStaff.raw({ url: api(`/needs/${row?.id}`, otherOrgId) })).status).toBe(404);
    expect((await otherStaff.raw({ url: api(`/employees/${people.ana.id}`, otherOrgId) })).status).toBe(404);
    expect(
      (
        await otherStaff.raw({
          method: 'POST',
          url: api(`/offers/${offer?.id}/calls`, otherOrgId),
          payload: { outcome: 'accepted' },
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await otherStaff.raw({
          method: 'PUT',
          url: api(`/employees/${people.ana.id}/availability`, otherOrgId),
          payload: { slots: [] },
        })
      ).status,
    ).toBe(404);
    const list = await otherStaff.raw<{ items: unknown[] }>({ url: api('/needs', otherOrgId) });
    expect(list.body.items).toEqual([]);
  });

  it('lets a union representative read rounds, logs and reports, and nothing else', async () => {
    const [row] = await ctx.db.select().from(callbackNeeds).where(eq(callbackNeeds.orgId, orgId)).limit(1);
    const seen = await need(row?.id ?? '', union);
    expect(seen.capacity).toBe('union');
    expect((await union.raw({ url: api(`/needs/${row?.id}/log.csv`) })).status).toBe(200);
    expect(
      (await union.raw({ url: api(`/reports?from=${inHours(-1000)}&to=${inHours(1000)}`) })).status,
    ).toBe(200);
    expect((await union.raw({ url: api('/employees') })).status).toBe(403);
    expect((await union.raw({ url: api(`/employees/${people.ana.id}`) })).status).toBe(403);
    expect(
      (
        await union.raw({
          method: 'POST',
          url: api('/needs'),
          payload: { jobClass: 'journalier', startsAt: inHours(50), endsAt: inHours(52), place: 'x' },
        })
      ).status,
    ).toBe(403);
    expect((await stranger.raw({ url: api(`/needs/${row?.id}`) })).status).toBe(403);
    expect((await ctx.client().raw({ url: api('/needs') })).status).toBe(401);
  });

  it('reports hours, refusals and time to fill', async () => {
    const res = await staff.raw<{
      needs: { filled: number };
      people: Array<{ employeeId: string; hours: number; refused: number; expired: number }>;
      minutesToFill: { median: number | null };
    }>({
      url: api(`/reports?from=${inHours(-1000)}&to=${inHours(1000)}`),
    });
    expect(res.status).toBe(200);
    expect(res.body.needs.filled).toBeGreaterThanOrEqual(4);
    const eve = res.body.people.find((p) => p.employeeId === people.eve.id);
    expect(eve?.hours).toBeGreaterThanOrEqual(8);
    const ben = res.body.people.find((p) => p.employeeId === people.ben.id);
    expect(ben?.refused).toBeGreaterThanOrEqual(1);
    expect(res.body.minutesToFill.median).not.toBeNull();
    const xlsx = await staff.raw({
      url: api(`/reports/export.csv?from=${inHours(-1000)}&to=${inHours(1000)}`),
    });
    expect(xlsx.status).toBe(200);
  });

  it('applies an employee’s change of availability only from the week the deadline allows', async () => {
    const res = await people.ben.client.raw<{ effectiveFrom: string }>({
      method: 'PUT',
      url: api('/me/availability'),
      payload: { slots: ['mon:day'] },
    });
    expect(res.status).toBe(200);
    const days =
      (Date.parse(res.body.effectiveFrom) - Date.parse(new Date().toISOString().slice(0, 10))) / 86_400_000;
    expect(days).toBeGreaterThanOrEqual(2);
    expect(new Date(`${res.body.effectiveFrom}T12:00:00Z`).getUTCDay()).toBe(1);
    const me = await people.ben.client.raw<{
      availability: { coming: { slots: string[] } | null; inEffect: { slots: string[] } | null };
    }>({ url: api('/me') });
    expect(me.body.availability.coming?.slots).toEqual(['mon:day']);
    expect(me.body.availability.inEffect?.slots.length).toBe(21);
    expect(
      (
        await people.ben.client.raw({
          method: 'PUT',
          url: api('/me/availability'),
          payload: { slots: ['someday'] },
        })
      ).status,
    ).toBe(400);
  });
});
