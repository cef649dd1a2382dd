import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Database } from '../../../platform/db/client.ts';
import { scopeOf } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { JobQueue } from '../../../platform/jobs/queue.ts';
import { isUniqueViolation } from '../../../platform/payments/start-payment.ts';
import { queueOfferNotices } from '../registrations/notices.ts';
import { offerOpenPlaces } from '../registrations/places.ts';
import { requireRecreationStaff } from '../registrations/policies.ts';
import type { ActivityView } from './activity-view.ts';
import { getActivity } from './get-activity.ts';
import { activities, type Category, seasons, type WeeklySlot } from './schema.ts';

/** What staff enter for an activity. */
export interface ActivityInput {
  seasonId: string;
  code: string;
  category: Category;
  titleFr: string;
  titleEn: string;
  descriptionFr: string;
  descriptionEn: string;
  facility: string;
  instructor?: string | null;
  schedule: WeeklySlot[];
  startsOn: string;
  endsOn: string;
  minAge?: number | null;
  maxAge?: number | null;
  ageReferenceDate?: string | null;
  capacity: number;
  priceResidentCents: number;
  pricePartnerCents: number;
  priceNonResidentCents: number;
  allowInstalments?: boolean;
  refundFullDaysBefore?: number;
  refundPercentAfter?: number;
  cancellationFeeCents?: number;
  status?: 'draft' | 'published' | 'cancelled';
}

function isCheckViolation(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause)
    if ((e as { code?: unknown }).code === '23514') return true;
  return false;
}

const invalid = (reason: string) => new AppError('activity.invalid', 422, { params: { reason } });

/**
 * Creates or changes an activity (recreation staff, audited). Capacity may go down only to the places
 * already taken: the database's check refuses less, whatever registrations happen meanwhile.
 */
export async function saveActivity(options: {
  db: Database;
  auth: AuthContext | null;
  ip: string;
  orgId: string;
  activityId?: string;
  input: ActivityInput;
  jobs?: JobQueue;
}): Promise<ActivityView> {
  const who = requireRecreationStaff(options.auth, options.orgId);
  const { db, orgId, input } = options;
  const scope = scopeOf(orgId);
  const [season] = await db
    .select()
    .from(seasons)
    .where(scope.where(seasons, eq(seasons.id, input.seasonId)));
  if (!season) throw new AppError('season.not_found', 404);
  if (input.endsOn < input.startsOn) throw invalid('endsOn < startsOn');
  if (input.minAge != null && input.maxAge != null && input.minAge > input.maxAge)
    throw invalid('minAge > maxAge');
  for (const slot of input.schedule)
    if (slot.end <= slot.start) throw invalid(`schedule ${slot.start}–${slot.end}`);
  const values = {
    seasonId: input.seasonId,
    code: input.code.trim(),
    category: input.category,
    titleFr: input.titleFr.trim(),
    titleEn: input.titleEn.trim(),
    descriptionFr: input.descriptionFr,
    descriptionEn: input.descriptionEn,
    facility: input.facility.trim(),
    instructor: input.instructor?.trim() || null,
    schedule: input.schedule,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    minAge: input.minAge ?? null,
    maxAge: input.maxAge ?? null,
    ageReferenceDate: input.ageReferenceDate ?? season.startsOn,
    capacity: input.capacity,
    priceResidentCents: input.priceResidentCents,
    pricePartnerCents: input.pricePartnerCents,
    priceNonResidentCents: input.priceNonResidentCents,
    allowInstalments: input.allowInstalments ?? false,
    refundFullDaysBefore: input.refundFullDaysBefore ?? 7,
    refundPercentAfter: input.refundPercentAfter ?? 50,
    cancellationFeeCents: input.cancellationFeeCents ?? 0,
    status: input.status ?? 'published',
    updatedAt: sql`now()`,
  };
  let id: string | undefined;
  try {
    const [row] = options.activityId
      ? await db
          .update(activities)
          .set(values)
          .where(scope.where(activities, eq(activities.id, options.activityId)))
          .returning({ id: activities.id })
      : await db.insert(activities).values(scope.rows(values)).returning({ id: activities.id });
    id = row?.id;
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError('activity.code_taken', 409, { params: { code: values.code } });
    if (isCheckViolation(error) && options.activityId) {
      const [current] = await db
        .select({ taken: activities.taken })
        .from(activities)
        .where(scope.where(activities, eq(activities.id, options.activityId)));
      throw new AppError('activity.capacity_below_taken', 409, { params: { taken: current?.taken ?? 0 } });
    }
    throw error;
  }
  if (!id) throw new AppError('activity.not_found', 404);
  // More room (or an activity published again) goes first to the people waiting.
  const activityId = id;
  const offered = await db.transaction((tx) =>
    offerOpenPlaces(tx, { orgId, activityId, offerHours: season.offerHours }),
  );
  if (options.jobs) await queueOfferNotices(options.jobs, offered);
  await recordAudit(db, {
    orgId,
    actorAccountId: who.account.id,
    ip: options.ip,
    action: options.activityId ? 'citizen.activity_updated' : 'citizen.activity_created',
    targetType: 'citizen_activity',
    targetId: id,
    details: { code: values.code, capacity: values.capacity },
  });
  return getActivity({ db, orgId, activityId: id, includeDrafts: true });
}
