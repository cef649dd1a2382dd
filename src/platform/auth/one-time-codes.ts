import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { and, count, desc, eq, gt, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { AppError } from '../http/errors.ts';
import type { Locale } from '../http/locale.ts';
import type { JobQueue } from '../jobs/queue.ts';
import { sendEmail } from '../notify/send-email.ts';
import { normalizeEmail } from './accounts.ts';
import { RESET_CODE_TEMPLATE, SIGN_IN_CODE_TEMPLATE, VERIFY_EMAIL_TEMPLATE } from './emails.ts';
import { oneTimeCodes } from './schema.ts';

export type CodePurpose = (typeof oneTimeCodes.$inferSelect)['purpose'];

export const CODE_TTL_MINUTES = 10;
export const CODE_MAX_ATTEMPTS = 5;
// At most this many codes per address and purpose in the window, so nobody floods an inbox.
const MAX_CODES_PER_WINDOW = 5;
const CODE_WINDOW = sql`interval '15 minutes'`;

const TEMPLATES: Record<CodePurpose, string> = {
  verify_email: VERIFY_EMAIL_TEMPLATE,
  sign_in: SIGN_IN_CODE_TEMPLATE,
  reset_password: RESET_CODE_TEMPLATE,
};

// The address and purpose are mixed in so one hash cannot serve another address or purpose.
function hashCode(email: string, purpose: CodePurpose, code: string): string {
  return createHash('sha256').update(`${purpose}:${email}:${code}`).digest('hex');
}

const sameEmail = (email: string) => sql`lower(${oneTimeCodes.email}) = ${email}`;

/**
 * Issues a fresh 6-digit code (earlier open codes of the same purpose stop working) and returns it,
 * or null when too many codes were sent to this address recently.
 */
export async function issueCode(db: Executor, email: string, purpose: CodePurpose): Promise<string | null> {
  const address = normalizeEmail(email);
  const [recent] = await db
    .select({ n: count() })
    .from(oneTimeCodes)
    .where(
      and(
        sameEmail(address),
        eq(oneTimeCodes.purpose, purpose),
        gt(oneTimeCodes.createdAt, sql`now() - ${CODE_WINDOW}`),
      ),
    );
  if ((recent?.n ?? 0) >= MAX_CODES_PER_WINDOW) return null;
  await db
    .update(oneTimeCodes)
    .set({ consumedAt: sql`now()` })
    .where(and(sameEmail(address), eq(oneTimeCodes.purpose, purpose), isNull(oneTimeCodes.consumedAt)));
  const code = randomInt(0, 1_000_000).toString().padStart(6, '0');
  await db.insert(oneTimeCodes).values({
    email: address,
    purpose,
    codeHash: hashCode(address, purpose, code),
    expiresAt: sql`now() + ${`${CODE_TTL_MINUTES} minutes`}::interval`,
  });
  return code;
}

/** Issues a code and e-mails it in the person's language (silently skipped past the sending cap). */
export async function sendCode(
  ctx: { db: Executor; jobs: JobQueue },
  to: { email: string; locale: Locale; givenName: string },
  purpose: CodePurpose,
): Promise<void> {
  const code = await issueCode(ctx.db, to.email, purpose);
  if (!code) return;
  await sendEmail(ctx, {
    to: to.email,
    locale: to.locale,
    template: TEMPLATES[purpose],
    params: { code, givenName: to.givenName, minutes: CODE_TTL_MINUTES },
  });
}

/**
 * Checks and uses up a code: the latest open one for the address and purpose, unexpired, with
 * attempts left. Each check counts as an attempt (atomically), and a code works once.
 * Throws `auth.code_invalid` otherwise.
 */
export async function consumeCode(
  db: Executor,
  email: string,
  purpose: CodePurpose,
  code: string,
): Promise<void> {
  const address = normalizeEmail(email);
  const latestOpen = db
    .select({ id: oneTimeCodes.id })
    .from(oneTimeCodes)
    .where(
      and(
        sameEmail(address),
        eq(oneTimeCodes.purpose, purpose),
        isNull(oneTimeCodes.consumedAt),
        gt(oneTimeCodes.expiresAt, sql`now()`),
      ),
    )
    .orderBy(desc(oneTimeCodes.createdAt))
    .limit(1);
  const [attempt] = await db
    .update(oneTimeCodes)
    .set({ attempts: sql`${oneTimeCodes.attempts} + 1` })
    .where(and(inArray(oneTimeCodes.id, latestOpen), lt(oneTimeCodes.attempts, CODE_MAX_ATTEMPTS)))
    .returning({ id: oneTimeCodes.id, codeHash: oneTimeCodes.codeHash });
  const invalid = new AppError('auth.code_invalid', 400);
  if (!attempt) throw invalid;
  const expected = Buffer.from(attempt.codeHash, 'hex');
  const given = Buffer.from(hashCode(address, purpose, code), 'hex');
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw invalid;
  const [used] = await db
    .update(oneTimeCodes)
    .set({ consumedAt: sql`now()` })
    .where(and(eq(oneTimeCodes.id, attempt.id), isNull(oneTimeCodes.consumedAt)))
    .returning({ id: oneTimeCodes.id });
  if (!used) throw invalid;
}
