import { and, asc, count, eq, ilike, or, sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit.ts';
import { recordPersonalDataAccess } from '../../../platform/audit/record-personal-data-access.ts';
import { findAccountByEmail, isUniqueViolation } from '../../../platform/auth/accounts.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Database } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { type PageQuery, pageWindow } from '../../../platform/http/pagination.ts';
import { availabilityHistory } from './candidates.ts';
import { requireCallbackStaff } from './policies.ts';
import { type ContactChannel, callbackAbsences, callbackEmployees } from './schema.ts';

/** A person on the list as staff enter it. */
export interface EmployeeInput {
  employeeNumber: string;
  givenName: string;
  familyName: string;
  jobClasses: string[];
  qualifications?: string[];
  seniorityHours?: number;
  seniorityDate?: string | null;
  email?: string | null;
  phone?: string | null;
  channels?: ContactChannel[];
  locale?: 'fr' | 'en';
  active?: boolean;
  /** E-mail of the Civique account to link (the person answers from their own space); null unlinks. */
  accountEmail?: string | null;
}

const clean = (list: string[] | undefined) => [...new Set((list ?? []).map((x) => x.trim()).filter(Boolean))];

async function valuesOf(db: Database, input: EmployeeInput) {
  const jobClasses = clean(input.jobClasses);
  if (jobClasses.length === 0) throw new AppError('callback.no_job_class', 422);
  const channels = [...new Set(input.channels ?? (['email'] as ContactChannel[]))];
  const email = input.email?.trim() || null;
  const phone = input.phone?.trim() || null;
  if ((channels.includes('email') && !email) || (channels.includes('sms') && !phone))
    throw new AppError('callback.contact_missing', 422);
  let accountId: string | null | undefined;
  if (input.accountEmail === null) accountId = null;
  else if (input.accountEmail) {
    const account = await findAccountByEmail(db, input.accountEmail);
    if (!account) throw new AppError('callback.account_not_found', 422);
    accountId = account.id;
  }
  return {
    employeeNumber: input.employeeNumber.trim(),
    givenName: input.givenName.trim(),
    familyName: input.familyName.trim(),
    jobClasses,
    qualifications: clean(input.qualifications),
    seniorityHours: input.seniorityHours ?? 0,
    seniorityDate: input.seniorityDate ?? null,
    email,
    phone,
    channels,
    locale: input.locale ?? 'fr',
    active: input.active ?? true,
    ...(accountId !== undefined ? { accountId } : {}),
  };
}

function uniqueErrors(error: unknown): never {
  if (isUniqueViolation(error)) {
    const text = String(
      (error as { constraint?: string; message?: string }).constraint ?? (error as Error).message,
    );
    throw new AppError(
      text.includes('account') ? 'callback.account_taken' : 'callback.employee_number_taken',
      409,
    );
  }
  throw error;
}

/** Staff add a person to the list or change their record (`employeeId` given). Audited. */
export async function saveEmployee(options: {
  db: Database;
  auth: AuthContext | null;
  ip?: string;
  orgId: string;
  employeeId?: string;
  input: EmployeeInput;
}) {
  const who = requireCallbackStaff(options.auth, options.orgId);
  const { db, orgId } = options;
  const values = await valuesOf(db, options.input);
  const row = await db
    .transaction(async (tx) => {
      let saved: typeof callbackEmployees.$inferSelect | undefined;
      if (options.employeeId) {
        [saved] = await tx
          .update(callbackEmployees)
          .set({ ...values, updatedAt: new Date() })
          .where(inOrg(callbackEmployees, orgId, eq(callbackEmployees.id, options.employeeId)))
          .returning();
        if (!saved) throw new AppError('callback.employee_not_found', 404);
      } else
        [saved] = await tx
          .insert(callbackEmployees)
          .values({ ...values, orgId })
          .returning();
      if (!saved) throw new Error('employee save returned nothing');
      await recordAudit(tx, {
        orgId,
        actorAccountId: who.account.id,
        action: options.employeeId ? 'callback.employee_updated' : 'callback.employee_added',
        targetType: 'callback_employee',
        targetId: saved.id,
        subjectAccountId: saved.accountId,
        ip: options.ip ?? null,
        details: { employeeNumber: saved.employeeNumber, jobClasses: saved.jobClasses },
      });
      return saved;
    })
    .catch(uniqueErrors);
  return employeeView(row);
}

/** The shape of a person on the list for staff. */
export function employeeView(row: typeof callbackEmployees.$inferSelect) {
  return {
    id: row.id,
    employeeNumber: row.employeeNumber,
    givenName: row.givenName,
    familyName: row.familyName,
    jobClasses: row.jobClasses,
    qualifications: row.qualifications,
    seniorityHours: row.seniorityHours,
    seniorityDate: row.seniorityDate,
    email: row.email,
    phone: row.phone,
    channels: row.channels,
    locale: row.locale,
    active: row.active,
    linked: row.accountId !== null,
  };
}

/** The list (staff): filter by job class or text, ordered by name. */
export async function listEmployees(options: {
  db: Database;
  auth: AuthContext | null;
  orgId: string;
  query: PageQuery & { jobClass?: string; q?: string };
}) {
  requireCallbackStaff(options.auth, options.orgId);
  const { db, orgId, query } = options;
  const w = pageWindow(query);
  const like = query.q ? `%${query.q}%` : null;
  const where = inOrg(
    callbackEmployees,
    orgId,
    query.jobClass ? sql`${query.jobClass} = any(${callbackEmployees.jobClasses})` : undefined,
    like
      ? or(
          ilike(callbackEmployees.givenName, like),
          ilike(callbackEmployees.familyName, like),
          ilike(callbackEmployees.employeeNumber, like),
        )
      : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(callbackEmployees)
      .where(where)
      .orderBy(asc(callbackEmployees.familyName), asc(callbackEmployees.givenName))
      .limit(w.limit)
      .offset(w.offset),
    db.select({ n: count() }).from(callbackEmployees).where(where),
  ]);
  return { items: rows.map(employeeView), page: w.page, perPage: w.perPage, total: total?.n ?? 0 };
}

