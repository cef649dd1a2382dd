import type { AuthContext } from '../auth/context.ts';
import { hasRole, requireRole } from '../auth/policies.ts';
import type { Role } from '../auth/schema.ts';
import { forbidden } from '../http/errors.ts';

// Which staff roles serve the orders of each module (by the first segment of a line's module, e.g.
// `citizen` for `citizen.registration`). Treasury and administrators serve every order.
const MODULE_ROLES = new Map<string, readonly Role[]>([
  ['citizen', ['recreation', 'requests', 'clerk']],
  ['portal', ['urban_planning', 'clerk']],
  ['operations', ['operations', 'public_works']],
  ['transit', ['transit_dispatch']],
  ['attraction', ['attraction']],
]);

/** Lets a module name the staff roles that may take payments and refund its orders (`citizen.registration` → recreation). */
export function registerModuleRoles(module: string, roles: readonly Role[]): void {
  MODULE_ROLES.set(module, roles);
}

/** The roles serving a module: its own registration, else its first segment's. */
export function rolesForModule(module: string): readonly Role[] {
  return MODULE_ROLES.get(module) ?? MODULE_ROLES.get(module.split('.')[0] ?? '') ?? [];
}

const ALL_MODULE_ROLES = (): Role[] => [...new Set([...MODULE_ROLES.values()].flat())];

/** Treasury (or an administrator) of the organisation: reconciliation and settings. */
export function requireTreasury(auth: AuthContext | null, orgId: string): AuthContext {
  return requireRole(auth, orgId, ['treasury']);
}

/** Whether the person sees every order of the organisation (treasury, administrators). */
export function seesAllOrders(auth: AuthContext | null, orgId: string): boolean {
  return hasRole(auth, orgId, ['treasury']);
}

/** Staff who handle orders: treasury, or a role serving at least one module. */
export function requireOrderStaff(auth: AuthContext | null, orgId: string): AuthContext {
  return requireRole(auth, orgId, ['treasury', ...ALL_MODULE_ROLES()]);
}

/** The module prefixes (first segments) whose orders a non-treasury staff member serves. */
export function servedModulePrefixes(auth: AuthContext, orgId: string): string[] {
  const prefixes = new Set<string>();
  for (const [module, roles] of MODULE_ROLES)
    if (hasRole(auth, orgId, roles)) prefixes.add(module.split('.')[0] ?? module);
  return [...prefixes];
}

/**
 * Staff allowed to act on one order: treasury, or a role serving one of the order's modules.
 * Checked after `requireOrderStaff`, once the order's lines are known.
 */
export function requireServesOrder(auth: AuthContext, orgId: string, modules: readonly string[]): void {
  if (seesAllOrders(auth, orgId)) return;
  if (modules.some((m) => hasRole(auth, orgId, rolesForModule(m)))) return;
  throw forbidden();
}
