import type { AuthContext } from '../auth/context.ts';
import { requireRole } from '../auth/policies.ts';
import type { Role } from '../auth/schema.ts';

/** Who keeps the address register: urban planning and public works (administrators hold every role). */
export const ADDRESS_REGISTER_ROLES: readonly Role[] = ['urban_planning', 'public_works'];

/** Staff who may import into an organisation's address register, or a 401/403. */
export function requireAddressRegistrar(auth: AuthContext | null, orgId: string): AuthContext {
  return requireRole(auth, orgId, ADDRESS_REGISTER_ROLES);
}
