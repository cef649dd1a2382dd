import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../../tests/support/client.ts';
import { createAccount, createOrg, signInAs } from '../../../tests/support/factories.ts';
import { createTestContext, type TestContext } from '../../../tests/support/harness.ts';
import { jobPostingJsonLd } from './employers/job-posting.ts';
import { ensureShippedNoc } from './noc/load-noc.ts';

let ctx: TestContext;
let mrc: string;
let otherMrc: string;
let town: string;
let staff: TestClient;
let otherStaff: TestClient;
let employer: TestClient;
let rival: TestClient;
let cand: TestClient;
let otherCand: TestClient;
let companyId: string;
let rivalCompanyId: string;
let offerId: string;
let offerRef: string;
let matchId: string;

const api = (p: string) => `/api/orgs/${mrc}/attraction${p}`;
const company = (name: string) => ({
  name,
  naicsCode: '311515',
  sectorFr: 'Fromage',
  sectorEn: 'Cheese',
  municipalityOrgId: town,
  address: '1 rue Principale',
  latitude: null,
  longitude: null,
  size: '10-49',
  descriptionFr: 'Fromagerie',
  descriptionEn: 'Cheese maker',
  benefitsFr: '',
  benefitsEn: '',
  website: null,
  housingHelp: true,
  relocationHelp: false,
  directoryListed: true,
});
const offer = {
  title: 'Opérateur de production',
  nocCode: '94140',
  description: 'Production de fromages fins dans une équipe accueillante.',
  requirements: 'HACCP',
  skills: ['HACCP', 'pasteurisation'],
  wageMinCents: 2200,
  wageMaxCents: 2500,
  wageUnit: 'hour',
  hoursPerWeek: 40,
  permanence: 'permanent',
  startDate: '2027-01-10',
  municipalityOrgId: '',
  frenchMinNclc: 5,
  englishMinClb: null,
  housingHelp: true,
  relocationHelp: false,
  spouseJobHelp: false,
  permitSupport: true,
};
const profile = (over: Record<string, unknown> = {}) => ({
  headline: 'Opératrice laitière',
  summary: 'Six ans en laiterie.',
  originCountry: 'SN',
  currentCountry: 'SN',
  experience: [{ title: 'Opératrice', employer: 'Laiterie X', nocCode: '94140', years: 6 }],
  education: [{ level: 'vocational', field: 'Transformation alimentaire' }],
  skills: ['HACCP', 'pasteurisation'],
  frenchNclc: 9,
  englishClb: 5,
  otherLanguages: [],
  desiredNocCodes: ['94140'],
  desiredMunicipalityIds: [town],
  availableFrom: '2027-01-01',
  permitSituation: 'needs_permit',
  family: { spouseJob: true, schoolChildren: 1, daycareChildren: 0, housing: true, relocation: false },
  cvFileId: null,
  digestFrequency: 'weekly',
  ...over,
});

beforeAll(async () => {
  ctx = await createTestContext();
  await ensureShippedNoc(ctx.db);
  mrc = (await createOrg(ctx.db, { kind: 'mrc', geoCode: String(100 + Math.floor(Math.random() * 800)) })).id;
  otherMrc = (
    await createOrg(ctx.db, { kind: 'mrc', geoCode: String(100 + Math.floor(Math.random() * 800)) })
  ).id;
  town = (await createOrg(ctx.db, { mrcId: mrc })).id;
  offer.municipalityOrgId = town;
  const mk = async (roles: Array<{ orgId: string; role: 'attraction' }> = []) => {
    const c = ctx.client();
    await signInAs(ctx.db, c, await createAccount(ctx.db, { roles }));
    return c;
  };
  staff = await mk([{ orgId: mrc, role: 'attraction' }]);
  otherStaff = await mk([{ orgId: otherMrc, role: 'attraction' }]);
  employer = await mk();
  rival = await mk();
  cand = await mk();
  otherCand = await mk();
}, 60_000);
afterAll(async () => ctx?.close());

