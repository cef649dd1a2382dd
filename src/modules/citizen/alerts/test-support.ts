// Helpers shared by the alert tests and benchmark (not product code): residents with a located address.
import { createAccount } from '../../../../tests/support/factories.ts';
import type { Database } from '../../../platform/db/client.ts';
import { scopeOf } from '../../../platform/db/tenancy.ts';
import { addresses, addressStreets } from '../../../platform/geo/schema.ts';
import { residencies } from '../residency/schema.ts';

let civic = 1;

/** A street of the town's address register. */
export async function createStreet(db: Database, orgId: string, name = 'rue Principale'): Promise<string> {
  const [street] = await db
    .insert(addressStreets)
    .values(scopeOf(orgId).rows({ streetType: null, streetName: `${name} ${civic++}`, municipality: null }))
    .returning({ id: addressStreets.id });
  if (!street) throw new Error('street insert failed');
  return street.id;
}

/** A located address on a street. */
export async function createAddress(db: Database, orgId: string, streetId: string, at: [number, number]) {
  const [address] = await db
    .insert(addresses)
    .values(
      scopeOf(orgId).rows({
        streetId,
        civicNumber: civic++,
        streetName: 'Principale',
        latitude: at[0],
        longitude: at[1],
        source: 'test',
      }),
    )
    .returning({ id: addresses.id });
  if (!address) throw new Error('address insert failed');
  return address.id;
}

/** An account whose household is an active resident at a located address of the town. */
export async function residentAt(db: Database, orgId: string, at: [number, number]) {
  const account = await createAccount(db);
  const streetId = await createStreet(db, orgId);
  const addressId = await createAddress(db, orgId, streetId, at);
  const today = new Date().toISOString().slice(0, 10);
  await db.insert(residencies).values(
    scopeOf(orgId).rows({
      householdId: account.householdId,
      proof: 'staff' as const,
      status: 'active' as const,
      addressId,
      startsOn: today,
      expiresOn: `${Number(today.slice(0, 4)) + 2}${today.slice(4)}`,
      decidedAt: new Date(),
    }),
  );
  return account;
}
