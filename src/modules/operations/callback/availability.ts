import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Database, Executor } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { ALL_SLOTS, availabilityEffectiveFrom, localParts, type Slot } from './call-order.ts';
import { requireCallbackStaff, requireSelfEmployee } from './policies.ts';
import { rulesFor } from './rules.ts';
import { callbackAbsences, callbackAvailabilities, callbackEmployees } from './schema.ts';

type EmployeeRow = typeof callbackEmployees.$inferSelect;

/** The strictest availability deadline among a person's job classes. */
export async function deadlineDaysOf(db: Executor, orgId: string, employee: EmployeeRow): Promise<number> {
  let days = 0;
  for (const jobClass of employee.jobClasses)
    days = Math.max(days, (await rulesFor(db, orgId, jobClass)).availabilityDeadlineDays);
  return days;
}

function checkSlots(slots: string[]): Slot[] {
  for (const s of slots)
    if (!(ALL_SLOTS as readonly string[]).includes(s)) throw new AppError('callback.invalid_slot', 400);
  return ALL_SLOTS.filter((s) => slots.includes(s));
}

async function insertVersion(
  db: Executor,
  orgId: string,
  employee: EmployeeRow,
  slots: Slot[],
  effectiveFrom: string,
  declaredBy: string,
) {
  const [row] = await db
    .insert(callbackAvailabilities)
    .values({ orgId, employeeId: employee.id, effectiveFrom, slots, declaredBy })
    .returning();
  if (!row) throw new Error('availability insert returned nothing');
  return { effectiveFrom: row.effectiveFrom, slots: row.slots, declaredAt: row.createdAt.toISOString() };
}

/**
 * A person declares their availabilities from their own space. The change applies from the first date the
 * agreement's deadline still allows (earlier weeks keep what was declared): a new version, never an edit.
 */
export async function declareMyAvailability(options: {
  db: Database;
  auth: AuthContext | null;
  orgId: string;
  slots: string[];
  now?: Date;
}) {
  const { employee, who } = await requireSelfEmployee(options.db, options.auth, options.orgId);
  const slots = checkSlots(options.slots);
  const days = await deadlineDaysOf(options.db, options.orgId, employee);
  const effectiveFrom = availabilityEffectiveFrom(options.now ?? new Date(), days);
  return insertVersion(options.db, options.orgId, employee, slots, effectiveFrom, who.account.id);
}

/**
 * Staff record availabilities for a person (a paper form, a phone call); by default under the same deadline,
 * or from a date they give (today or later). Audited.
 */
export async function setAvailabilityByStaff(options: {
  db: Database;
  auth: AuthContext | null;
  ip?: string;
  orgId: string;
  employeeId: string;
  slots: string[];
  effectiveFrom?: string;
  now?: Date;
}) {
  const who = requireCallbackStaff(options.auth, options.orgId);
  const { db, orgId } = options;
  const [employee] = await db
    .select()
    .from(callbackEmployees)
    .where(inOrg(callbackEmployees, orgId, eq(callbackEmployees.id, options.employeeId)));
  if (!employee) throw new AppError('callback.employee_not_found', 404);
  const slots = checkSlots(options.slots);
  const now = options.now ?? new Date();
  const today = localParts(now).date;
  const effectiveFrom =
    options.effectiveFrom && options.effectiveFrom >= today
      ? options.effectiveFrom
      : availabilityEffectiveFrom(now, await deadlineDaysOf(db, orgId, employee));
  return db.transaction(async (tx) => {
    const saved = await insertVersion(tx, orgId, employee, slots, effectiveFrom, who.account.id);
    await recordAudit(tx, {
      orgId,
      actorAccountId: who.account.id,
      action: 'callback.availability_set',
      targetType: 'callback_employee',
      targetId: employee.id,
      subjectAccountId: employee.accountId,
      ip: options.ip ?? null,
      details: { effectiveFrom, slots: slots.length },
    });
    return saved;
  });
}

/** Staff record an absence (leave, sickness): the person is passed over during it. Audited. */
export async function addAbsence(options: {
  db: Database;
  auth: AuthContext | null;
  ip?: string;
  orgId: string;
  employeeId: string;
  input: { startsAt: string; endsAt: string; reason?: string };
}) {
  const who = requireCallbackStaff(options.auth, options.orgId);
  const { db, orgId } = options;
  const startsAt = new Date(options.input.startsAt);
  const endsAt = new Date(options.input.endsAt);
  if (!(endsAt > startsAt)) throw new AppError('callback.invalid_interval', 422);
  const [employee] = await db
    .select({ id: callbackEmployees.id, accountId: callbackEmployees.accountId })
    .from(callbackEmployees)
    .where(inOrg(callbackEmployees, orgId, eq(callbackEmployees.id, options.employeeId)));
  if (!employee) throw new AppError('callback.employee_not_found', 404);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(callbackAbsences)
      .values({
        orgId,
        employeeId: employee.id,
        startsAt,
        endsAt,
        reason: options.input.reason?.trim() ?? '',
      })
      .returning();
    if (!row) throw new Error('absence insert returned nothing');
    await recordAudit(tx, {
      orgId,
      actorAccountId: who.account.id,
      action: 'callback.absence_added',
      targetType: 'callback_employee',
      targetId: employee.id,
      subjectAccountId: employee.accountId,
      ip: options.ip ?? null,
    });
    return {
      id: row.id,
      startsAt: row.startsAt.toISOString(),
      endsAt: row.endsAt.toISOString(),
      reason: row.reason,
    };
  });
}

/** Staff remove an absence entered by mistake. Audited. */
export async function removeAbsence(options: {
  db: Database;
  auth: AuthContext | null;
  ip?: string;
  orgId: string;
  absenceId: string;
}) {
  const who = requireCallbackStaff(options.auth, options.orgId);
  const removed = await options.db
    .delete(callbackAbsences)
    .where(inOrg(callbackAbsences, options.orgId, eq(callbackAbsences.id, options.absenceId)))
    .returning();
  if (removed.length === 0) throw new AppError('callback.not_found', 404);
  await recordAudit(options.db, {
    orgId: options.orgId,
    actorAccountId: who.account.id,
    action: 'callback.absence_removed',
    targetType: 'callback_absence',
    targetId: options.absenceId,
    ip: options.ip ?? null,
  });
  return { ok: true };
}