/** One person's file (staff): record, availability history, absences. The access is audited (Law 25). */
export async function getEmployee(options: {
  db: Database;
  auth: AuthContext | null;
  ip?: string;
  orgId: string;
  employeeId: string;
}) {
  const who = requireCallbackStaff(options.auth, options.orgId);
  const { db, orgId, employeeId } = options;
  const [row] = await db
    .select()
    .from(callbackEmployees)
    .where(inOrg(callbackEmployees, orgId, eq(callbackEmployees.id, employeeId)));
  if (!row) throw new AppError('callback.employee_not_found', 404);
  await recordPersonalDataAccess(db, {
    orgId,
    actorAccountId: who.account.id,
    subjectAccountId: row.accountId,
    ip: options.ip ?? null,
    targetType: 'callback_employee',
    targetId: row.id,
    purpose: 'callback.employee_view',
  });
  const [availability, absences] = await Promise.all([
    availabilityHistory(db, orgId, employeeId),
    db
      .select()
      .from(callbackAbsences)
      .where(and(inOrg(callbackAbsences, orgId), eq(callbackAbsences.employeeId, employeeId)))
      .orderBy(asc(callbackAbsences.startsAt)),
  ]);
  return {
    ...employeeView(row),
    availability: availability.map((a) => ({
      effectiveFrom: a.effectiveFrom,
      slots: a.slots,
      declaredAt: a.createdAt.toISOString(),
    })),
    absences: absences.map((a) => ({
      id: a.id,
      startsAt: a.startsAt.toISOString(),
      endsAt: a.endsAt.toISOString(),
      reason: a.reason,
    })),
  };
}
