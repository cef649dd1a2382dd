import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, signInAs } from '../../../../tests/support/factories.ts';
import { createTestContext, type TestContext } from '../../../../tests/support/harness.ts';
import { fileLink, pdfBytes, uploadFile } from '../../../../tests/support/uploads.ts';
import { auditLog } from '../../../platform/audit/schema.ts';
import { accounts } from '../../../platform/auth/schema.ts';
import { upsertAddresses } from '../../../platform/geo/upsert-addresses.ts';
import { emailMessages, notificationMessages } from '../../../platform/notify/schema.ts';
import { partnershipMembers, partnerships } from '../../../platform/orgs/schema.ts';
import { persons } from '../../../platform/people/schema.ts';
import { cards } from '../cards/schema.ts';
import { createFamily, createTown, staffOf } from '../test-support.ts';
import { forgetPartners } from './resident-status.ts';
import { residencies } from './schema.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());

type Residency = { id: string; status: string; proof: string; expiresOn: string | null; householdId: string };
type Mine = { standing: { category: string; residentOrgId: string | null }; residency: Residency | null };
type Err = {
  error: { code: string; message: string; details?: { lines?: Array<{ line: number; message: string }> } };
};

const addressRow = (civicNumber: number, streetName: string, postalCode: string) => ({
  civicNumber,
  civicSuffix: null,
  streetType: 'rue',
  streetName,
  unit: null,
  municipality: 'Joliette',
  postalCode,
  latitude: null,
  longitude: null,
});

describe('residency proven by the address register', () => {
  it('accepts an address of the register however it is typed, gives every member a card, and refuses one outside it', async () => {
    const town = await createTown(ctx.db, 'Joliette');
    await upsertAddresses({
      db: ctx.db,
      orgId: town.id,
      rows: [
        addressRow(452, 'De Lanaudière', 'J6E 3M9'),
        addressRow(88, 'Saint-Charles-Borromée Nord', 'J6E 4R5'),
      ],
      source: 'test',
    });
    const family = await createFamily(ctx, { children: ['2016-05-14'] });
    const refused = await family.client.post<Err>(`/api/citizen/orgs/${town.id}/residency/address`, {
      address: '9999 rue Inexistante',
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('residency.address_not_found');
    const wrongPostal = await family.client.post<Err>(`/api/citizen/orgs/${town.id}/residency/address`, {
      address: '452 rue de Lanaudiere',
      postalCode: 'J6E 1A1',
    });
    expect(wrongPostal.body.error.code).toBe('residency.postal_code_mismatch');
    const ok = await family.client.post<Residency>(`/api/citizen/orgs/${town.id}/residency/address`, {
      address: '452 rue de Lanaudiere',
      postalCode: 'j6e3m9',
    });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ status: 'active', proof: 'address' });
    const mine = await family.client.get<Mine>(`/api/citizen/orgs/${town.id}/residency`);
    expect(mine.body.standing.category).toBe('resident');
    const issued = await ctx.db.select().from(cards).where(eq(cards.householdId, family.account.householdId));
    expect(issued).toHaveLength(2);
    expect(issued.every((c) => c.number.startsWith(town.geoCode))).toBe(true);

    // A household can hold one current residency per town.
    const twice = await family.client.post<Err>(`/api/citizen/orgs/${town.id}/residency/address`, {
      address: '88 rue Saint-Charles-Borromée Nord',
    });
    expect(twice.status).toBe(409);

    // Renewal opens 60 days before the expiry; moving ends the residency and the cards at once.
    const early = await family.client.post<Err>(`/api/citizen/orgs/${town.id}/residency/renew`);
    expect(early.body.error.code).toBe('residency.renewal_too_early');
    await ctx.db.update(residencies).set({ expiresOn: '2026-01-01' }).where(eq(residencies.id, ok.body.id));
    const renewed = await family.client.post<Residency>(`/api/citizen/orgs/${town.id}/residency/renew`);
    expect(renewed.status).toBe(200);
    expect(renewed.body.expiresOn && renewed.body.expiresOn > '2027-01-01').toBe(true);
    const moved = await family.client.post<Residency>(`/api/citizen/orgs/${town.id}/residency/move`);
    expect(moved.body).toMatchObject({ status: 'ended', endReason: 'moved' });
    const after = await ctx.db.select().from(cards).where(eq(cards.householdId, family.account.householdId));
    expect(after.every((c) => c.status === 'revoked' && c.revokeReason === 'moved')).toBe(true);
    const now = await family.client.get<Mine>(`/api/citizen/orgs/${town.id}/residency`);
    expect(now.body.standing.category).toBe('non_resident');
  });

  it('gives residents of a recreation partner town resident status, at the partner price', async () => {
    const joliette = await createTown(ctx.db, 'Joliette');
    const scb = await createTown(ctx.db, 'Saint-Charles');
    const [p] = await ctx.db
      .insert(partnerships)
      .values({ nameFr: 'Entente', nameEn: 'Agreement', scope: 'recreation' })
      .returning();
    await ctx.db.insert(partnershipMembers).values([
      { partnershipId: p?.id ?? '', orgId: joliette.id },
      { partnershipId: p?.id ?? '', orgId: scb.id },
    ]);
    forgetPartners(ctx.db);
    const family = await createFamily(ctx, { residentOf: joliette.id });
    const there = await family.client.get<Mine>(`/api/citizen/orgs/${scb.id}/residency`);
    expect(there.body.standing).toMatchObject({ category: 'partner', residentOrgId: joliette.id });
    const elsewhere = await createTown(ctx.db);
    const none = await family.client.get<Mine>(`/api/citizen/orgs/${elsewhere.id}/residency`);
    expect(none.body.standing.category).toBe('non_resident');
  });
});

