import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, signInAs } from '../../../tests/support/factories.ts';
import { createTestContext, type TestContext } from '../../../tests/support/harness.ts';
import { loadAuthContext, sessionIdOf } from '../auth/context.ts';
import type { AppError } from '../http/errors.ts';
import { assertCanActFor } from './act-for.ts';
import { isPlausibleBirthDate, todayInQuebec } from './birth-date.ts';
import { persons } from './schema.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());

interface Member {
  id: string;
  role: string;
  givenName: string;
  familyName: string;
  birthDate: string | null;
  isSelf: boolean;
}
type ErrorBody = { error: { code: string; message: string; details?: { fields: Array<{ field: string }> } } };

async function citizen(locale: 'fr' | 'en' = 'fr') {
  const account = await createAccount(ctx.db, { locale });
  const client = ctx.client({ locale });
  await signInAs(ctx.db, client, account);
  return { account, client };
}

describe('birth dates', () => {
  it('accepts past dates up to 120 years back and refuses today, the future and impossible days', () => {
    expect(isPlausibleBirthDate('2015-06-01', '2026-03-10')).toBe(true);
    expect(isPlausibleBirthDate('1906-03-10', '2026-03-10')).toBe(true);
    expect(isPlausibleBirthDate('1906-03-09', '2026-03-10')).toBe(false);
    expect(isPlausibleBirthDate('2026-03-10', '2026-03-10')).toBe(false);
    expect(isPlausibleBirthDate('2026-03-11', '2026-03-10')).toBe(false);
    expect(isPlausibleBirthDate('2023-02-29', '2026-03-10')).toBe(false);
    expect(isPlausibleBirthDate('2024-02-29', '2026-03-10')).toBe(true);
  });

  it('counts days in Quebec time, not UTC', () => {
    // 02:30 UTC on 1 July is still 30 June in Montréal (UTC-4).
    expect(todayInQuebec(new Date('2026-07-01T02:30:00Z'))).toBe('2026-06-30');
  });
});

describe('profile', () => {
  it('needs a session', async () => {
    expect((await ctx.client().get('/api/me/profile')).status).toBe(401);
    expect((await ctx.client().get('/api/me/household')).status).toBe(401);
  });

  it('reads and updates the profile, and the household entry follows the names', async () => {
    const { account, client } = await citizen();
    const before = await client.get<{ id: string; email: string; locale: string }>('/api/me/profile');
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ id: account.id, email: account.email, locale: 'fr', phone: null });

    const updated = await client.patch('/api/me/profile', {
      givenName: ' Émilie ',
      familyName: 'Tremblay',
      phone: '+1 418 555-0199',
      locale: 'en',
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      givenName: 'Émilie',
      familyName: 'Tremblay',
      phone: '+1 418 555-0199',
      locale: 'en',
    });
    const household = await client.get<{ members: Member[] }>('/api/me/household');
    const self = household.body.members.find((m) => m.isSelf);
    expect(self).toMatchObject({ givenName: 'Émilie', familyName: 'Tremblay', role: 'guardian' });

    const cleared = await client.patch<{ phone: string | null }>('/api/me/profile', { phone: null });
    expect(cleared.body.phone).toBeNull();
  });

  it('refuses blank names, bad phones and unknown fields, per field', async () => {
    const { client } = await citizen();
    const blank = await client.patch<ErrorBody>('/api/me/profile', { givenName: '   ' });
    expect(blank.status).toBe(400);
    expect(blank.body.error.details?.fields.map((f) => f.field)).toContain('givenName');
    const phone = await client.patch<ErrorBody>('/api/me/profile', { phone: 'call me' });
    expect(phone.status).toBe(400);
    expect(phone.body.error.details?.fields.map((f) => f.field)).toContain('phone');
    const email = await client.patch<ErrorBody>('/api/me/profile', { email: 'new@example.test' });
    expect(email.status).toBe(400);
  });
});

