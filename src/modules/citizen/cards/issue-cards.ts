import { and, eq, inArray, sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '../../../platform/db/client.ts';
import { scopeOf } from '../../../platform/db/tenancy.ts';
import { organisations } from '../../../platform/orgs/schema.ts';
import { todayInQuebec } from '../../../platform/people/birth-date.ts';
import { persons } from '../../../platform/people/schema.ts';
import { cardNumber } from './card-number.ts';
import { type CardRow, cards } from './schema.ts';

/** Cards are valid two years from their issue. */
export const CARD_YEARS = 2;

/** A date `years` later (`YYYY-MM-DD`; 29 February becomes 28 February). */
export function addYears(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y + years, m - 1, d));
  if (date.getUTCMonth() !== m - 1) date.setUTCDate(0);
  return date.toISOString().slice(0, 10);
}

/** The next card serial of a town, taken atomically from the shared reference counters. */
async function nextSerial(tx: Executor, orgId: string): Promise<number> {
  const result = await tx.execute(sql`
    INSERT INTO reference_counters (org_id, kind, year, last) VALUES (${orgId}, 'citizen.card', 0, 1)
    ON CONFLICT (org_id, kind, year) DO UPDATE SET last = reference_counters.last + 1
    RETURNING last`);
  const row = rowsOf<{ last: number }>(result)[0];
  if (!row) throw new Error('card counter returned no row');
  return Number(row.last);
}

/** Issues one card (a new number) to a person; `replaces` links it to the card it replaces. */
export async function issueCard(
  tx: Executor,
  options: {
    orgId: string;
    geoCode: string;
    personId: string;
    householdId: string;
    replaces?: string | null;
  },
): Promise<CardRow> {
  const issuedOn = todayInQuebec();
  const [row] = await tx
    .insert(cards)
    .values(
      scopeOf(options.orgId).rows({
        personId: options.personId,
        householdId: options.householdId,
        number: cardNumber(options.geoCode, await nextSerial(tx, options.orgId)),
        issuedOn,
        validUntil: addYears(issuedOn, CARD_YEARS),
        replacesCardId: options.replaces ?? null,
      }),
    )
    .returning();
  if (!row) throw new Error('card insert returned no row');
  return row;
}

/** Gives a card to every member of a resident household who has no active one in the town. */
export async function issueHouseholdCards(
  tx: Executor,
  options: { orgId: string; householdId: string },
): Promise<CardRow[]> {
  const [org] = await tx
    .select({ geoCode: organisations.geoCode, kind: organisations.kind })
    .from(organisations)
    .where(eq(organisations.id, options.orgId));
  if (org?.kind !== 'municipality') return [];
  const members = await tx.select().from(persons).where(eq(persons.householdId, options.householdId));
  if (members.length === 0) return [];
  const holding = await tx
    .select({ personId: cards.personId })
    .from(cards)
    .where(
      scopeOf(options.orgId).where(
        cards,
        and(
          inArray(
            cards.personId,
            members.map((m) => m.id),
          ),
          eq(cards.status, 'active'),
        ),
      ),
    );
  const issued: CardRow[] = [];
  for (const m of members) {
    if (holding.some((h) => h.personId === m.id)) continue;
    issued.push(
      await issueCard(tx, {
        orgId: options.orgId,
        geoCode: org.geoCode,
        personId: m.id,
        householdId: options.householdId,
      }),
    );
  }
  return issued;
}

/** Revokes a household's active cards in a town (a move, or a residency that ended). */
export async function revokeHouseholdCards(
  tx: Executor,
  options: {
    orgId: string;
    householdId: string;
    reason: 'moved' | 'residency_ended';
    byAccountId: string | null;
  },
): Promise<number> {
  const rows = await tx
    .update(cards)
    .set({
      status: 'revoked',
      revokedAt: sql`now()`,
      revokeReason: options.reason,
      revokedByAccountId: options.byAccountId,
    })
    .where(
      scopeOf(options.orgId).where(
        cards,
        and(eq(cards.householdId, options.householdId), eq(cards.status, 'active')),
      ),
    )
    .returning({ id: cards.id });
  return rows.length;
}
