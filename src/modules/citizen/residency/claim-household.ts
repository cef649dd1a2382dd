import { and, eq, isNull, sql } from 'drizzle-orm';
import { findAccountByEmail } from '../../../platform/auth/accounts.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import { CODE_TTL_MINUTES } from '../../../platform/auth/one-time-codes.ts';
import { accounts } from '../../../platform/auth/schema.ts';
import { type SessionOrigin, type SignedIn, startSession } from '../../../platform/auth/start-session.ts';
import type { Database } from '../../../platform/db/client.ts';
import { scopeOf } from '../../../platform/db/tenancy.ts';
import { normalisePostalCode } from '../../../platform/geo/address-fields.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { JobQueue } from '../../../platform/jobs/queue.ts';
import { notify } from '../../../platform/notify/notify.ts';
import { organisations } from '../../../platform/orgs/schema.ts';
import { todayInQuebec } from '../../../platform/people/birth-date.ts';
import { persons } from '../../../platform/people/schema.ts';
import { selfPerson } from '../../../platform/people/self-person.ts';
import { ageOn } from '../activities/age.ts';
import { activateResidency } from './activate-residency.ts';
import { consumeClaimCode, issueClaimCode } from './claim-codes.ts';
import { CLAIM_CODE } from './emails.ts';
import { civicOf } from './import-households.ts';
import { type ResidencyView, residencyView } from './residency-view.ts';
import { householdRecordMembers, householdRecords } from './schema.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function maskEmail(email: string): string {
  const [user = '', domain = ''] = email.split('@');
  return `${user.slice(0, 1)}•••@${domain}`;
}
function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return `•••-•••-${digits.slice(-4)}`;
}

async function memberOf(db: Database, orgId: string, claimId: string) {
  if (!UUID.test(claimId)) throw new AppError('residency.claim_not_found', 404);
  const scope = scopeOf(orgId);
  const [row] = await db
    .select({ member: householdRecordMembers, record: householdRecords })
    .from(householdRecordMembers)
    .innerJoin(
      householdRecords,
      scope.where(householdRecords, eq(householdRecords.id, householdRecordMembers.recordId)),
    )
    .where(scope.where(householdRecordMembers, eq(householdRecordMembers.id, claimId)));
  if (!row) throw new AppError('residency.claim_not_found', 404);
  if (row.record.claimedAt) throw new AppError('residency.claimed_already', 409);
  return row;
}

/**
 * First step of claiming an imported household without a password: the person gives the card number the
 * town gave them, or their address and postal code, and their birth date. A match answers with the
 * channels on file, masked; no match answers the same whatever was wrong.
 */
export async function startClaim(options: {
  db: Database;
  orgId: string;
  input: { cardNumber?: string; address?: string; postalCode?: string; birthDate: string };
}): Promise<{ claimId: string; channels: Array<{ channel: 'email' | 'sms'; masked: string }> }> {
  const { db, orgId, input } = options;
  const scope = scopeOf(orgId);
  const notFound = new AppError('residency.claim_not_found', 404);
  const base = db
    .select({ member: householdRecordMembers, record: householdRecords })
    .from(householdRecordMembers)
    .innerJoin(
      householdRecords,
      scope.where(householdRecords, eq(householdRecords.id, householdRecordMembers.recordId)),
    );
  let candidates: Array<{
    member: typeof householdRecordMembers.$inferSelect;
    record: typeof householdRecords.$inferSelect;
  }>;
  const card = input.cardNumber?.replace(/[\s-]/g, '');
  if (card) {
    candidates = await base.where(
      scope.where(
        householdRecordMembers,
        eq(householdRecordMembers.cardNumber, card),
        eq(householdRecordMembers.birthDate, input.birthDate),
      ),
    );
  } else {
    const postal = input.postalCode ? normalisePostalCode(input.postalCode) : undefined;
    const civic = input.address ? civicOf(input.address) : null;
    if (!postal || !civic) throw notFound;
    candidates = (
      await base.where(
        scope.where(
          householdRecordMembers,
          eq(householdRecords.postalCode, postal),
          eq(householdRecordMembers.birthDate, input.birthDate),
        ),
      )
    ).filter((c) => civicOf(c.record.addressLine) === civic);
  }
  // Two people of the same birth date at the same civic number and postal code cannot be told apart here.
  const [match] = candidates;
  if (!match || candidates.length !== 1) throw notFound;
  if (match.record.claimedAt) throw new AppError('residency.claimed_already', 409);
  const channels: Array<{ channel: 'email' | 'sms'; masked: string }> = [];
  if (match.member.email) channels.push({ channel: 'email', masked: maskEmail(match.member.email) });
  if (match.member.phone) channels.push({ channel: 'sms', masked: maskPhone(match.member.phone) });
  if (channels.length === 0) throw new AppError('residency.claim_no_contact', 422);
  return { claimId: match.member.id, channels };
}

