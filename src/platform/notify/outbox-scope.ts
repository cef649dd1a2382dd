import type { AuthContext } from '../auth/context.ts';
import { requireInstallationAdmin, requireRole } from '../auth/policies.ts';

/** Whose outbox is read: one organisation's (its administrators) or the whole installation's. */
export type OutboxScope = { kind: 'org'; orgId: string } | { kind: 'installation' };

/** Checks the reader may read the scope's outbox (org administrators, or installation administrators). */
export function requireOutboxReader(auth: AuthContext | null, scope: OutboxScope): AuthContext {
  return scope.kind === 'org' ? requireRole(auth, scope.orgId, ['admin']) : requireInstallationAdmin(auth);
}
