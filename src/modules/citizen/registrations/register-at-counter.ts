import { and, eq, inArray, sql } from 'drizzle-orm';
import type { StripeConfig } from '../../../config.ts';
import { recordAudit } from '../../../platform/audit/record-audit.ts';
import { recordPersonalDataAccess } from '../../../platform/audit/record-personal-data-access.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import { accounts } from '../../../platform/auth/schema.ts';
import type { Database } from '../../../platform/db/client.ts';
import { scopeOf } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { JobQueue } from '../../../platform/jobs/queue.ts';
import { markOrderPaid } from '../../../platform/payments/mark-order-paid.ts';
import { persons } from '../../../platform/people/schema.ts';
import { selfPerson } from '../../../platform/people/self-person.ts';
import { parseCardNumber } from '../cards/card-number.ts';
import { cards } from '../cards/schema.ts';
import { residentStanding } from '../residency/resident-status.ts';
import { type CartItem, type CheckoutResult, checkOut } from './check-out.ts';
import type { Household } from './household.ts';
import { queueConfirmation } from './notices.ts';
import { requireRecreationStaff } from './policies.ts';
import { registrationView } from './registration-view.ts';
import { registrations } from './schema.ts';

async function householdOfAccount(db: Database, accountId: string): Promise<Household> {
  const [account] = await db.select().from(accounts).where(eq(accounts.id, accountId));
  if (!account) throw new AppError('registration.person_not_found', 404);
  const self = await selfPerson(db, account);
  const members = await db.select().from(persons).where(eq(persons.householdId, self.householdId));
  return { accountId: account.id, self, members };
}

/**
 * Finds a household at the counter or on the phone, by one of this town's card numbers or by the account's
 * e-mail: its members and its standing here. Staff access to personal data: audited.
 */
export async function findHousehold(options: {
  db: Database;
  auth: AuthContext | null;
  ip: string;
  orgId: string;
  input: { cardNumber?: string; email?: string };
}) {
  const who = requireRecreationStaff(options.auth, options.orgId);
  const { db, orgId, input } = options;
  let accountId: string | null = null;
  if (input.cardNumber) {
    const parsed = parseCardNumber(input.cardNumber);
    if (!parsed) throw new AppError('card.number_invalid', 400);
    const [card] = await db
      .select({ householdId: cards.householdId })
      .from(cards)
      .where(scopeOf(orgId).where(cards, eq(cards.number, parsed.number), eq(cards.status, 'active')));
    if (card) {
      const [guardian] = await db
        .select({ accountId: persons.accountId })
        .from(persons)
        .where(
          and(
            eq(persons.householdId, card.householdId),
            eq(persons.role, 'guardian'),
            sql`${persons.accountId} IS NOT NULL`,
          ),
        );
      accountId = guardian?.accountId ?? null;
    }
  } else if (input.email) {
    const [account] = await db
      .select({ id: accounts.id })
      .from(accounts)
      .where(sql`lower(${accounts.email}) = ${input.email.trim().toLowerCase()}`);
    accountId = account?.id ?? null;
  }
  if (!accountId) throw new AppError('registration.person_not_found', 404);
  const household = await householdOfAccount(db, accountId);
  const standing = await residentStanding(db, { orgId, householdId: household.self.householdId });
  await recordPersonalDataAccess(db, {
    orgId,
    actorAccountId: who.account.id,
    subjectAccountId: accountId,
    ip: options.ip,
    targetType: 'household',
    targetId: household.self.householdId,
    purpose: 'registration.counter_lookup',
  });
  return {
    accountId,
    standing: standing.category,
    members: household.members.map((m) => ({
      id: m.id,
      role: m.role,
      givenName: m.givenName,
      familyName: m.familyName,
      birthDate: m.birthDate,
    })),
  };
}

/**
 * Staff register a household's members at the counter or by phone: the same rules and atomic places as
 * online (registration windows aside), and the money taken at once when paid at the counter. Audited.
 */
export async function registerAtCounter(options: {
  db: Database;
  jobs: JobQueue;
  stripeConfig: StripeConfig;
  auth: AuthContext | null;
  ip: string;
  orgId: string;
  locale: 'fr' | 'en';
  input: {
    accountId: string;
    items: CartItem[];
    acceptWaitlist?: boolean;
    source: 'counter' | 'phone';
    payment?: 'cash' | 'debit' | 'cheque' | null;
    instalments?: 1 | 2;
  };
}): Promise<CheckoutResult> {
  const who = requireRecreationStaff(options.auth, options.orgId);
  const { db, orgId, input } = options;
  const household = await householdOfAccount(db, input.accountId);
  const result = await checkOut({
    db,
    jobs: options.jobs,
    auth: options.auth,
    orgId,
    locale: options.locale,
    input: { items: input.items, acceptWaitlist: input.acceptWaitlist },
    counter: { household, staffAccountId: who.account.id, source: input.source },
  });
  if (result.order && input.payment && result.order.totalCents > 0) {
    await markOrderPaid({
      db,
      auth: options.auth,
      ip: options.ip,
      stripeConfig: options.stripeConfig,
      orgId,
      orderId: result.order.id,
      input: { method: input.payment, instalments: input.instalments },
    });
    await queueConfirmation(options.jobs, orgId, result.order.id);
  }
  await recordAudit(db, {
    orgId,
    actorAccountId: who.account.id,
    ip: options.ip,
    action: 'citizen.registered_at_counter',
    targetType: 'household',
    targetId: household.self.householdId,
    subjectAccountId: household.accountId,
    details: {
      source: input.source,
      registrations: result.registrations.map((r) => r.id),
      orderId: result.order?.id ?? null,
    },
  });
  if (!result.order || !input.payment) return result;
  // Paid at the counter: read the registrations as the payment left them (confirmed).
  const rows = await db
    .select()
    .from(registrations)
    .where(
      scopeOf(orgId).where(
        registrations,
        inArray(
          registrations.id,
          result.registrations.map((r) => r.id),
        ),
      ),
    );
  return { ...result, registrations: rows.map(registrationView) };
}