/** Second step: a one-time code goes to the chosen e-mail or phone on file. */
export async function sendClaimCode(options: {
  db: Database;
  jobs: JobQueue;
  orgId: string;
  locale: 'fr' | 'en';
  input: { claimId: string; channel: 'email' | 'sms' };
}): Promise<{ sent: true; minutes: number }> {
  const { db, orgId, input } = options;
  const { member } = await memberOf(db, orgId, input.claimId);
  const to = input.channel === 'email' ? member.email : member.phone;
  if (!to) throw new AppError('residency.claim_no_contact', 422);
  const code = await issueClaimCode(db, { orgId, memberId: member.id, channel: input.channel });
  const [org] = await db.select().from(organisations).where(eq(organisations.id, orgId));
  await notify(
    { db, jobs: options.jobs },
    {
      to:
        input.channel === 'email'
          ? { email: to, locale: options.locale }
          : { phone: to, locale: options.locale },
      orgId,
      category: 'account',
      channels: [input.channel],
      urgency: 'high',
      template: CLAIM_CODE,
      params: { code, town: { fr: org?.nameFr ?? '', en: org?.nameEn ?? '' }, minutes: CODE_TTL_MINUTES },
    },
  );
  return { sent: true, minutes: CODE_TTL_MINUTES };
}

/**
 * Last step: the code proves the person holds the e-mail or phone on file. Signed in, the record joins
 * their own household. Not signed in, the e-mail on file becomes their account (no password; they sign in
 * later with codes) and they are signed in — an existing account of that e-mail is entered only when the
 * code went to that e-mail. The household's children on file become dependants, the residency is active
 * (proof: household record) and the cards are issued, in one transaction.
 */
export async function completeClaim(options: {
  db: Database;
  auth: AuthContext | null;
  orgId: string;
  origin: SessionOrigin;
  locale: 'fr' | 'en';
  input: { claimId: string; code: string };
}): Promise<{ residency: ResidencyView; signedIn: SignedIn | null }> {
  const { db, orgId, input } = options;
  const { member, record } = await memberOf(db, orgId, input.claimId);
  const channel = await consumeClaimCode(db, { orgId, memberId: member.id, code: input.code });
  let accountId = options.auth?.account.id ?? null;
  let signIn = false;
  if (!accountId) {
    if (!member.email) throw new AppError('residency.claim_needs_email', 409);
    const existing = await findAccountByEmail(db, member.email);
    if (existing && channel !== 'email') throw new AppError('residency.claim_sign_in_first', 409);
    if (existing?.disabledAt) throw new AppError('auth.account_disabled', 403);
    if (existing) accountId = existing.id;
    else {
      const [created] = await db
        .insert(accounts)
        .values({
          email: member.email,
          emailVerifiedAt: channel === 'email' ? new Date() : null,
          givenName: member.givenName,
          familyName: member.familyName,
          phone: member.phone,
          locale: options.locale,
        })
        .onConflictDoNothing()
        .returning({ id: accounts.id });
      if (!created) throw new AppError('residency.claim_sign_in_first', 409);
      accountId = created.id;
    }
    signIn = true;
  }
  const [account] = await db.select().from(accounts).where(eq(accounts.id, accountId));
  if (!account) throw new AppError('residency.claim_not_found', 404);
  const self = await selfPerson(db, account);
  const scope = scopeOf(orgId);
  const today = todayInQuebec();
  const residency = await db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(householdRecords)
      .set({ claimedAt: sql`now()`, claimedHouseholdId: self.householdId, updatedAt: sql`now()` })
      .where(
        scope.where(
          householdRecords,
          and(eq(householdRecords.id, record.id), isNull(householdRecords.claimedAt)),
        ),
      )
      .returning();
    if (!claimed) throw new AppError('residency.claimed_already', 409);
    if (!self.birthDate)
      await tx.update(persons).set({ birthDate: member.birthDate }).where(eq(persons.id, self.id));
    const people = await tx.select().from(persons).where(eq(persons.householdId, self.householdId));
    const onFile = await tx
      .select()
      .from(householdRecordMembers)
      .where(scope.where(householdRecordMembers, eq(householdRecordMembers.recordId, record.id)));
    for (const m of onFile) {
      if (m.id === member.id || ageOn(m.birthDate, today) >= 18) continue;
      const known = people.some(
        (p) =>
          p.birthDate === m.birthDate &&
          p.givenName.localeCompare(m.givenName, 'fr', { sensitivity: 'base' }) === 0,
      );
      if (!known)
        await tx.insert(persons).values({
          householdId: self.householdId,
          role: 'dependant',
          givenName: m.givenName,
          familyName: m.familyName,
          birthDate: m.birthDate,
        });
    }
    return activateResidency(tx, {
      orgId,
      householdId: self.householdId,
      proof: 'household_import',
      accountId,
      recordId: record.id,
      address: { label: record.addressLine, postalCode: record.postalCode },
    });
  });
  const signedIn = signIn ? await startSession({ db, accountId, origin: options.origin, mfa: false }) : null;
  return { residency: residencyView(residency), signedIn };
}
