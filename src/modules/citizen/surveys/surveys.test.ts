import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, signInAs } from '../../../../tests/support/factories.ts';
import { createTestContext, type TestContext } from '../../../../tests/support/harness.ts';
import { partnershipMembers, partnerships } from '../../../platform/orgs/schema.ts';
import { createTown, makeResident, staffOf } from '../test-support.ts';
import { checkAnswers, checkQuestions, type Question, visibleQuestions } from './questions.ts';
import { surveyParticipations, surveyResponses } from './schema.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

const bi = (fr: string, en = fr) => ({ fr, en });
const QUESTIONS: Question[] = [
  {
    key: 'park',
    type: 'single',
    label: bi('Fréquentez-vous le parc ?', 'Do you visit the park?'),
    required: true,
    options: [
      { key: 'yes', label: bi('Oui', 'Yes') },
      { key: 'no', label: bi('Non', 'No') },
    ],
  },
  {
    key: 'why_not',
    type: 'text',
    label: bi('Pourquoi pas ?', 'Why not?'),
    required: true,
    showIf: { question: 'park', anyOf: ['no'] },
  },
  {
    key: 'uses',
    type: 'multiple',
    label: bi('Usages', 'Uses'),
    required: false,
    options: [
      { key: 'walk', label: bi('Marche', 'Walk') },
      { key: 'play', label: bi('Jeux', 'Play') },
      { key: 'sport', label: bi('Sport', 'Sport') },
    ],
    showIf: { question: 'park', anyOf: ['yes'] },
  },
  { key: 'score', type: 'scale', label: bi('Satisfaction'), required: true, min: 1, max: 5 },
  { key: 'age', type: 'number', label: bi('Âge', 'Age'), required: false, min: 0, max: 120 },
  {
    key: 'priorities',
    type: 'ranking',
    label: bi('Priorités', 'Priorities'),
    required: false,
    options: [
      { key: 'lights', label: bi('Éclairage', 'Lighting') },
      { key: 'benches', label: bi('Bancs', 'Benches') },
    ],
  },
  { key: 'visit', type: 'date', label: bi('Dernière visite', 'Last visit'), required: false },
];

function surveyInput(overrides: Record<string, unknown> = {}) {
  return {
    title: bi('Parc riverain', 'Riverside park'),
    intro: bi('Votre avis compte.', 'Your opinion counts.'),
    questions: QUESTIONS,
    audience: 'residents',
    anonymous: true,
    opensAt: new Date(Date.now() - 3600_000).toISOString(),
    closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    ...overrides,
  };
}

async function openSurvey(orgId: string, overrides: Record<string, unknown> = {}) {
  const { client } = await staffOf(ctx, orgId, 'clerk');
  const created = await client.post<{ id: string }>(
    `/api/orgs/${orgId}/citizen/staff/surveys`,
    surveyInput(overrides),
  );
  expect(created.status).toBe(200);
  const pub = await client.post(`/api/orgs/${orgId}/citizen/staff/surveys/${created.body.id}/publication`, {
    what: 'survey',
    published: true,
  });
  expect(pub.status).toBe(200);
  return { staff: client, id: created.body.id };
}

async function resident(orgId: string) {
  const account = await createAccount(ctx.db);
  await makeResident(ctx.db, orgId, account.householdId);
  const client = ctx.client();
  await signInAs(ctx.db, client, account);
  return { account, client };
}

const ANSWER = {
  park: 'yes',
  uses: ['walk', 'play'],
  score: 4,
  age: 41,
  priorities: ['benches', 'lights'],
  visit: '2026-10-03',
};

