import { asc, count, eq, inArray } from 'drizzle-orm';
import { recordPersonalDataAccess } from '../../../platform/audit/record-personal-data-access.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import { accounts } from '../../../platform/auth/schema.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { scopeOf } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { type PageQuery, pageWindow } from '../../../platform/http/pagination.ts';
import { activities } from '../activities/schema.ts';
import { requireRecreationStaff } from './policies.ts';
import { type RegistrationView, registrationView } from './registration-view.ts';
import { type RegistrationStatus, registrations } from './schema.ts';

/** A participant as staff see them: the registration and how to reach the guardian. */
export type StaffRegistration = RegistrationView & {
  birthDate: string | null;
  ageAtReference: number | null;
  guardian: { name: string; email: string | null; phone: string | null } | null;
};

/**
 * An activity's registrations for staff: the attendance list (confirmed), the waitlist in its order, or
 * any status. Opening it is recorded as staff access to personal data.
 */
export async function listActivityRegistrations(options: {
  db: Executor;
  auth: AuthContext | null;
  ip: string;
  orgId: string;
  activityId: string;
  statuses: RegistrationStatus[];
  page: PageQuery;
}): Promise<{
  items: StaffRegistration[];
  page: number;
  perPage: number;
  total: number;
  activity: { code: string; title: { fr: string; en: string } };
}> {
  const who = requireRecreationStaff(options.auth, options.orgId);
  const { db, orgId } = options;
  const scope = scopeOf(orgId);
  const [activity] = await db
    .select()
    .from(activities)
    .where(scope.where(activities, eq(activities.id, options.activityId)));
  if (!activity) throw new AppError('activity.not_found', 404);
  const where = scope.where(
    registrations,
    eq(registrations.activityId, activity.id),
    options.statuses.length ? inArray(registrations.status, options.statuses) : undefined,
  );
  const window = pageWindow(options.page);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        r: registrations,
        guardian: {
          givenName: accounts.givenName,
          familyName: accounts.familyName,
          email: accounts.email,
          phone: accounts.phone,
        },
      })
      .from(registrations)
      .leftJoin(accounts, eq(accounts.id, registrations.accountId))
      .where(where)
      .orderBy(
        asc(registrations.waitlistPosition),
        asc(registrations.familyName),
        asc(registrations.givenName),
      )
      .limit(window.limit)
      .offset(window.offset),
    db.select({ n: count() }).from(registrations).where(where),
  ]);
  await recordPersonalDataAccess(db, {
    orgId,
    actorAccountId: who.account.id,
    subjectAccountId: null,
    ip: options.ip,
    targetType: 'citizen_activity',
    targetId: activity.id,
    purpose: 'registration.list',
    details: { statuses: options.statuses, count: rows.length },
  });
  return {
    activity: { code: activity.code, title: { fr: activity.titleFr, en: activity.titleEn } },
    items: rows.map(({ r, guardian }) => ({
      ...registrationView(r),
      birthDate: r.birthDate,
      ageAtReference: r.ageAtReference,
      guardian: guardian
        ? {
            name: `${guardian.givenName} ${guardian.familyName}`,
            email: guardian.email,
            phone: guardian.phone,
          }
        : null,
    })),
    page: window.page,
    perPage: window.perPage,
    total: total?.n ?? 0,
  };
}
