/**
 * The vocabulary of the authorization table: who a route is for, and what each role of the matrix must
 * then get. `access-table.ts` says, route by route (or by pattern with explicit exceptions), which kind
 * applies; this file turns a kind into the expected answer for one role.
 */
import type { RegisteredRoute } from '../../src/app.ts';
import type { Role } from '../../src/platform/auth/schema.ts';
import type { Actor } from './matrix-fixtures.ts';

/**
 * What a role must get: `ok` = the policy let it through (any answer but 401/403, never a 5xx); `any` = the
 * session plays no part (any answer but a 5xx); a number = exactly that status.
 */
export type Outcome = 'ok' | 'any' | number;

/** Who a route is for. */
export type Access =
  /** Everyone, signed in or not (public pages, feeds, catalogues, sign-in itself). */
  | { kind: 'public' }
  /** The route checks credentials sent in the body (password, code): the session plays no part. */
  | { kind: 'credentials' }
  /**
   * A capability in the path (signed link, guest or unsubscribe token): without a valid one, every role is
   * refused alike with `refused` — a session never stands in for the token.
   */
  | { kind: 'token'; refused: number }
  /** Anyone signed in; the route only ever touches the caller's own data (`/api/me/…`). */
  | { kind: 'account' }
  /** Staff holding one of the roles in the organisation (its administrator holds every role). */
  | { kind: 'staff'; roles: readonly Role[] }
  /** Staff of the organisation in any role. */
  | { kind: 'anyStaff' }
  /**
   * The person a record belongs to (`citizen` is signed in as the record's owner), and staff holding one
   * of `staff` roles; anybody else is refused with `other` (404 by default: someone else's record is not
   * even acknowledged to exist).
   */
  | { kind: 'owner'; staff?: readonly Role[]; other?: 403 | 404 }
  /** An installation administrator (with TOTP passed). */
  | { kind: 'installation' }
  /** The organisation's administrator or an installation administrator. */
  | { kind: 'orgAdmin' };

/** One line of the table: a route (`METHOD /path`, `*` for any method, a trailing `*` for a prefix). */
export interface Rule {
  route: string;
  access: Access;
  /** Roles whose answer differs from what the kind says, with the reason in a comment next to it. */
  except?: Partial<Record<Actor, Outcome>>;
}

/** The expected answer of a kind of route for one role of the matrix. */
export function expectedOutcome(access: Access, actor: Actor): Outcome {
  if (access.kind === 'public') return 'ok';
  if (access.kind === 'credentials') return 'any';
  if (access.kind === 'token') return access.refused;
  if (actor === 'anonymous') return 401;
  const role = actor.startsWith('staff:') ? (actor.slice('staff:'.length) as Role) : null;
  switch (access.kind) {
    case 'account':
      return 'ok';
    case 'staff':
      return role && (role === 'admin' || access.roles.includes(role)) ? 'ok' : 403;
    case 'anyStaff':
      return role ? 'ok' : 403;
    case 'owner':
      if (actor === 'citizen') return 'ok';
      if (role && (role === 'admin' || (access.staff ?? []).includes(role))) return 'ok';
      return access.other ?? 404;
    case 'installation':
      return actor === 'installationAdmin' ? 'ok' : 403;
    case 'orgAdmin':
      return actor === 'installationAdmin' || role === 'admin' ? 'ok' : 403;
  }
  return 403;
}

/** Whether a rule's route names this registered route. */
export function ruleMatches(rule: string, route: RegisteredRoute): boolean {
  const space = rule.indexOf(' ');
  const method = rule.slice(0, space);
  const path = rule.slice(space + 1);
  if (method !== '*' && method !== route.method) return false;
  return path.endsWith('*') ? route.url.startsWith(path.slice(0, -1)) : route.url === path;
}
