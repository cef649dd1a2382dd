import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.ts';
import { scopeOf } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { isUniqueViolation } from '../../../platform/payments/start-payment.ts';
import { todayInQuebec } from '../../../platform/people/birth-date.ts';
import { addYears, issueHouseholdCards } from '../cards/issue-cards.ts';
import { RENEWAL_DAYS, RESIDENCY_YEARS } from './residency-view.ts';
import { type Proof, type ResidencyRow, residencies } from './schema.ts';

/** The first day renewal is allowed for a residency expiring on `expiresOn`. */
export function renewalOpensOn(expiresOn: string): string {
  const d = new Date(`${expiresOn}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - RENEWAL_DAYS);
  return d.toISOString().slice(0, 10);
}

/**
 * Makes a proven residency current, in the caller's transaction, and gives every member of the household
 * a card. A current residency of the household in the town is replaced (ended as `renewed`) only when it
 * is in its renewal period or already expired; otherwise the household is told it already has one.
 */
export async function activateResidency(
  tx: Executor,
  options: {
    orgId: string;
    householdId: string;
    proof: Proof;
    accountId: string | null;
    address?: { id?: string | null; label: string; postalCode: string | null };
    recordId?: string | null;
    fileId?: string | null;
  },
): Promise<ResidencyRow> {
  const scope = scopeOf(options.orgId);
  const today = todayInQuebec();
  const current = await tx
    .select()
    .from(residencies)
    .where(
      scope.where(
        residencies,
        and(
          eq(residencies.householdId, options.householdId),
          inArray(residencies.status, ['pending', 'active']),
        ),
      ),
    );
  for (const c of current) {
    const renewable = c.status === 'active' && c.expiresOn !== null && today >= renewalOpensOn(c.expiresOn);
    if (!renewable) throw new AppError('residency.already_current', 409);
    await tx
      .update(residencies)
      .set({ status: 'ended', endedAt: sql`now()`, endReason: 'renewed', updatedAt: sql`now()` })
      .where(scope.where(residencies, eq(residencies.id, c.id)));
  }
  const [row] = await tx
    .insert(residencies)
    .values(
      scope.rows({
        householdId: options.householdId,
        proof: options.proof,
        status: 'active' as const,
        addressId: options.address?.id ?? null,
        addressLabel: options.address?.label ?? null,
        postalCode: options.address?.postalCode ?? null,
        recordId: options.recordId ?? null,
        fileId: options.fileId ?? null,
        startsOn: today,
        expiresOn: addYears(today, RESIDENCY_YEARS),
        submittedByAccountId: options.accountId,
        decidedAt: new Date(),
      }),
    )
    .returning()
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw new AppError('residency.already_current', 409);
      throw error;
    });
  if (!row) throw new Error('residency insert returned no row');
  await issueHouseholdCards(tx, { orgId: options.orgId, householdId: options.householdId });
  return row;
}