describe('residency proven by an uploaded document', () => {
  it('waits for recreation staff, who alone (with the uploader) may open the proof; the decision is audited and told', async () => {
    const town = await createTown(ctx.db);
    const family = await createFamily(ctx, { locale: 'en' });
    const upload = await uploadFile(family.client, town.id, 'residency-proof', {
      name: 'bail.pdf',
      type: 'application/pdf',
      content: pdfBytes('bail'),
    });
    expect(upload.status).toBe(201);
    const submitted = await family.client.post<Residency>(`/api/citizen/orgs/${town.id}/residency/document`, {
      fileId: upload.body.id,
      address: '12 rue Principale',
      postalCode: 'J6E 1A1',
    });
    expect(submitted.status).toBe(201);
    expect(submitted.body.status).toBe('pending');

    const staff = await staffOf(ctx, town.id, 'recreation');
    const works = await staffOf(ctx, town.id, 'public_works');
    expect((await fileLink(staff.client, town.id, upload.body.id)).status).toBe(200);
    expect((await fileLink(works.client, town.id, upload.body.id)).status).toBe(403);
    expect((await fileLink(family.client, town.id, upload.body.id)).status).toBe(200);

    const list = await staff.client.get<{
      items: Array<{ id: string; submittedBy: { email: string } | null }>;
    }>(`/api/citizen/orgs/${town.id}/staff/residencies?status=pending`);
    expect(list.body.items.map((i) => i.id)).toContain(submitted.body.id);
    const other = await createTown(ctx.db);
    const outsider = await staffOf(ctx, other.id);
    expect((await outsider.client.get(`/api/citizen/orgs/${town.id}/staff/residencies`)).status).toBe(403);
    expect(
      (
        await outsider.client.post(
          `/api/citizen/orgs/${town.id}/staff/residencies/${submitted.body.id}/decide`,
          { approve: true },
        )
      ).status,
    ).toBe(403);

    const decided = await staff.client.post<Residency>(
      `/api/citizen/orgs/${town.id}/staff/residencies/${submitted.body.id}/decide`,
      {
        approve: true,
        note: 'Bail vérifié',
      },
    );
    expect(decided.body.status).toBe('active');
    const again = await staff.client.post<Err>(
      `/api/citizen/orgs/${town.id}/staff/residencies/${submitted.body.id}/decide`,
      { approve: false },
    );
    expect(again.body.error.code).toBe('residency.not_pending');
    const [audit] = await ctx.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.action, 'citizen.residency_approved'), eq(auditLog.targetId, submitted.body.id)),
      );
    expect(audit?.actorAccountId).toBe(staff.account.id);
    const told = await ctx.db
      .select()
      .from(emailMessages)
      .where(eq(emailMessages.accountId, family.account.id));
    expect(told.some((m) => m.subject.startsWith('Residency confirmed'))).toBe(true);
  });
});

