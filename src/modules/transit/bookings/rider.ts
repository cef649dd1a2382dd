import type { AuthContext } from '../../../platform/auth/context.ts';
import { requireAccount } from '../../../platform/auth/policies.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { requireDispatcher } from '../policies.ts';

/** A person who phoned in, as the dispatcher identifies them: a name and a number, or their account. */
export interface Caller {
  name: string;
  phone: string;
  accountId?: string;
}

/** Who a booking's trips are for. */
export interface Rider {
  accountId: string | null;
  name: string;
  phone: string;
}

/**
 * Who books and for whom: a rider for themself, or a dispatcher of the organisation for someone who called
 * (identified by their account, or else by both a name and a phone number).
 */
export function bookingParties(
  auth: AuthContext | null,
  orgId: string,
  caller: Caller | undefined,
): { who: AuthContext; rider: Rider } {
  if (!caller) {
    const who = requireAccount(auth);
    return {
      who,
      rider: {
        accountId: who.account.id,
        name: `${who.account.givenName} ${who.account.familyName}`.trim(),
        phone: '',
      },
    };
  }
  const who = requireDispatcher(auth, orgId);
  if (!caller.accountId && (!caller.name.trim() || !caller.phone.trim()))
    throw new AppError('transit.rider_required', 422);
  return {
    who,
    rider: { accountId: caller.accountId ?? null, name: caller.name.trim(), phone: caller.phone.trim() },
  };
}
