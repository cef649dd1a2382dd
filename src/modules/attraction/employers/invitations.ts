import { createHash, randomBytes } from 'node:crypto';
import { eq, gt, isNull, sql } from 'drizzle-orm';
import type { AuthContext } from '../../../platform/auth/context.ts';
import { requireAccount } from '../../../platform/auth/policies.ts';
import type { Database } from '../../../platform/db/client.ts';
import { inOrg, scopeOf } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { JobQueue } from '../../../platform/jobs/queue.ts';
import { notify } from '../../../platform/notify/notify.ts';
import { COMPANY_INVITATION } from '../notifications.ts';
import { requireCompanyMember } from '../policies.ts';
import { companyInvitations, companyMembers } from './schema.ts';

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/** An owner invites someone by e-mail to act for the company; the link is valid 14 days. */
export async function inviteMember(options: {
  db: Database;
  jobs: JobQueue;
  publicUrl: string;
  auth: AuthContext | null;
  orgId: string;
  companyId: string;
  input: { email: string; role: 'owner' | 'recruiter' };
  locale: 'fr' | 'en';
}) {
  const { db, orgId, companyId, input } = options;
  const { who, company } = await requireCompanyMember(db, options.auth, orgId, companyId, { owner: true });
  const token = randomBytes(24).toString('base64url');
  await db.insert(companyInvitations).values(
    scopeOf(orgId).rows({
      companyId,
      email: input.email.toLowerCase(),
      role: input.role,
      tokenHash: hash(token),
      invitedByAccountId: who.account.id,
      expiresAt: new Date(Date.now() + 14 * 86_400_000),
    }),
  );
  await notify(
    { db, jobs: options.jobs },
    {
      to: { email: input.email, locale: options.locale },
      orgId,
      category: 'account',
      template: COMPANY_INVITATION,
      params: {
        company: company.name,
        inviter: `${who.account.givenName} ${who.account.familyName}`,
        url: `${options.publicUrl}/arrimage/${orgId}/employeur/rejoindre?token=${token}`,
      },
    },
  );
  return { ok: true };
}

/** The invited person (signed in with the invited e-mail) joins the company; the invitation is used once. */
export async function acceptInvitation(options: {
  db: Database;
  auth: AuthContext | null;
  orgId: string;
  token: string;
}) {
  const who = requireAccount(options.auth);
  const { db, orgId } = options;
  return db.transaction(async (tx) => {
    const [inv] = await tx
      .update(companyInvitations)
      .set({ acceptedAt: sql`now()` })
      .where(
        inOrg(
          companyInvitations,
          orgId,
          eq(companyInvitations.tokenHash, hash(options.token)),
          isNull(companyInvitations.acceptedAt),
          gt(companyInvitations.expiresAt, sql`now()`),
          eq(companyInvitations.email, who.account.email.toLowerCase()),
        ),
      )
      .returning();
    if (!inv) throw new AppError('attraction.invitation_invalid', 422);
    await tx
      .insert(companyMembers)
      .values(scopeOf(orgId).rows({ companyId: inv.companyId, accountId: who.account.id, role: inv.role }))
      .onConflictDoNothing();
    return { companyId: inv.companyId };
  });
}
