import { type Static, Type } from 'typebox';
import { LocaleSchema } from '../http/schemas.ts';
import type { AuthContext } from './context.ts';
import { ROLES } from './schema.ts';

/** One of the roles a person can hold in an organisation. */
export const RoleSchema = Type.Enum(ROLES);

/** What the web app knows of the person signed in (GET /api/session and every sign-in answer). */
export const SessionSchema = Type.Object(
  {
    account: Type.Union([
      Type.Object({
        id: Type.String(),
        email: Type.String(),
        givenName: Type.String(),
        familyName: Type.String(),
        locale: LocaleSchema,
        isInstallationAdmin: Type.Boolean(),
        totpEnabled: Type.Boolean(),
        emailVerified: Type.Boolean(),
      }),
      Type.Null(),
    ]),
    memberships: Type.Array(Type.Object({ orgId: Type.String(), role: RoleSchema })),
    mfa: Type.Boolean(),
    /** Signed in with a password or code, but the TOTP code is still to be entered. */
    mfaPending: Type.Boolean(),
  },
  { $id: 'Session' },
);
export type SessionBody = Static<typeof SessionSchema>;

/** The session body of an auth context (an anonymous one when there is none). */
export function sessionBody(auth: AuthContext | null): SessionBody {
  if (!auth) return { account: null, memberships: [], mfa: false, mfaPending: false };
  return {
    account: { ...auth.account },
    memberships: auth.memberships.map((m) => ({ orgId: m.orgId, role: m.role })),
    mfa: auth.mfa,
    mfaPending: auth.account.totpEnabled && !auth.mfa,
  };
}
