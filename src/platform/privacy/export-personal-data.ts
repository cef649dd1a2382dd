import { asc, desc, eq, sql } from 'drizzle-orm';
import { auditLog } from '../audit/schema.ts';
import type { AuthContext } from '../auth/context.ts';
import { requireAccount } from '../auth/policies.ts';
import { accounts, memberships, sessions } from '../auth/schema.ts';
import type { Executor } from '../db/client.ts';
import { unauthenticated } from '../http/errors.ts';
import { emailMessages } from '../notify/schema.ts';
import { organisations } from '../orgs/schema.ts';
import { getHousehold } from '../people/get-household.ts';
import { toDeletionRequestView } from './deletion-request-view.ts';
import { toConsentEntry } from './list-consents.ts';
import { consents, deletionRequests } from './schema.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * Everything Civique holds about the signed-in person (Law 25 right of access and portability):
 * account, roles, sessions, household, consents, deletion requests, e-mails sent to them and the
 * audit entries about them. Secrets (password hash, TOTP), session ids and other people's identities
 * (the staff behind an audit entry) are left out.
 */
export async function exportPersonalData(options: { db: Executor; auth: AuthContext | null }) {
  const who = requireAccount(options.auth);
  const { db } = options;
  const accountId = who.account.id;
  const [account] = await db
    .select({
      id: accounts.id,
      email: accounts.email,
      emailVerifiedAt: accounts.emailVerifiedAt,
      givenName: accounts.givenName,
      familyName: accounts.familyName,
      phone: accounts.phone,
      locale: accounts.locale,
      isInstallationAdmin: accounts.isInstallationAdmin,
      totpEnabledAt: accounts.totpEnabledAt,
      createdAt: accounts.createdAt,
    })
    .from(accounts)
    .where(eq(accounts.id, accountId));
  if (!account) throw unauthenticated();

  const roles = await db
    .select({
      orgId: memberships.orgId,
      organisation: organisations.nameFr,
      role: memberships.role,
      since: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.orgId))
    .where(eq(memberships.accountId, accountId))
    .orderBy(asc(memberships.createdAt));
  const sessionRows = await db
    .select({
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      ip: sessions.ip,
      userAgent: sessions.userAgent,
    })
    .from(sessions)
    .where(eq(sessions.accountId, accountId))
    .orderBy(desc(sessions.createdAt));
  const household = await getHousehold({ db, auth: who });
  const consentRows = await db
    .select()
    .from(consents)
    .where(eq(consents.accountId, accountId))
    .orderBy(desc(consents.at), desc(consents.id));
  const requestRows = await db
    .select()
    .from(deletionRequests)
    .where(eq(deletionRequests.accountId, accountId))
    .orderBy(desc(deletionRequests.createdAt));
  const emails = await db
    .select()
    .from(emailMessages)
    .where(sql`lower(${emailMessages.toAddress}) = lower(${account.email})`)
    .orderBy(desc(emailMessages.createdAt));
  const audit = await db
    .select({
      at: auditLog.at,
      orgId: auditLog.orgId,
      action: auditLog.action,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
    })
    .from(auditLog)
    .where(eq(auditLog.subjectAccountId, accountId))
    .orderBy(desc(auditLog.at));

  return {
    exportedAt: new Date().toISOString(),
    account: {
      id: account.id,
      email: account.email,
      emailVerifiedAt: iso(account.emailVerifiedAt),
      givenName: account.givenName,
      familyName: account.familyName,
      phone: account.phone,
      locale: account.locale,
      isInstallationAdmin: account.isInstallationAdmin,
      twoFactorEnabled: account.totpEnabledAt !== null,
      createdAt: iso(account.createdAt),
    },
    roles: roles.map((r) => ({ ...r, since: iso(r.since) })),
    sessions: sessionRows.map((s) => ({
      createdAt: iso(s.createdAt),
      lastSeenAt: iso(s.lastSeenAt),
      expiresAt: iso(s.expiresAt),
      ip: s.ip,
      userAgent: s.userAgent,
    })),
    household,
    consents: consentRows.map((c) => ({ ...toConsentEntry(c), orgId: c.orgId })),
    deletionRequests: requestRows.map(toDeletionRequestView),
    emails: emails.map((m) => ({
      to: m.toAddress,
      orgId: m.orgId,
      subject: m.subject,
      template: m.template,
      locale: m.locale,
      status: m.status,
      createdAt: iso(m.createdAt),
      sentAt: iso(m.sentAt),
      text: m.textBody,
    })),
    auditEntries: audit.map((a) => ({ ...a, at: iso(a.at) })),
  };
}

/** The shape of a personal data export. */
export type PersonalDataExport = Awaited<ReturnType<typeof exportPersonalData>>;
