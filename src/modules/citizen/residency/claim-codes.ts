import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { and, count, desc, eq, gt, inArray, isNull, lt, sql } from 'drizzle-orm';
import { CODE_MAX_ATTEMPTS, CODE_TTL_MINUTES } from '../../../platform/auth/one-time-codes.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { scopeOf } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { claimCodes } from './schema.ts';

// The platform's one-time codes are tied to an account's e-mail and a fixed list of purposes; a claim's
// code goes to the e-mail *or phone* on file of someone who may have no account yet. Same rules here:
// six digits, hashed with what they are for, CODE_TTL_MINUTES to live, CODE_MAX_ATTEMPTS tries, one use,
// a new code cancels the previous ones, at most five codes per 15 minutes.
const MAX_CODES_PER_WINDOW = 5;

function hashCode(memberId: string, channel: string, code: string): string {
  return createHash('sha256').update(`claim:${memberId}:${channel}:${code}`).digest('hex');
}

/** Issues a claim code for a household member on one channel, or throws when too many were sent. */
export async function issueClaimCode(
  db: Executor,
  options: { orgId: string; memberId: string; channel: 'email' | 'sms' },
): Promise<string> {
  const scope = scopeOf(options.orgId);
  const mine = eq(claimCodes.memberId, options.memberId);
  const [recent] = await db
    .select({ n: count() })
    .from(claimCodes)
    .where(scope.where(claimCodes, mine, gt(claimCodes.createdAt, sql`now() - interval '15 minutes'`)));
  if ((recent?.n ?? 0) >= MAX_CODES_PER_WINDOW) throw new AppError('residency.claim_too_many_codes', 429);
  await db
    .update(claimCodes)
    .set({ consumedAt: sql`now()` })
    .where(scope.where(claimCodes, mine, isNull(claimCodes.consumedAt)));
  const code = randomInt(0, 1_000_000).toString().padStart(6, '0');
  await db.insert(claimCodes).values(
    scope.rows({
      memberId: options.memberId,
      channel: options.channel,
      codeHash: hashCode(options.memberId, options.channel, code),
      expiresAt: sql`now() + ${`${CODE_TTL_MINUTES} minutes`}::interval`,
    }),
  );
  return code;
}

/**
 * Checks and uses up the latest open claim code of a member: each check counts as an attempt
 * (atomically), a code works once. Returns the channel it was sent on (what it proves).
 */
export async function consumeClaimCode(
  db: Executor,
  options: { orgId: string; memberId: string; code: string },
): Promise<'email' | 'sms'> {
  const scope = scopeOf(options.orgId);
  const latest = db
    .select({ id: claimCodes.id })
    .from(claimCodes)
    .where(
      scope.where(
        claimCodes,
        eq(claimCodes.memberId, options.memberId),
        isNull(claimCodes.consumedAt),
        gt(claimCodes.expiresAt, sql`now()`),
      ),
    )
    .orderBy(desc(claimCodes.createdAt))
    .limit(1);
  const invalid = new AppError('residency.claim_code_invalid', 400);
  const [attempt] = await db
    .update(claimCodes)
    .set({ attempts: sql`${claimCodes.attempts} + 1` })
    .where(
      scope.where(claimCodes, inArray(claimCodes.id, latest), lt(claimCodes.attempts, CODE_MAX_ATTEMPTS)),
    )
    .returning();
  if (!attempt) throw invalid;
  const expected = Buffer.from(attempt.codeHash, 'hex');
  const given = Buffer.from(hashCode(options.memberId, attempt.channel, options.code.trim()), 'hex');
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw invalid;
  const [used] = await db
    .update(claimCodes)
    .set({ consumedAt: sql`now()` })
    .where(scope.where(claimCodes, and(eq(claimCodes.id, attempt.id), isNull(claimCodes.consumedAt))))
    .returning();
  if (!used) throw invalid;
  return attempt.channel;
}
