import { and, eq, isNull, lt, or } from 'drizzle-orm';
import { verify } from 'otplib';
import type { Executor } from '../db/client.ts';
import { accounts } from './schema.ts';

/** The issuer shown in authenticator apps. */
export const TOTP_ISSUER = 'Civique';

// One 30-second step either side, for clocks that drift and people who type slowly.
const TOLERANCE_SECONDS = 30;

/**
 * The time step a TOTP code matches for a secret (one step either side of now), or null.
 * Steps up to `afterStep` are refused, so a code seen once cannot be replayed.
 */
export async function matchTotp(
  secret: string,
  code: string,
  afterStep: number | null,
): Promise<number | null> {
  try {
    const result = await verify({
      secret,
      token: code,
      epochTolerance: TOLERANCE_SECONDS,
      ...(afterStep === null ? {} : { afterTimeStep: afterStep }),
    });
    return result.valid && 'timeStep' in result ? result.timeStep : null;
  } catch {
    // otplib throws on malformed tokens; to the person it is just a wrong code.
    return null;
  }
}

/** Records a step as used, atomically: false when this step (or a later one) was already used. */
export async function claimTotpStep(db: Executor, accountId: string, step: number): Promise<boolean> {
  const claimed = await db
    .update(accounts)
    .set({ totpLastStep: step })
    .where(
      and(eq(accounts.id, accountId), or(isNull(accounts.totpLastStep), lt(accounts.totpLastStep, step))),
    )
    .returning({ id: accounts.id });
  return claimed.length > 0;
}