describe('questionnaire rules (pure)', () => {
  it('accepts a valid questionnaire and refuses conditions pointing forward or to unknown options', () => {
    expect(checkQuestions(QUESTIONS)).toEqual([]);
    const bad: Question[] = [
      { key: 'a', type: 'text', label: bi('A'), required: false, showIf: { question: 'b', anyOf: ['x'] } },
      { key: 'b', type: 'single', label: bi('B'), required: false, options: [{ key: 'x', label: bi('X') }] },
    ];
    const codes = checkQuestions(bad).map((p) => p.code);
    expect(codes).toContain('survey.condition_invalid');
    expect(codes).toContain('survey.question_options_missing');
  });

  it('requires a conditional question only when it is shown, and drops answers to hidden ones', () => {
    expect(visibleQuestions(QUESTIONS, { park: 'yes' }).map((q) => q.key)).not.toContain('why_not');
    const missing = checkAnswers(QUESTIONS, { park: 'no', score: 3 });
    expect(missing.problems).toEqual([{ question: 'why_not', code: 'survey.answer_required' }]);
    const hidden = checkAnswers(QUESTIONS, { park: 'yes', score: 3, why_not: 'trop loin' });
    expect(hidden.problems).toEqual([]);
    expect(hidden.kept).not.toHaveProperty('why_not');
    const invalid = checkAnswers(QUESTIONS, { park: 'yes', score: 9, priorities: ['lights'] });
    expect(invalid.problems.map((p) => p.code).sort()).toEqual([
      'survey.answer_out_of_range',
      'survey.answer_ranking_invalid',
    ]);
  });
});

