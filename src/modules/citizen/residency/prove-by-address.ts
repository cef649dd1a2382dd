import { eq } from 'drizzle-orm';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Database } from '../../../platform/db/client.ts';
import { scopeOf } from '../../../platform/db/tenancy.ts';
import { formatAddress, normalisePostalCode } from '../../../platform/geo/address-fields.ts';
import { addresses } from '../../../platform/geo/schema.ts';
import { parseAddressQuery, searchAddresses } from '../../../platform/geo/search-addresses.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { loadHousehold } from '../registrations/household.ts';
import { activateResidency } from './activate-residency.ts';
import { type ResidencyView, residencyView } from './residency-view.ts';

// A typed address is taken only when the register's best match is this close (trigram word similarity).
const MIN_SCORE = 0.8;

/**
 * Proves residency by the town's address register: an address picked from the register's search (its
 * id), or typed (civic number, street, and postal code when the register has one), found there with the
 * same civic number. Accent, case and short-form differences do not matter (the register's own search).
 */
export async function proveByAddress(options: {
  db: Database;
  auth: AuthContext | null;
  orgId: string;
  input: { addressId?: string; address?: string; postalCode?: string };
}): Promise<ResidencyView> {
  const { db, orgId, input } = options;
  const household = await loadHousehold(db, options.auth);
  const postal = input.postalCode ? normalisePostalCode(input.postalCode) : undefined;
  if (input.postalCode && !postal) throw new AppError('residency.postal_code_invalid', 400);
  let found: { id: string; label: string; postalCode: string | null } | undefined;
  if (input.addressId) {
    const [row] = await db
      .select()
      .from(addresses)
      .where(scopeOf(orgId).where(addresses, eq(addresses.id, input.addressId)));
    if (row) found = { id: row.id, label: formatAddress(row), postalCode: row.postalCode };
  } else if (input.address) {
    const civic = parseAddressQuery(input.address).civic;
    const [best] = await searchAddresses({ db, orgId, input: { q: input.address, limit: 1 } });
    if (civic && best && best.civicNumber === civic.number && best.score >= MIN_SCORE)
      found = { id: best.id, label: best.label, postalCode: best.postalCode };
  }
  if (!found) throw new AppError('residency.address_not_found', 422);
  if (postal && found.postalCode && found.postalCode !== postal)
    throw new AppError('residency.postal_code_mismatch', 422);
  const row = await db.transaction((tx) =>
    activateResidency(tx, {
      orgId,
      householdId: household.self.householdId,
      proof: 'address',
      accountId: household.accountId,
      address: found,
    }),
  );
  return residencyView(row);
}
