import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import { requireRole } from '../../../platform/auth/policies.ts';
import type { Database } from '../../../platform/db/client.ts';
import { scopeOf } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { organisations } from '../../../platform/orgs/schema.ts';
import { todayInQuebec } from '../../../platform/people/birth-date.ts';
import { persons } from '../../../platform/people/schema.ts';
import { recreationPartners, residentStanding } from '../residency/resident-status.ts';
import { formatCardNumber, parseCardNumber } from './card-number.ts';
import type { CardView } from './card-view.ts';
import { replaceCard } from './my-cards.ts';
import { cards } from './schema.ts';

/** What the counter sees for a card. */
export interface CardCheck {
  number: string;
  valid: boolean;
  /** Why not, when not valid. */
  reason: 'revoked' | 'expired' | 'residency_ended' | null;
  revokeReason: string | null;
  holder: { name: string; birthDate: string | null };
  town: { id: string; slug: string; name: { fr: string; en: string } };
  cardId: string;
  validUntil: string;
  /** resident: the card's town is this counter's; partner: a recreation partner's (resident status, partner prices). */
  privileges: 'resident' | 'partner';
}

/**
 * The counter check: a typed or scanned number (check digit verified first) → whose card, which town,
 * valid or not and why, and the privileges it gives here. Cards of towns outside this town's recreation
 * partnerships answer as unknown. Every check is written to the audit log, found or not.
 */
export async function checkCard(options: {
  db: Database;
  auth: AuthContext | null;
  ip: string;
  orgId: string;
  input: { number: string };
}): Promise<CardCheck> {
  const who = requireRole(options.auth, options.orgId, ['recreation', 'clerk']);
  const { db, orgId } = options;
  const parsed = parseCardNumber(options.input.number);
  const audit = (result: string, card?: { id: string; orgId: string }) =>
    recordAudit(db, {
      orgId,
      actorAccountId: who.account.id,
      ip: options.ip,
      action: 'citizen.card_checked',
      targetType: 'citizen_card',
      targetId: card?.id,
      details: {
        result,
        number: parsed ? formatCardNumber(parsed.number) : 'invalid',
        cardOrgId: card?.orgId ?? null,
      },
    });
  if (!parsed) {
    await audit('invalid_number');
    throw new AppError('card.number_invalid', 400);
  }
  const partners = await recreationPartners(db, orgId);
  const [town] = await db
    .select()
    .from(organisations)
    .where(and(eq(organisations.kind, 'municipality'), eq(organisations.geoCode, parsed.geoCode)));
  if (!town || !partners.includes(town.id)) {
    await audit('unknown');
    throw new AppError('card.not_found', 404);
  }
  const [row] = await db
    .select({ card: cards, person: persons })
    .from(cards)
    .innerJoin(persons, eq(persons.id, cards.personId))
    .where(scopeOf(town.id).where(cards, eq(cards.number, parsed.number)));
  if (!row) {
    await audit('unknown');
    throw new AppError('card.not_found', 404);
  }
  const { card, person } = row;
  let reason: CardCheck['reason'] = null;
  if (card.status === 'revoked') reason = 'revoked';
  else if (card.validUntil < todayInQuebec()) reason = 'expired';
  else {
    const standing = await residentStanding(db, { orgId: town.id, householdId: card.householdId });
    if (standing.category !== 'resident') reason = 'residency_ended';
  }
  await audit(reason ?? 'valid', card);
  return {
    number: card.number,
    valid: reason === null,
    reason,
    revokeReason: card.revokeReason,
    holder: { name: `${person.givenName} ${person.familyName}`, birthDate: person.birthDate },
    town: { id: town.id, slug: town.slug, name: { fr: town.nameFr, en: town.nameEn } },
    cardId: card.id,
    validUntil: card.validUntil,
    privileges: town.id === orgId ? 'resident' : 'partner',
  };
}

/** Staff replace a card reported lost at their counter (their own town's cards only; audited). */
export async function replaceCardAtCounter(options: {
  db: Database;
  auth: AuthContext | null;
  ip: string;
  orgId: string;
  cardId: string;
}): Promise<CardView> {
  const who = requireRole(options.auth, options.orgId, ['recreation', 'clerk']);
  const { db, orgId } = options;
  const [row] = await db
    .select({ card: cards, person: persons, org: organisations })
    .from(cards)
    .innerJoin(persons, eq(persons.id, cards.personId))
    .innerJoin(organisations, eq(organisations.id, cards.orgId))
    .where(scopeOf(orgId).where(cards, eq(cards.id, options.cardId)));
  if (!row) throw new AppError('card.not_found', 404);
  const fresh = await replaceCard(db, { ...row, byAccountId: who.account.id });
  await recordAudit(db, {
    orgId,
    actorAccountId: who.account.id,
    ip: options.ip,
    action: 'citizen.card_replaced',
    targetType: 'citizen_card',
    targetId: row.card.id,
    subjectAccountId: row.person.accountId,
    details: { newCardId: fresh.id },
  });
  return fresh;
}