describe('job portal', () => {
  it('searches NOC 2021 by French or English title, accents ignored', async () => {
    const fr = await cand.get<{ items: Array<{ code: string; teer: number }> }>(
      '/api/attraction/noc?q=prepose',
    );
    expect(fr.body.items.map((i) => i.code)).toContain('33102');
    const en = await cand.get<{ items: Array<{ code: string; teer: number }> }>(
      '/api/attraction/noc?q=cheese%20OR&level=5',
    );
    expect(en.status).toBe(200);
    const cooks = await cand.get<{ items: Array<{ code: string; teer: number }> }>(
      '/api/attraction/noc?q=cooks',
    );
    expect(cooks.body.items.find((i) => i.code === '63200')?.teer).toBe(3);
  });

  it('lets an employer register a company, write an offer, and MRC staff moderate it', async () => {
    const c = await employer.post<{ id: string; status: string }>(
      api('/companies'),
      company('Fromagerie Test'),
    );
    expect(c.status).toBe(201);
    companyId = c.body.id;
    rivalCompanyId = (await rival.post<{ id: string }>(api('/companies'), company('Concurrent'))).body.id;
    const o = await employer.post<{ id: string; reference: string; teer: number; status: string }>(
      api(`/companies/${companyId}/offers`),
      offer,
    );
    expect(o.status).toBe(201);
    expect(o.body.teer).toBe(4);
    offerId = o.body.id;
    offerRef = o.body.reference;
    expect((await employer.post(api(`/companies/${companyId}/offers/${offerId}/submit`))).status).toBe(422);
    // Another MRC's staff cannot approve this company; this MRC's staff can.
    expect(
      (
        await otherStaff.post(`/api/orgs/${mrc}/attraction/staff/companies/${companyId}/moderate`, {
          decision: 'approve',
        })
      ).status,
    ).toBe(403);
    expect(
      (await staff.post(api(`/staff/companies/${companyId}/moderate`), { decision: 'approve' })).status,
    ).toBe(200);
    expect((await employer.post(api(`/companies/${companyId}/offers/${offerId}/submit`))).status).toBe(200);
    const queue = await staff.get<{ offers: Array<{ id: string }> }>(api('/staff/moderation'));
    expect(queue.body.offers.map((x) => x.id)).toContain(offerId);
    expect((await staff.post(api(`/staff/offers/${offerId}/moderate`), { decision: 'reject' })).status).toBe(
      422,
    );
    const pub = await staff.post<{ status: string; expiresAt: string }>(
      api(`/staff/offers/${offerId}/moderate`),
      { decision: 'publish' },
    );
    expect(pub.body.status).toBe('published');
    expect(pub.body.expiresAt).not.toBeNull();
    expect((await staff.post(api(`/staff/offers/${offerId}/moderate`), { decision: 'publish' })).status).toBe(
      409,
    );
  });

  it('keeps drafts and candidates of a company away from other companies and other MRCs', async () => {
    const draft = await employer.post<{ id: string }>(api(`/companies/${companyId}/offers`), {
      ...offer,
      title: 'Brouillon secret',
    });
    expect((await rival.get(api(`/companies/${companyId}/offers`))).status).toBe(404);
    expect((await rival.get(api(`/companies/${companyId}/offers/${offerId}/matches`))).status).toBe(404);
    expect((await rival.get(api(`/companies/${rivalCompanyId}/offers/${offerId}/matches`))).status).toBe(404);
    expect((await rival.put(api(`/companies/${rivalCompanyId}/offers/${draft.body.id}`), offer)).status).toBe(
      404,
    );
    const publicList = await cand.get<{ items: Array<{ title: string }> }>(api('/offers'));
    expect(publicList.body.items.map((i) => i.title)).not.toContain('Brouillon secret');
    expect(
      (await cand.get<{ items: unknown[] }>(`/api/orgs/${otherMrc}/attraction/offers`)).body.items,
    ).toHaveLength(0);
  });

  it('keeps a profile private until matching is turned on with consent', async () => {
    const saved = await cand.put<{ matchingEnabled: boolean }>(api('/candidate/profile'), profile());
    expect(saved.status).toBe(200);
    expect(saved.body.matchingEnabled).toBe(false);
    const none = await employer.get<{ items: unknown[] }>(
      api(`/companies/${companyId}/offers/${offerId}/matches`),
    );
    expect(none.body.items).toHaveLength(0);
    expect((await cand.post(api('/candidate/matching'), { enabled: true })).status).toBe(422);
    const on = await cand.post<{ matchingEnabled: boolean }>(api('/candidate/matching'), {
      enabled: true,
      consentVersion: '2026-01',
    });
    expect(on.body.matchingEnabled).toBe(true);
    expect(
      (await otherCand.put(api('/candidate/profile'), profile({ desiredNocCodes: ['99999'] }))).status,
    ).toBe(422);
  });

  it('shows employers an anonymous profile, the name after the candidate agrees, contact only when mutual', async () => {
    const list = await employer.get<{
      items: Array<Record<string, unknown> & { matchId: string; reasons: Array<{ text: string }> }>;
    }>(api(`/companies/${companyId}/offers/${offerId}/matches`));
    expect(list.body.items).toHaveLength(1);
    const anon = list.body.items[0];
    if (!anon) throw new Error('no match');
    matchId = anon.matchId;
    const text = JSON.stringify(anon);
    expect(anon.named).toBeNull();
    expect(anon.contact).toBeNull();
    expect(text).not.toContain('Laiterie X');
    expect(text).not.toContain('@example.test');
    expect(text).not.toContain('Person');
    expect(anon.reasons.length).toBeGreaterThan(0);
    expect((await employer.get(api(`/matches/${matchId}/thread`))).status).toBe(403);
    expect((await employer.post(api(`/matches/${matchId}/messages`), { body: 'Bonjour' })).status).toBe(403);
    // Another candidate cannot act on this match or read it.
    expect(
      (await otherCand.post(api(`/candidate/matches/${matchId}/interest`), { interested: true })).status,
    ).toBe(404);
    expect((await otherCand.get(api(`/matches/${matchId}/thread`))).status).toBe(404);
    // The employer says yes first: still anonymous.
    const e = await employer.post<{ mutual: boolean }>(
      api(`/companies/${companyId}/matches/${matchId}/interest`),
      { interested: true },
    );
    expect(e.body.mutual).toBe(false);
    expect(
      (
        await rival.post(api(`/companies/${rivalCompanyId}/matches/${matchId}/interest`), {
          interested: true,
        })
      ).status,
    ).toBe(404);
    const still = await employer.get<{ items: Array<{ named: unknown; contact: unknown }> }>(
      api(`/companies/${companyId}/offers/${offerId}/matches`),
    );
    expect(still.body.items[0]?.named).toBeNull();
    // The candidate sees the offer with reasons and says yes: mutual.
    const mine = await cand.get<{
      items: Array<{ matchId: string; employerInterested: boolean; reasons: unknown[] }>;
    }>(api('/candidate/matches'));
    expect(mine.body.items[0]?.matchId).toBe(matchId);
    expect(mine.body.items[0]?.employerInterested).toBe(true);
    const c = await cand.post<{ mutual: boolean }>(api(`/candidate/matches/${matchId}/interest`), {
      interested: true,
    });
    expect(c.body.mutual).toBe(true);
    const open = await employer.get<{
      items: Array<{ named: { name: string } | null; contact: { email: string } | null }>;
    }>(api(`/companies/${companyId}/offers/${offerId}/matches`));
    expect(open.body.items[0]?.named?.name).toMatch(/Test Person/);
    expect(open.body.items[0]?.contact?.email).toMatch(/@example.test$/);
  });

  it('opens a message thread inside Civique once interest is mutual', async () => {
    expect(
      (
        await employer.post(api(`/matches/${matchId}/messages`), {
          body: 'Bonjour, êtes-vous disponible jeudi ?',
        })
      ).status,
    ).toBe(201);
    expect(
      (await cand.post(api(`/matches/${matchId}/messages`), { body: 'Oui, avec plaisir.' })).status,
    ).toBe(201);
    const thread = await cand.get<{ messages: Array<{ body: string; mine: boolean }> }>(
      api(`/matches/${matchId}/thread`),
    );
    expect(thread.body.messages.map((m) => [m.body, m.mine])).toEqual([
      ['Bonjour, êtes-vous disponible jeudi ?', false],
      ['Oui, avec plaisir.', true],
    ]);
    expect((await rival.get(api(`/matches/${matchId}/thread`))).status).toBe(404);
    expect((await employer.post(api(`/matches/${matchId}/hired`))).status).toBe(200);
  });

  it('serves the public offer page as HTML with a complete JobPosting JSON-LD, and no draft', async () => {
    const path =
      (
        await cand.get<{ items: Array<{ publicUrl: string }> }>(api('/offers'))
      ).body.items[0]?.publicUrl.split('/emplois/')[1] ?? '';
    const res = await ctx.app.inject({ method: 'GET', url: `/emplois/${path}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.body).toContain('<h1>Opérateur de production</h1>');
    const ld = JSON.parse(
      /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(res.body)?.[1] ?? '{}',
    );
    for (const key of ['title', 'description', 'datePosted', 'hiringOrganization', 'jobLocation'])
      expect(ld).toHaveProperty(key);
    for (const key of ['validThrough', 'employmentType', 'baseSalary', 'identifier'])
      expect(ld).toHaveProperty(key);
    expect(ld['@type']).toBe('JobPosting');
    expect(ld.jobLocation.address.addressCountry).toBe('CA');
    expect(ld.baseSalary.value).toMatchObject({ minValue: 22, maxValue: 25, unitText: 'HOUR' });
    expect(offerRef).toMatch(/^TST-/);
    const slug = path.split('/')[0];
    const draftRef = (
      await employer.get<{ items: Array<{ status: string; reference: string }> }>(
        api(`/companies/${companyId}/offers`),
      )
    ).body.items.find((o) => o.status === 'draft')?.reference;
    expect(draftRef).toBeDefined();
    const draft = await ctx.app.inject({ method: 'GET', url: `/emplois/${slug}/${draftRef}` });
    expect(draft.statusCode).toBe(404);
    const list = await ctx.app.inject({ method: 'GET', url: `/emplois/${slug}?lang=en` });
    expect(list.body).toContain('Job offers');
    expect(list.body).toContain(offerRef);
    expect(list.body).not.toContain(draftRef);
  });

  it('escapes text that would close the JSON-LD script', () => {
    const ld = jobPostingJsonLd({
      reference: 'R',
      title: '</script><b>x',
      description: 'd',
      requirements: '',
      nocCode: '94140',
      nocTitleFr: 't',
      wageMinCents: null,
      wageMaxCents: null,
      wageUnit: 'hour',
      hoursPerWeek: 20,
      permanence: 'seasonal',
      startDate: null,
      publishedAt: '2026-11-01T00:00:00Z',
      expiresAt: null,
      municipality: 'M',
      companyName: 'C',
      companyWebsite: null,
      url: 'u',
      frenchMinNclc: null,
      englishMinClb: null,
    });
    expect(ld.employmentType).toEqual(['PART_TIME', 'TEMPORARY']);
  });

  it('gives MRC staff statistics, and nothing to another MRC’s staff', async () => {
    const s = await staff.get<{
      totals: Record<string, number>;
      candidatesByOrigin: Array<{ key: string; count: number }>;
    }>(api('/staff/stats'));
    expect(s.status).toBe(200);
    expect(s.body.totals.mutualInterests).toBe(1);
    expect(s.body.totals.hiresReported).toBe(1);
    expect(s.body.candidatesByOrigin).toContainEqual(expect.objectContaining({ key: 'SN', count: 1 }));
    expect((await otherStaff.get(api('/staff/stats'))).status).toBe(403);
    expect((await employer.get(api('/staff/moderation'))).status).toBe(403);
    const csv = await staff.raw({ method: 'GET', url: api('/staff/stats.csv') });
    expect(String(csv.body)).toContain('mutualInterests');
  });

  it('exports and deletes the candidate’s own data', async () => {
    const data = await cand.get<{ matches: Array<{ messages: unknown[] }> }>(api('/candidate/export'));
    expect(data.body.matches[0]?.messages).toHaveLength(2);
    expect((await cand.delete(api('/candidate/profile'))).status).toBe(200);
    const after = await employer.get<{ items: unknown[] }>(
      api(`/companies/${companyId}/offers/${offerId}/matches`),
    );
    expect(after.body.items).toHaveLength(0);
  });
});
