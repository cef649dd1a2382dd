import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../../tests/support/client.ts';
import { createAccount, createOrg, signInAs, type TestAccount } from '../../../tests/support/factories.ts';
import { createTestContext, type TestContext } from '../../../tests/support/harness.ts';
import { multipartForm } from '../../../tests/support/uploads.ts';
import { emailMessages } from '../../platform/notify/schema.ts';
import { expireOffers } from './employers/expire-offers.ts';
import { jobOffers } from './employers/schema.ts';
import { recomputeAll } from './matching/recompute.ts';
import { jobMatches } from './matching/schema.ts';
import { sendDigests } from './matching/send-digests.ts';
import { ensureShippedNoc, loadOfficialNoc, parseOfficialNoc } from './noc/load-noc.ts';
import { nocClasses } from './noc/schema.ts';

let ctx: TestContext;
let mrc: string;
let town: string;
let staff: TestClient;
let owner: TestClient;
let ownerAccount: TestAccount;
let companyId: string;
const cands: Array<{ client: TestClient; account: TestAccount }> = [];
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

const api = (p: string) => `/api/orgs/${mrc}/attraction${p}`;
const offerBody = (title: string) => ({
  title,
  nocCode: '33102',
  description: 'Soins aux personnes âgées dans une résidence chaleureuse.',
  requirements: '',
  skills: ['RCR'],
  wageMinCents: 2300,
  wageMaxCents: null,
  wageUnit: 'hour',
  hoursPerWeek: 36,
  permanence: 'permanent',
  startDate: null,
  municipalityOrgId: town,
  frenchMinNclc: 5,
  englishMinClb: null,
  housingHelp: false,
  relocationHelp: false,
  spouseJobHelp: false,
  permitSupport: true,
});
const profile = () => ({
  headline: 'Préposée',
  summary: '',
  originCountry: 'MX',
  currentCountry: 'CA',
  experience: [],
  education: [{ level: 'secondary', field: '' }],
  skills: ['RCR'],
  frenchNclc: 7,
  englishClb: null,
  otherLanguages: [],
  desiredNocCodes: ['33102'],
  desiredMunicipalityIds: [],
  availableFrom: null,
  permitSituation: 'open_permit',
  family: { spouseJob: false, schoolChildren: 0, daycareChildren: 0, housing: false, relocation: false },
  cvFileId: null,
  digestFrequency: 'daily',
});

async function publish(title: string): Promise<string> {
  const o = await owner.post<{ id: string; wageMaxCents: number | null; startDate: string | null }>(
    api(`/companies/${companyId}/offers`),
    offerBody(title),
  );
  expect(o.status, JSON.stringify(o.body)).toBe(201);
  // Nulls stay nulls (no coercion to 0 or "").
  expect(o.body.wageMaxCents).toBeNull();
  expect(o.body.startDate).toBeNull();
  expect((await owner.post(api(`/companies/${companyId}/offers/${o.body.id}/submit`))).status).toBe(200);
  const p = await staff.post(api(`/staff/offers/${o.body.id}/moderate`), { decision: 'publish' });
  expect(p.status, JSON.stringify(p.body)).toBe(200);
  return o.body.id;
}

beforeAll(async () => {
  ctx = await createTestContext();
  await ensureShippedNoc(ctx.db);
  mrc = (await createOrg(ctx.db, { kind: 'mrc', geoCode: String(100 + Math.floor(Math.random() * 800)) })).id;
  town = (await createOrg(ctx.db, { mrcId: mrc })).id;
  staff = ctx.client();
  await signInAs(ctx.db, staff, await createAccount(ctx.db, { roles: [{ orgId: mrc, role: 'attraction' }] }));
  owner = ctx.client();
  ownerAccount = await createAccount(ctx.db);
  await signInAs(ctx.db, owner, ownerAccount);
  const c = await owner.post<{ id: string }>(api('/companies'), {
    name: 'Résidence Test',
    naicsCode: '623310',
    sectorFr: '',
    sectorEn: '',
    municipalityOrgId: town,
    address: '',
    latitude: null,
    longitude: null,
    size: '50-199',
    descriptionFr: '',
    descriptionEn: '',
    benefitsFr: '',
    benefitsEn: '',
    website: null,
    housingHelp: false,
    relocationHelp: false,
    directoryListed: true,
  });
  companyId = c.body.id;
  await staff.post(api(`/staff/companies/${companyId}/moderate`), { decision: 'approve' });
  for (let i = 0; i < 3; i++) {
    const client = ctx.client();
    const account = await createAccount(ctx.db);
    await signInAs(ctx.db, client, account);
    await client.put(api('/candidate/profile'), profile());
    await client.post(api('/candidate/matching'), { enabled: true, consentVersion: '2026-01' });
    cands.push({ client, account });
  }
}, 60_000);
afterAll(async () => ctx?.close());

