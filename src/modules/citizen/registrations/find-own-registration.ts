import { eq } from 'drizzle-orm';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { scopeOf } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { type Household, loadHousehold, memberToActFor } from './household.ts';
import { type RegistrationRow, registrations } from './schema.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A registration of a person the signed-in guardian acts for; anyone else's answers 404. */
export async function findOwnRegistration(
  db: Executor,
  auth: AuthContext | null,
  orgId: string,
  registrationId: string,
): Promise<{ household: Household; registration: RegistrationRow }> {
  const household = await loadHousehold(db, auth);
  const notFound = new AppError('registration.not_found', 404);
  if (!UUID.test(registrationId)) throw notFound;
  const [registration] = await db
    .select()
    .from(registrations)
    .where(scopeOf(orgId).where(registrations, eq(registrations.id, registrationId)));
  if (!registration || registration.householdId !== household.self.householdId) throw notFound;
  try {
    memberToActFor(household, registration.personId);
  } catch {
    throw notFound;
  }
  return { household, registration };
}