describe('surveys', () => {
  it('a resident answers once; results aggregate for staff, and for the public only once published', async () => {
    const town = await createTown(ctx.db, 'Sondage');
    const { staff, id } = await openSurvey(town.id);
    const a = await resident(town.id);
    const b = await resident(town.id);
    const list = await a.client.get<{ items: Array<{ id: string; eligible: boolean; answered: boolean }> }>(
      `/api/orgs/${town.id}/citizen/surveys`,
    );
    expect(list.body.items.find((s) => s.id === id)).toMatchObject({ eligible: true, answered: false });

    expect(
      (await a.client.put(`/api/orgs/${town.id}/citizen/surveys/${id}/my-response`, { answers: ANSWER }))
        .status,
    ).toBe(200);
    const again = await a.client.put<{ error: { code: string } }>(
      `/api/orgs/${town.id}/citizen/surveys/${id}/my-response`,
      {
        answers: ANSWER,
      },
    );
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('survey.already_answered');
    const bad = await b.client.put<{ error: { code: string; details: { problems: unknown[] } } }>(
      `/api/orgs/${town.id}/citizen/surveys/${id}/my-response`,
      { answers: { park: 'no', score: 2 } },
    );
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.problems).toEqual([
      { question: 'why_not', code: 'survey.answer_required' },
    ]);
    expect(
      (
        await b.client.put(`/api/orgs/${town.id}/citizen/surveys/${id}/my-response`, {
          answers: { park: 'no', why_not: 'Trop loin', score: 2 },
        })
      ).status,
    ).toBe(200);

    const results = await staff.get<{
      participants: number;
      questions: Array<{
        key: string;
        buckets: Array<{ key: string; count: number }>;
        texts?: string[];
        stats?: { mean: number };
      }>;
    }>(`/api/orgs/${town.id}/citizen/staff/surveys/${id}/results`);
    expect(results.body.participants).toBe(2);
    const park = results.body.questions.find((q) => q.key === 'park');
    expect(park?.buckets.map((x) => [x.key, x.count])).toEqual([
      ['yes', 1],
      ['no', 1],
    ]);
    expect(results.body.questions.find((q) => q.key === 'why_not')?.texts).toEqual(['Trop loin']);
    expect(results.body.questions.find((q) => q.key === 'score')?.stats?.mean).toBe(3);

    expect((await a.client.get(`/api/orgs/${town.id}/citizen/surveys/${id}/results`)).status).toBe(404);
    await staff.post(`/api/orgs/${town.id}/citizen/staff/surveys/${id}/publication`, {
      what: 'results',
      published: true,
    });
    const pub = await ctx
      .client()
      .get<{ questions: Array<{ key: string; texts?: string[]; answered: number }> }>(
        `/api/orgs/${town.id}/citizen/surveys/${id}/results`,
      );
    expect(pub.status).toBe(200);
    const text = pub.body.questions.find((q) => q.key === 'why_not');
    expect(text?.answered).toBe(1);
    expect(text?.texts).toBeUndefined();

    const csv = await staff.raw({
      method: 'GET',
      url: `/api/orgs/${town.id}/citizen/staff/surveys/${id}/results.csv`,
    });
    expect(csv.status).toBe(200);
    expect(csv.text).toContain('Fréquentez-vous le parc ?');
    expect(csv.text).toContain('benches > lights');
    const xlsx = await staff.app.inject({
      method: 'GET',
      url: `/api/orgs/${town.id}/citizen/staff/surveys/${id}/results.xlsx`,
      headers: { cookie: `__Host-civique_session=${staff.cookie('__Host-civique_session')}` },
    });
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]?.rowCount).toBe(3);
  });

  it('anonymous answers cannot be linked back to the person through the database', async () => {
    const town = await createTown(ctx.db, 'Anonyme');
    const { id } = await openSurvey(town.id);
    const people = [await resident(town.id), await resident(town.id), await resident(town.id)];
    for (const [i, p] of people.entries()) {
      const res = await p.client.put(`/api/orgs/${town.id}/citizen/surveys/${id}/my-response`, {
        answers: { park: 'yes', score: i + 1 },
      });
      expect(res.status).toBe(200);
    }
    const responses = await ctx.db.select().from(surveyResponses).where(eq(surveyResponses.surveyId, id));
    const taken = await ctx.db
      .select()
      .from(surveyParticipations)
      .where(eq(surveyParticipations.surveyId, id));
    expect(responses).toHaveLength(3);
    expect(taken.map((t) => t.accountId).sort()).toEqual(people.map((p) => p.account.id).sort());
    // No person, no time-ordered id (UUIDv4, not v7), and one day-only date shared by every row.
    for (const r of [...responses, ...taken]) {
      expect(r.id[14]).toBe('4');
      expect(r.createdAt.getUTCHours() * 60 + r.createdAt.getUTCMinutes() + r.createdAt.getUTCSeconds()).toBe(
        0,
      );
    }
    for (const r of responses) expect(r.accountId).toBeNull();
    expect(new Set([...responses, ...taken].map((r) => r.createdAt.toISOString())).size).toBe(1);
    // No column of the answers table holds any participant's account id or participation id.
    const text = JSON.stringify(responses);
    for (const p of people) expect(text).not.toContain(p.account.id);
    for (const t of taken) expect(text).not.toContain(t.id);
    // No idempotency record (which hashes the body per person) was written for the answers.
    const keys = await ctx.db.execute(
      sql`select count(*)::int as n from idempotency_keys where path like '%my-response%'`,
    );
    expect(Number((keys as unknown as { rows: Array<{ n: number }> }).rows?.[0]?.n ?? 0)).toBe(0);
  });

  it('concurrent submits of one person leave exactly one answer', async () => {
    const town = await createTown(ctx.db, 'Concurrence');
    const { id } = await openSurvey(town.id);
    const p = await resident(town.id);
    await p.client.refreshCsrf();
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        p.client.put(`/api/orgs/${town.id}/citizen/surveys/${id}/my-response`, {
          answers: { park: 'yes', score: 5 },
        }),
      ),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(5);
    const rows = await ctx.db.select().from(surveyResponses).where(eq(surveyResponses.surveyId, id));
    expect(rows).toHaveLength(1);
  });

  it('audiences: residents only, partner towns, and a postal-code segment', async () => {
    const town = await createTown(ctx.db, 'Public');
    const partner = await createTown(ctx.db, 'Partenaire');
    const [ship] = await ctx.db
      .insert(partnerships)
      .values({ nameFr: 'P', nameEn: 'P', scope: 'recreation' })
      .returning();
    if (!ship) throw new Error('partnership');
    await ctx.db.insert(partnershipMembers).values([
      { partnershipId: ship.id, orgId: town.id },
      { partnershipId: ship.id, orgId: partner.id },
    ]);
    const residentsOnly = await openSurvey(town.id);
    const partners = await openSurvey(town.id, { audience: 'partners' });
    const segment = await openSurvey(town.id, { audience: 'segment', segmentPostalPrefixes: ['J6E'] });
    const outsider = await resident(partner.id);
    const answer = (s: { id: string }) =>
      outsider.client.put<{ error: { code: string } }>(
        `/api/orgs/${town.id}/citizen/surveys/${s.id}/my-response`,
        {
          answers: { park: 'yes', score: 3 },
        },
      );
    const refused = await answer(residentsOnly);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('survey.not_in_audience');
    expect((await answer(partners)).status).toBe(200);
    expect((await answer(segment)).status).toBe(403);
    const local = await resident(town.id);
    expect(
      (
        await local.client.put(`/api/orgs/${town.id}/citizen/surveys/${segment.id}/my-response`, {
          answers: { park: 'yes', score: 3 },
        })
      ).status,
    ).toBe(403);
  });

  it('drafts, closed surveys and locked questionnaires', async () => {
    const town = await createTown(ctx.db, 'Brouillon');
    const { client: staff } = await staffOf(ctx, town.id, 'clerk');
    const draft = await staff.post<{ id: string }>(
      `/api/orgs/${town.id}/citizen/staff/surveys`,
      surveyInput(),
    );
    const p = await resident(town.id);
    expect((await p.client.get(`/api/orgs/${town.id}/citizen/surveys/${draft.body.id}`)).status).toBe(404);
    const closed = await openSurvey(town.id, {
      opensAt: new Date(Date.now() - 7 * 86_400_000).toISOString(),
      closesAt: new Date(Date.now() - 86_400_000).toISOString(),
    });
    const late = await p.client.put<{ error: { code: string } }>(
      `/api/orgs/${town.id}/citizen/surveys/${closed.id}/my-response`,
      {
        answers: { park: 'yes', score: 3 },
      },
    );
    expect(late.body.error.code).toBe('survey.not_open');
    const open = await openSurvey(town.id);
    await p.client.put(`/api/orgs/${town.id}/citizen/surveys/${open.id}/my-response`, {
      answers: { park: 'yes', score: 3 },
    });
    const changed = await open.staff.put<{ error: { code: string } }>(
      `/api/orgs/${town.id}/citizen/staff/surveys/${open.id}`,
      {
        ...surveyInput(),
        anonymous: false,
      },
    );
    expect(changed.status).toBe(409);
    expect(changed.body.error.code).toBe('survey.locked');
    const retitled = await open.staff.put(`/api/orgs/${town.id}/citizen/staff/surveys/${open.id}`, {
      ...surveyInput(),
      title: bi('Nouveau titre', 'New title'),
    });
    expect(retitled.status).toBe(200);
  });

  it('another town’s staff cannot read or change this town’s surveys, and citizens cannot use staff routes', async () => {
    const town = await createTown(ctx.db, 'Ici');
    const other = await createTown(ctx.db, 'Ailleurs');
    const { id } = await openSurvey(town.id);
    const { client: foreign } = await staffOf(ctx, other.id, 'clerk');
    expect((await foreign.get(`/api/orgs/${town.id}/citizen/staff/surveys/${id}/results`)).status).toBe(403);
    expect((await foreign.get(`/api/orgs/${other.id}/citizen/staff/surveys/${id}/results`)).status).toBe(404);
    expect(
      (await foreign.put(`/api/orgs/${other.id}/citizen/staff/surveys/${id}`, surveyInput())).status,
    ).toBe(404);
    expect(
      (
        await foreign.post(`/api/orgs/${other.id}/citizen/staff/surveys/${id}/publication`, {
          what: 'results',
          published: true,
        })
      ).status,
    ).toBe(404);
    const citizen = await resident(town.id);
    expect(
      (await citizen.client.get(`/api/orgs/${town.id}/citizen/staff/surveys/${id}/results`)).status,
    ).toBe(403);
    expect(
      (await citizen.client.get(`/api/orgs/${town.id}/citizen/staff/surveys/${id}/results.csv`)).status,
    ).toBe(403);
  });
});