describe('households imported by the town, claimed without a password', () => {
  const CSV = [
    'menage,adresse,code_postal,prenom,nom,date_naissance,courriel,telephone,numero_carte',
    'M-1,"88, rue Saint-Charles-Borromée Nord",J6E 4R5,Sophie,Bélanger,1979-06-02,sophie.belanger@example.test,+14505550142,4510027',
    'M-1,"88, rue Saint-Charles-Borromée Nord",J6E 4R5,Éloi,Bélanger,2014-10-11,,,4510028',
    'M-2,12 rue Principale,J6E 1A1,Marc,Roy,1970-01-01,,+14505550199,',
  ].join('\n');

  it('reports every bad line and imports nothing; a good file imports households that are claimed with a code sent to the e-mail on file', async () => {
    const town = await createTown(ctx.db);
    const staff = await staffOf(ctx, town.id, 'clerk', 'en');
    const bad = await staff.client.post<Err>(`/api/citizen/orgs/${town.id}/staff/household-imports`, {
      fileName: 'bad.csv',
      csv: `${CSV}\nM-3,1 rue X,XXX,Ana,Roy,2030-01-01,,,`,
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details?.lines?.map((l) => l.message)).toEqual([
      'Line 5: invalid postal code.',
      'Line 5: invalid birth date (YYYY-MM-DD).',
    ]);
    const ok = await staff.client.post<{ households: number; members: number }>(
      `/api/citizen/orgs/${town.id}/staff/household-imports`,
      {
        fileName: 'menages.csv',
        csv: CSV,
      },
    );
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ households: 2, members: 3 });

    const anonymous = ctx.client({ locale: 'fr' });
    const miss = await anonymous.post<Err>(`/api/citizen/orgs/${town.id}/residency/claim`, {
      cardNumber: '4510027',
      birthDate: '1980-06-02',
    });
    expect(miss.status).toBe(404);
    expect(miss.body.error.code).toBe('residency.claim_not_found');
    const byAddress = await anonymous.post<{
      claimId: string;
      channels: Array<{ channel: string; masked: string }>;
    }>(`/api/citizen/orgs/${town.id}/residency/claim`, {
      address: '88 rue St-Charles-Borromée N.',
      postalCode: 'j6e 4r5',
      birthDate: '1979-06-02',
    });
    expect(byAddress.status).toBe(200);
    expect(byAddress.body.channels).toEqual([
      { channel: 'email', masked: 's•••@example.test' },
      { channel: 'sms', masked: '•••-•••-0142' },
    ]);
    const start = await anonymous.post<{ claimId: string }>(`/api/citizen/orgs/${town.id}/residency/claim`, {
      cardNumber: '4510 027',
      birthDate: '1979-06-02',
    });
    expect(start.body.claimId).toBe(byAddress.body.claimId);
    const sent = await anonymous.post(`/api/citizen/orgs/${town.id}/residency/claim/code`, {
      claimId: start.body.claimId,
      channel: 'email',
    });
    expect(sent.status).toBe(200);
    const [mail] = await ctx.db
      .select()
      .from(emailMessages)
      .where(eq(emailMessages.toAddress, 'sophie.belanger@example.test'))
      .orderBy(desc(emailMessages.createdAt));
    const code = mail?.textBody.match(/\b(\d{6})\b/)?.[1] ?? '';
    const wrong = await anonymous.post<Err>(`/api/citizen/orgs/${town.id}/residency/claim/confirm`, {
      claimId: start.body.claimId,
      code: '000000',
    });
    expect(wrong.body.error.code).toBe('residency.claim_code_invalid');
    const claimed = await anonymous.post<{
      residency: Residency;
      session: { account: { email: string } } | null;
    }>(`/api/citizen/orgs/${town.id}/residency/claim/confirm`, { claimId: start.body.claimId, code });
    expect(claimed.status).toBe(200);
    expect(claimed.body.residency).toMatchObject({ status: 'active', proof: 'household_import' });
    expect(claimed.body.session?.account.email).toBe('sophie.belanger@example.test');
    const [account] = await ctx.db
      .select()
      .from(accounts)
      .where(eq(accounts.email, 'sophie.belanger@example.test'));
    expect(account?.passwordHash).toBeNull();
    const household = await ctx.db
      .select()
      .from(persons)
      .where(eq(persons.householdId, claimed.body.residency.householdId));
    expect(household.map((p) => p.givenName).sort()).toEqual(['Sophie', 'Éloi']);
    // Signed in by the claim: the new session works.
    const mine = await anonymous.get<Mine>(`/api/citizen/orgs/${town.id}/residency`);
    expect(mine.body.standing.category).toBe('resident');
    const reused = await anonymous.post<Err>(`/api/citizen/orgs/${town.id}/residency/claim/confirm`, {
      claimId: start.body.claimId,
      code,
    });
    expect(reused.body.error.code).toBe('residency.claimed_already');
  });

  it('sends the code to the phone on file, and joins the record to the household of a signed-in person', async () => {
    const town = await createTown(ctx.db);
    const staff = await staffOf(ctx, town.id);
    await staff.client.post(`/api/citizen/orgs/${town.id}/staff/household-imports`, {
      fileName: 'm.csv',
      csv: CSV,
    });
    const person = await createAccount(ctx.db);
    const client = ctx.client();
    await signInAs(ctx.db, client, person);
    const start = await client.post<{ claimId: string; channels: Array<{ channel: string }> }>(
      `/api/citizen/orgs/${town.id}/residency/claim`,
      {
        address: '12 rue Principale',
        postalCode: 'J6E1A1',
        birthDate: '1970-01-01',
      },
    );
    expect(start.body.channels.map((c) => c.channel)).toEqual(['sms']);
    await client.post(`/api/citizen/orgs/${town.id}/residency/claim/code`, {
      claimId: start.body.claimId,
      channel: 'sms',
    });
    const [sms] = await ctx.db
      .select()
      .from(notificationMessages)
      .where(
        and(eq(notificationMessages.channel, 'sms'), eq(notificationMessages.toAddress, '+14505550199')),
      );
    const code = sms?.body.match(/\b(\d{6})\b/)?.[1] ?? '';
    const done = await client.post<{ residency: Residency; session: unknown }>(
      `/api/citizen/orgs/${town.id}/residency/claim/confirm`,
      {
        claimId: start.body.claimId,
        code,
      },
    );
    expect(done.status).toBe(200);
    expect(done.body.session).toBeNull();
    expect(done.body.residency.householdId).toBe(person.householdId);
  });
});
