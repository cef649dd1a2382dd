import { and, asc, eq } from 'drizzle-orm';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Database, Executor } from '../../../platform/db/client.ts';
import { scopeOf } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { organisations } from '../../../platform/orgs/schema.ts';
import { persons } from '../../../platform/people/schema.ts';
import { loadHousehold, memberToActFor } from '../registrations/household.ts';
import { residentStanding } from '../residency/resident-status.ts';
import { renderCardPdf } from './card-pdf.ts';
import { type CardView, cardView } from './card-view.ts';
import { issueCard, issueHouseholdCards } from './issue-cards.ts';
import { cards } from './schema.ts';

/**
 * The active cards of the signed-in person's household (each member's, in every town). Reading across
 * towns is deliberate: the rows are chosen by the household.
 */
export async function listMyCards(options: { db: Executor; auth: AuthContext | null }): Promise<CardView[]> {
  const household = await loadHousehold(options.db, options.auth);
  const rows = await options.db
    .select({ card: cards, person: persons, org: organisations })
    .from(cards)
    .innerJoin(persons, eq(persons.id, cards.personId))
    .innerJoin(organisations, eq(organisations.id, cards.orgId))
    .where(and(eq(cards.householdId, household.self.householdId), eq(cards.status, 'active')))
    .orderBy(asc(organisations.nameFr), asc(persons.createdAt));
  return rows.map((r) => cardView(r.card, r.person, r.org));
}

/** Issues the missing cards of a resident household (a dependant added after the residency was proven). */
export async function issueMyCards(options: {
  db: Database;
  auth: AuthContext | null;
  orgId: string;
}): Promise<CardView[]> {
  const household = await loadHousehold(options.db, options.auth);
  const standing = await residentStanding(options.db, {
    orgId: options.orgId,
    householdId: household.self.householdId,
  });
  if (standing.category !== 'resident') throw new AppError('card.not_resident', 409);
  await options.db.transaction((tx) =>
    issueHouseholdCards(tx, { orgId: options.orgId, householdId: household.self.householdId }),
  );
  return (await listMyCards(options)).filter((c) => c.orgId === options.orgId);
}

async function ownCard(db: Executor, auth: AuthContext | null, orgId: string, cardId: string) {
  const household = await loadHousehold(db, auth);
  const [row] = await db
    .select({ card: cards, person: persons, org: organisations })
    .from(cards)
    .innerJoin(persons, eq(persons.id, cards.personId))
    .innerJoin(organisations, eq(organisations.id, cards.orgId))
    .where(
      scopeOf(orgId).where(cards, eq(cards.id, cardId), eq(cards.householdId, household.self.householdId)),
    );
  if (!row) throw new AppError('card.not_found', 404);
  return { household, ...row };
}

/** The printable PDF of one of the household's cards. */
export async function myCardPdf(options: {
  db: Executor;
  auth: AuthContext | null;
  orgId: string;
  cardId: string;
  locale: 'fr' | 'en';
}): Promise<{ pdf: Buffer; fileName: string }> {
  const { card, person, org } = await ownCard(options.db, options.auth, options.orgId, options.cardId);
  if (card.status !== 'active') throw new AppError('card.revoked', 409);
  const pdf = await renderCardPdf({
    holder: `${person.givenName} ${person.familyName}`,
    town: options.locale === 'fr' ? org.nameFr : org.nameEn,
    number: card.number,
    validUntil: card.validUntil,
    issuedOn: card.issuedOn,
    primaryColor: org.branding.primaryColor,
    locale: options.locale,
  });
  return { pdf, fileName: `${options.locale === 'fr' ? 'carte' : 'card'}-${card.number}.pdf` };
}

/** Replaces a lost card of the household: the old number stops working at once, a new one is issued. */
export async function replaceMyCard(options: {
  db: Database;
  auth: AuthContext | null;
  orgId: string;
  cardId: string;
}): Promise<CardView> {
  const { household, card, person, org } = await ownCard(
    options.db,
    options.auth,
    options.orgId,
    options.cardId,
  );
  memberToActFor(household, person.id);
  return replaceCard(options.db, { card, person, org, byAccountId: household.accountId });
}

/** Revokes a card as lost and issues its replacement, in one transaction. */
export async function replaceCard(
  db: Database,
  options: {
    card: typeof cards.$inferSelect;
    person: { givenName: string; familyName: string };
    org: { slug: string; nameFr: string; nameEn: string; geoCode: string };
    byAccountId: string | null;
  },
): Promise<CardView> {
  const { card } = options;
  const scope = scopeOf(card.orgId);
  const fresh = await db.transaction(async (tx) => {
    const [revoked] = await tx
      .update(cards)
      .set({
        status: 'revoked',
        revokedAt: new Date(),
        revokeReason: 'lost',
        revokedByAccountId: options.byAccountId,
      })
      .where(scope.where(cards, eq(cards.id, card.id), eq(cards.status, 'active')))
      .returning();
    if (!revoked) throw new AppError('card.revoked', 409);
    return issueCard(tx, {
      orgId: card.orgId,
      geoCode: options.org.geoCode,
      personId: card.personId,
      householdId: card.householdId,
      replaces: card.id,
    });
  });
  return cardView(fresh, options.person, options.org);
}