describe('job portal workflows', () => {
  it('invites a second member who then sees the company, once', async () => {
    const recruiter = ctx.client();
    const account = await createAccount(ctx.db);
    await signInAs(ctx.db, recruiter, account);
    expect((await recruiter.get(api(`/companies/${companyId}`))).status).toBe(404);
    expect(
      (
        await owner.post(api(`/companies/${companyId}/invitations`), {
          email: account.email,
          role: 'recruiter',
        })
      ).status,
    ).toBe(200);
    const [mail] = await ctx.db
      .select()
      .from(emailMessages)
      .where(eq(emailMessages.toAddress, account.email));
    const token = /token=([A-Za-z0-9_-]+)/.exec(mail?.textBody ?? '')?.[1] ?? '';
    expect(token).not.toBe('');
    // Someone else cannot use the link.
    expect((await cands[0]?.client.post(api('/invitations/accept'), { token }))?.status).toBe(422);
    expect((await recruiter.post(api('/invitations/accept'), { token })).status).toBe(200);
    expect((await recruiter.post(api('/invitations/accept'), { token })).status).toBe(422);
    const co = await recruiter.get<{ myRole: string; members: unknown[] }>(api(`/companies/${companyId}`));
    expect(co.body.myRole).toBe('recruiter');
    expect(co.body.members).toHaveLength(2);
    expect(
      (
        await recruiter.post(api(`/companies/${companyId}/invitations`), {
          email: 'x@example.test',
          role: 'owner',
        })
      ).status,
    ).toBe(403);
  });

  it('makes one mutual match, announced once, when both sides say yes at the same time', async () => {
    const offerId = await publish('Préposé de nuit');
    const [m] = await ctx.db
      .select()
      .from(jobMatches)
      .where(
        and(
          eq(jobMatches.orgId, mrc),
          eq(jobMatches.offerId, offerId),
          eq(
            jobMatches.candidateId,
            (await cands[0]?.client.get<{ profile: { id: string } }>(api('/candidate/profile')))?.body.profile
              .id ?? '',
          ),
        ),
      );
    expect(m).toBeDefined();
    const before = await ctx.db
      .select()
      .from(emailMessages)
      .where(eq(emailMessages.template, 'attraction.mutual_interest'));
    const [a, b] = await Promise.all([
      cands[0]?.client.post<{ mutual: boolean }>(api(`/candidate/matches/${m?.id}/interest`), {
        interested: true,
      }),
      owner.post<{ mutual: boolean }>(api(`/companies/${companyId}/matches/${m?.id}/interest`), {
        interested: true,
      }),
    ]);
    expect(a?.status).toBe(200);
    expect(b?.status).toBe(200);
    const [row] = await ctx.db
      .select()
      .from(jobMatches)
      .where(eq(jobMatches.id, m?.id ?? ''));
    expect(row?.mutualAt).not.toBeNull();
    const after = await ctx.db
      .select()
      .from(emailMessages)
      .where(eq(emailMessages.template, 'attraction.mutual_interest'));
    // One e-mail to the candidate and one to the company's owner (the recruiter too): never twice each.
    const recipients = after.slice(before.length).map((e) => e.toAddress);
    expect(new Set(recipients).size).toBe(recipients.length);
    expect(recipients).toContain(ownerAccount.email);
  });

  it('sends one digest per person for several new matches, then nothing new', async () => {
    await publish('Préposé de jour');
    await publish('Préposé de soir');
    const emails = cands.map((c) => c.account.email);
    const r1 = await sendDigests({ db: ctx.db, jobs: ctx.jobs, publicUrl: 'http://test', orgId: mrc });
    expect(r1.sent).toBeGreaterThanOrEqual(cands.length);
    const digests = await ctx.db
      .select()
      .from(emailMessages)
      .where(
        and(eq(emailMessages.template, 'attraction.match_digest'), inArray(emailMessages.toAddress, emails)),
      );
    expect(digests).toHaveLength(cands.length);
    expect(digests[0]?.textBody).toContain('Préposé de jour');
    const r2 = await sendDigests({ db: ctx.db, jobs: ctx.jobs, publicUrl: 'http://test', orgId: mrc });
    expect(r2.sent).toBe(0);
  });

  it('expires offers past their date and drops the matches nobody acted on', async () => {
    const offerId = await publish('Offre courte');
    expect((await ctx.db.select().from(jobMatches).where(eq(jobMatches.offerId, offerId))).length).toBe(
      cands.length,
    );
    await ctx.db
      .update(jobOffers)
      .set({ expiresAt: sql`now() - interval '1 minute'` })
      .where(eq(jobOffers.id, offerId));
    const { expired } = await expireOffers({ db: ctx.db });
    expect(expired).toBeGreaterThanOrEqual(1);
    await recomputeAll(ctx.db, mrc);
    expect(await ctx.db.select().from(jobMatches).where(eq(jobMatches.offerId, offerId))).toHaveLength(0);
    expect(
      (await cands[1]?.client.get<{ items: Array<{ title: string }> }>(api('/offers')))?.body.items.map(
        (i) => i.title,
      ),
    ).not.toContain('Offre courte');
  });

  it('accepts a PDF CV, refuses other types, and lets only a consented company download it', async () => {
    const c = cands[2];
    if (!c) throw new Error('no candidate');
    const bad = await multipartForm({ purpose: 'attraction.cv' }, [
      { name: 'cv.png', type: 'image/png', content: PDF },
    ]);
    expect(
      (
        await c.client.raw({
          method: 'POST',
          url: `/api/files/${mrc}`,
          payload: bad.payload,
          headers: bad.headers,
        })
      ).status,
    ).toBe(415);
    const good = await multipartForm({ purpose: 'attraction.cv' }, [
      { name: 'cv.pdf', type: 'application/pdf', content: PDF },
    ]);
    const up = await c.client.raw<{ id: string }>({
      method: 'POST',
      url: `/api/files/${mrc}`,
      payload: good.payload,
      headers: good.headers,
    });
    expect(up.status).toBe(201);
    const saved = await c.client.put<{ cv: { id: string } | null }>(api('/candidate/profile'), {
      ...profile(),
      cvFileId: up.body.id,
    });
    expect(saved.body.cv?.id).toBe(up.body.id);
    // Another candidate cannot attach it.
    expect(
      (await cands[1]?.client.put(api('/candidate/profile'), { ...profile(), cvFileId: up.body.id }))?.status,
    ).toBe(422);
    expect((await owner.get(`/api/files/${mrc}/${up.body.id}/link`)).status).toBe(403);
    const [m] = await ctx.db
      .select()
      .from(jobMatches)
      .where(
        and(
          eq(jobMatches.orgId, mrc),
          eq(
            jobMatches.candidateId,
            (await c.client.get<{ profile: { id: string } }>(api('/candidate/profile'))).body.profile.id,
          ),
        ),
      )
      .limit(1);
    await c.client.post(api(`/candidate/matches/${m?.id}/interest`), { interested: true });
    expect((await owner.get(`/api/files/${mrc}/${up.body.id}/link`)).status).toBe(200);
  });

  it('loads the official NOC file (codes as strings) over the shipped titles', async () => {
    const csv = [
      'Level,Hierarchical structure,Code - NOC 2021 V1.0,Class title,Class definition',
      '1,Broad occupational category,0,Legislative and senior management occupations,"This category comprises legislators and senior management occupations."',
      '5,Unit group,00010,Legislators,"Legislators participate in the activities of a legislative body."',
      '5,Unit group,33102,"Nurse aides, orderlies and patient service associates",Def',
    ].join('\n');
    expect(parseOfficialNoc(csv).map((r) => r.code)).toEqual(['0', '00010', '33102']);
    expect(await loadOfficialNoc(ctx.db, csv, 'en')).toBe(3);
    const [row] = await ctx.db.select().from(nocClasses).where(eq(nocClasses.code, '00010'));
    expect(row).toMatchObject({ level: 5, titleEn: 'Legislators', source: 'statcan' });
    const [kept] = await ctx.db.select().from(nocClasses).where(eq(nocClasses.code, '33102'));
    expect(kept?.titleFr).toMatch(/^Aides-infirmiers/);
  });
});
