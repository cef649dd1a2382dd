import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../tests/support/harness.ts';
import { auditLog } from '../../../platform/audit/schema.ts';
import { partnershipMembers, partnerships } from '../../../platform/orgs/schema.ts';
import { forgetPartners } from '../residency/resident-status.ts';
import { createFamily, createTown, staffOf } from '../test-support.ts';
import { cardNumber, formatCardNumber, isLuhnValid, luhnCheckDigit, parseCardNumber } from './card-number.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());

type Card = {
  id: string;
  number: string;
  holder: string;
  orgId: string;
  validUntil: string;
  issuedOn: string;
};
type Check = {
  valid: boolean;
  reason: string | null;
  holder: { name: string };
  privileges: string;
  town: { id: string };
};

describe('card numbers (Luhn check digit)', () => {
  it('computes the check digit of a known number and catches every single-digit error and adjacent swap', () => {
    // The classic Luhn example: 7992739871 → 3.
    expect(luhnCheckDigit('7992739871')).toBe(3);
    const n = cardNumber('61025', 123);
    expect(n).toMatch(/^6102500000123\d$/);
    expect(isLuhnValid(n)).toBe(true);
    for (let i = 0; i < n.length; i++)
      for (let d = 0; d <= 9; d++) {
        if (String(d) === n[i]) continue;
        expect(isLuhnValid(`${n.slice(0, i)}${d}${n.slice(i + 1)}`)).toBe(false);
      }
    for (let i = 0; i < n.length - 1; i++) {
      const a = n[i] ?? '';
      const b = n[i + 1] ?? '';
      if (a === b || (a === '0' && b === '9') || (a === '9' && b === '0')) continue;
      expect(isLuhnValid(`${n.slice(0, i)}${b}${a}${n.slice(i + 2)}`)).toBe(false);
    }
    expect(parseCardNumber(formatCardNumber(n))).toEqual({ number: n, geoCode: '61025' });
    expect(parseCardNumber('6102 5000 0001 24')).toBeNull();
  });
});

describe('citizen cards', () => {
  it('gives each member a printable card, checks it at partner counters only, and revokes a lost card’s number', async () => {
    const town = await createTown(ctx.db, 'Joliette');
    const partner = await createTown(ctx.db, 'Saint-Charles');
    const [p] = await ctx.db
      .insert(partnerships)
      .values({ nameFr: 'Loisirs', nameEn: 'Recreation', scope: 'recreation' })
      .returning();
    await ctx.db.insert(partnershipMembers).values([
      { partnershipId: p?.id ?? '', orgId: town.id },
      { partnershipId: p?.id ?? '', orgId: partner.id },
    ]);
    forgetPartners(ctx.db);
    const family = await createFamily(ctx, { children: ['2016-05-14'], residentOf: town.id });
    const none = await family.client.get<Card[]>('/api/citizen/me/cards');
    expect(none.body).toEqual([]);
    const issued = await family.client.post<Card[]>(`/api/citizen/orgs/${town.id}/cards`);
    expect(issued.status).toBe(200);
    expect(issued.body).toHaveLength(2);
    const card = issued.body.find((c) => c.holder.startsWith('Enfant1')) as Card;
    expect(isLuhnValid(card.number)).toBe(true);
    expect(Date.parse(card.validUntil) - Date.parse(card.issuedOn)).toBeGreaterThan(729 * 86_400_000);

    const pdf = await family.client.get(`/api/citizen/orgs/${town.id}/cards/${card.id}/card.pdf?lang=en`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.text.startsWith('%PDF')).toBe(true);

    const counter = await staffOf(ctx, town.id, 'recreation', 'en');
    const here = await counter.client.post<Check>(`/api/citizen/orgs/${town.id}/staff/card-checks`, {
      number: formatCardNumber(card.number),
    });
    expect(here.body).toMatchObject({
      valid: true,
      reason: null,
      privileges: 'resident',
      holder: { name: card.holder },
    });
    const partnerDesk = await staffOf(ctx, partner.id);
    const there = await partnerDesk.client.post<Check>(`/api/citizen/orgs/${partner.id}/staff/card-checks`, {
      number: card.number,
    });
    expect(there.body).toMatchObject({ valid: true, privileges: 'partner', town: { id: town.id } });
    const stranger = await createTown(ctx.db);
    const strangerDesk = await staffOf(ctx, stranger.id);
    const unknown = await strangerDesk.client.post<{ error: { code: string } }>(
      `/api/citizen/orgs/${stranger.id}/staff/card-checks`,
      {
        number: card.number,
      },
    );
    expect(unknown.status).toBe(404);
    const typo = await counter.client.post<{ error: { code: string; message: string } }>(
      `/api/citizen/orgs/${town.id}/staff/card-checks`,
      {
        number: `${card.number.slice(0, -1)}${(Number(card.number.slice(-1)) + 1) % 10}`,
      },
    );
    expect(typo.body.error).toEqual({
      code: 'card.number_invalid',
      message: 'This card number is not valid (check digit). Check it.',
    });
    const citizen = await family.client.post(`/api/citizen/orgs/${town.id}/staff/card-checks`, {
      number: card.number,
    });
    expect(citizen.status).toBe(403);

    const replaced = await family.client.post<Card>(`/api/citizen/orgs/${town.id}/cards/${card.id}/replace`);
    expect(replaced.status).toBe(200);
    expect(replaced.body.number).not.toBe(card.number);
    const old = await counter.client.post<Check>(`/api/citizen/orgs/${town.id}/staff/card-checks`, {
      number: card.number,
    });
    expect(old.body).toMatchObject({ valid: false, reason: 'revoked' });
    const fresh = await counter.client.post<Check>(`/api/citizen/orgs/${town.id}/staff/card-checks`, {
      number: replaced.body.number,
    });
    expect(fresh.body.valid).toBe(true);
    const checks = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'citizen.card_checked'), eq(auditLog.orgId, town.id)));
    expect(checks.map((c) => (c.details as { result: string }).result).sort()).toEqual([
      'invalid_number',
      'revoked',
      'valid',
      'valid',
    ]);
    // Another household cannot print or replace this family's card.
    const other = await createFamily(ctx, { residentOf: town.id });
    expect(
      (await other.client.get(`/api/citizen/orgs/${town.id}/cards/${replaced.body.id}/card.pdf`)).status,
    ).toBe(404);
    expect(
      (await other.client.post(`/api/citizen/orgs/${town.id}/cards/${replaced.body.id}/replace`)).status,
    ).toBe(404);
  });
});