describe('household', () => {
  it('lets a guardian add, change and remove a dependant', async () => {
    const { account, client } = await citizen();
    const added = await client.post<Member>('/api/me/household/dependants', {
      givenName: 'Léa',
      familyName: 'Gagnon',
      birthDate: '2016-04-12',
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      role: 'dependant',
      givenName: 'Léa',
      birthDate: '2016-04-12',
      isSelf: false,
    });

    const household = await client.get<{ householdId: string; members: Member[] }>('/api/me/household');
    expect(household.body.householdId).toBe(account.householdId);
    expect(household.body.members[0]).toMatchObject({ id: account.personId, isSelf: true });
    expect(household.body.members.map((m) => m.id)).toContain(added.body.id);

    const changed = await client.patch<Member>(`/api/me/household/dependants/${added.body.id}`, {
      givenName: 'Léanne',
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      givenName: 'Léanne',
      familyName: 'Gagnon',
      birthDate: '2016-04-12',
    });

    const removed = await client.delete(`/api/me/household/dependants/${added.body.id}`);
    expect(removed.status).toBe(204);
    const after = await client.get<{ members: Member[] }>('/api/me/household');
    expect(after.body.members.map((m) => m.id)).not.toContain(added.body.id);
  });

  it('refuses a birth date in the future or more than 120 years ago, naming the field', async () => {
    const { client } = await citizen('en');
    const year = Number(todayInQuebec().slice(0, 4));
    for (const birthDate of [`${year + 1}-01-01`, `${year - 121}-01-01`]) {
      const res = await client.post<ErrorBody>('/api/me/household/dependants', {
        givenName: 'Noah',
        familyName: 'Roy',
        birthDate,
      });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('household.birth_date_invalid');
      expect(res.body.error.message).toMatch(/past/);
      expect(res.body.error.details?.fields[0]?.field).toBe('birthDate');
    }
    const malformed = await client.post<ErrorBody>('/api/me/household/dependants', {
      givenName: 'Noah',
      familyName: 'Roy',
      birthDate: '2020-13-01',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.details?.fields.map((f) => f.field)).toContain('birthDate');
  });

  it('hides another household: its dependants cannot be read, changed or removed (404)', async () => {
    const a = await citizen();
    const b = await citizen();
    const child = await a.client.post<Member>('/api/me/household/dependants', {
      givenName: 'Zoé',
      familyName: 'Bouchard',
      birthDate: '2018-09-30',
    });
    expect(child.status).toBe(201);

    const bHousehold = await b.client.get<{ householdId: string; members: Member[] }>('/api/me/household');
    expect(bHousehold.body.householdId).not.toBe(a.account.householdId);
    expect(bHousehold.body.members.map((m) => m.id)).not.toContain(child.body.id);
    expect(JSON.stringify(bHousehold.body)).not.toContain('Zoé');

    const patch = await b.client.patch<ErrorBody>(`/api/me/household/dependants/${child.body.id}`, {
      givenName: 'Volée',
    });
    expect(patch.status).toBe(404);
    expect(patch.body.error.code).toBe('household.not_member');
    const del = await b.client.delete<ErrorBody>(`/api/me/household/dependants/${child.body.id}`);
    expect(del.status).toBe(404);
    // The same answer as for an id that does not exist at all.
    const ghost = await b.client.delete<ErrorBody>(
      '/api/me/household/dependants/0190a1b2-0000-7000-8000-000000000000',
    );
    expect(ghost.status).toBe(404);
    expect(ghost.body.error.code).toBe(del.body.error.code);
    // B cannot touch A either (A is a guardian, not a dependant, and not in B's household).
    expect((await b.client.patch(`/api/me/household/dependants/${a.account.personId}`, {})).status).toBe(404);

    const [stillThere] = await ctx.db.select().from(persons).where(eq(persons.id, child.body.id));
    expect(stillThere).toMatchObject({ givenName: 'Zoé', householdId: a.account.householdId });
  });

  it('does not let a guardian edit themselves through the dependant routes', async () => {
    const { account, client } = await citizen();
    const res = await client.patch<ErrorBody>(`/api/me/household/dependants/${account.personId}`, {
      givenName: 'X',
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('household.dependant_only');
  });
});

describe('acting for someone (assertCanActFor)', () => {
  it('allows oneself and one’s own dependants; 404 outside the household; 403 for another adult in it', async () => {
    const a = await citizen();
    const b = await citizen();
    const [childOfA] = await ctx.db
      .insert(persons)
      .values({ householdId: a.account.householdId, role: 'dependant', givenName: 'Éli', familyName: 'A' })
      .returning();
    const [childOfB] = await ctx.db
      .insert(persons)
      .values({ householdId: b.account.householdId, role: 'dependant', givenName: 'Mia', familyName: 'B' })
      .returning();
    if (!childOfA || !childOfB) throw new Error('insert failed');
    // A second parent with an account, in A's household.
    const coParent = await createAccount(ctx.db);
    await ctx.db.delete(persons).where(eq(persons.accountId, coParent.id));
    const [coParentPerson] = await ctx.db
      .insert(persons)
      .values({
        householdId: a.account.householdId,
        accountId: coParent.id,
        role: 'guardian',
        givenName: 'Co',
        familyName: 'Parent',
      })
      .returning();
    if (!coParentPerson) throw new Error('insert failed');

    const sessionOf = async (client: { cookie(name: string): string | undefined }) => {
      const token = client.cookie('__Host-civique_session');
      if (!token) throw new Error('no session');
      return loadAuthContext(ctx.db, sessionIdOf(token));
    };
    const authA = await sessionOf(a.client);
    const failure = async (personId: string) => {
      try {
        await assertCanActFor({ db: ctx.db, auth: authA, personId });
        return null;
      } catch (error) {
        return (error as AppError).status;
      }
    };

    expect((await assertCanActFor({ db: ctx.db, auth: authA, personId: a.account.personId })).id).toBe(
      a.account.personId,
    );
    expect((await assertCanActFor({ db: ctx.db, auth: authA, personId: childOfA.id })).id).toBe(childOfA.id);
    expect(await failure(childOfB.id)).toBe(404);
    expect(await failure(b.account.personId)).toBe(404);
    expect(await failure('not-a-uuid')).toBe(404);
    expect(await failure(coParentPerson.id)).toBe(403);

    // The co-parent acts for the shared child too.
    const coClient = ctx.client();
    await signInAs(ctx.db, coClient, coParent);
    const authCo = await sessionOf(coClient);
    expect((await assertCanActFor({ db: ctx.db, auth: authCo, personId: childOfA.id })).id).toBe(childOfA.id);
    await expect(assertCanActFor({ db: ctx.db, auth: null, personId: childOfA.id })).rejects.toMatchObject({
      status: 401,
    });
  });
});
