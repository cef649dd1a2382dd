import { and, eq, sql } from 'drizzle-orm';
import type { AuthContext } from '../../../platform/auth/context.ts';
import { requireAccount } from '../../../platform/auth/policies.ts';
import type { Database } from '../../../platform/db/client.ts';
import { newId } from '../../../platform/db/ids.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { Locale } from '../../../platform/http/locale.ts';
import type { JobQueue } from '../../../platform/jobs/queue.ts';
import { sendEmail } from '../../../platform/notify/send-email.ts';
import { notifySettings } from '../../../platform/notify/settings.ts';
import { categoryName, findCategory, loadOrg, loadRequest, requestPaths } from './context.ts';
import { fieldError } from './field-error.ts';
import { CODE_TTL_HOURS, guestToken, hashCode, newCode } from './guest-access.ts';
import { REQUEST_CONFIRM_EMAIL } from './notifications.ts';
import { requestFollowers } from './schema.ts';

/**
 * Follows a confirmed request instead of reporting the same problem again: a signed-in person at once;
 * someone without an account by e-mail, confirmed by the code sent to it. A merged request sends its new
 * followers to the request it was merged into. A guest gets their link's token only for a new follow, so
 * typing someone else's address reveals nothing.
 */
export async function followRequest(options: {
  db: Database;
  jobs: JobQueue;
  auth: AuthContext | null;
  orgId: string;
  requestId: string;
  locale: Locale;
  input: { email?: string; locale?: Locale };
}): Promise<{ requestId: string; reference: string; following: boolean; guestToken: string | null }> {
  const { db, jobs, orgId, locale } = options;
  let request = await loadRequest(db, orgId, options.requestId);
  if (request.mergedIntoId) request = await loadRequest(db, orgId, request.mergedIntoId);
  if (!request.confirmedAt) throw new AppError('requests.not_public', 422);
  const base = { orgId, requestId: request.id, role: 'follower' as const };

  if (options.auth) {
    const who = requireAccount(options.auth);
    await db
      .insert(requestFollowers)
      .values({ ...base, accountId: who.account.id, locale: who.account.locale, confirmedAt: new Date() })
      .onConflictDoNothing();
    return { requestId: request.id, reference: request.reference, following: true, guestToken: null };
  }

  const email = options.input.email?.trim().toLowerCase();
  if (!email) throw fieldError('requests.contact_required', 'email', locale);
  const followerLocale = options.input.locale ?? locale;
  const id = newId();
  const code = newCode();
  const [created] = await db
    .insert(requestFollowers)
    .values({
      ...base,
      id,
      email,
      locale: followerLocale,
      codeHash: hashCode(id, code),
      codeExpiresAt: new Date(Date.now() + CODE_TTL_HOURS * 3600_000),
      codesSent: 1,
    })
    .onConflictDoNothing()
    .returning({ id: requestFollowers.id });
  if (!created) {
    const [existing] = await db
      .select({ confirmedAt: requestFollowers.confirmedAt })
      .from(requestFollowers)
      .where(
        inOrg(
          requestFollowers,
          orgId,
          and(eq(requestFollowers.requestId, request.id), sql`lower(${requestFollowers.email}) = ${email}`),
        ),
      );
    return {
      requestId: request.id,
      reference: request.reference,
      following: !!existing?.confirmedAt,
      guestToken: null,
    };
  }
  const token = await guestToken(db, id);
  const [org, category] = await Promise.all([
    loadOrg(db, orgId),
    findCategory(db, orgId, request.categoryId),
  ]);
  if (!category) throw new Error('request without its category');
  await sendEmail(
    { db, jobs },
    {
      to: email,
      locale: followerLocale,
      template: REQUEST_CONFIRM_EMAIL,
      orgId,
      params: {
        reference: request.reference,
        category: categoryName(category),
        code,
        hours: CODE_TTL_HOURS,
        kind: 'follow',
        url: `${notifySettings(jobs).publicUrl}${requestPaths.guest(org.slug, token)}?code=${code}`,
      },
    },
  );
  return { requestId: request.id, reference: request.reference, following: false, guestToken: token };
}
