import { eq } from 'drizzle-orm';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Database } from '../../../platform/db/client.ts';
import { scopeOf } from '../../../platform/db/tenancy.ts';
import { files } from '../../../platform/files/schema.ts';
import { normalisePostalCode } from '../../../platform/geo/address-fields.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { isUniqueViolation } from '../../../platform/payments/start-payment.ts';
import { loadHousehold } from '../registrations/household.ts';
import { RESIDENCY_PROOF } from './files.ts';
import { type ResidencyView, residencyView } from './residency-view.ts';
import { residencies } from './schema.ts';

/**
 * Submits an uploaded proof of residency (uploaded first with the `residency-proof` purpose) for staff to
 * check: the residency waits as `pending` until they decide.
 */
export async function submitProof(options: {
  db: Database;
  auth: AuthContext | null;
  orgId: string;
  input: { fileId: string; address: string; postalCode: string };
}): Promise<ResidencyView> {
  const { db, orgId, input } = options;
  const household = await loadHousehold(db, options.auth);
  const postalCode = normalisePostalCode(input.postalCode);
  if (!postalCode) throw new AppError('residency.postal_code_invalid', 400);
  const [file] = await db
    .select()
    .from(files)
    .where(scopeOf(orgId).where(files, eq(files.id, input.fileId)));
  if (!file || file.purpose !== RESIDENCY_PROOF || file.ownerAccountId !== household.accountId)
    throw new AppError('residency.proof_invalid', 422);
  const [row] = await db
    .insert(residencies)
    .values(
      scopeOf(orgId).rows({
        householdId: household.self.householdId,
        proof: 'document' as const,
        status: 'pending' as const,
        addressLabel: input.address.trim(),
        postalCode,
        fileId: file.id,
        submittedByAccountId: household.accountId,
      }),
    )
    .returning()
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw new AppError('residency.already_current', 409);
      throw error;
    });
  if (!row) throw new Error('residency insert returned no row');
  return residencyView(row);
}
