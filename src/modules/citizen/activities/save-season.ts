import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Database } from '../../../platform/db/client.ts';
import { scopeOf } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { requireRecreationStaff } from '../registrations/policies.ts';
import { type FamilyDiscount, type SeasonRow, seasons } from './schema.ts';

/** What staff enter for a season. */
export interface SeasonInput {
  nameFr: string;
  nameEn: string;
  startsOn: string;
  endsOn: string;
  residentOpensAt: string;
  nonResidentOpensAt: string;
  closesAt: string;
  familyDiscounts?: FamilyDiscount[];
  holdMinutes?: number;
  offerHours?: number;
  waitingRoom?: { perMinute: number; from: string; until: string } | null;
}

/** A season as the API shows it. */
export function seasonView(s: SeasonRow) {
  return {
    id: s.id,
    orgId: s.orgId,
    name: { fr: s.nameFr, en: s.nameEn },
    startsOn: s.startsOn,
    endsOn: s.endsOn,
    residentOpensAt: s.residentOpensAt.toISOString(),
    nonResidentOpensAt: s.nonResidentOpensAt.toISOString(),
    closesAt: s.closesAt.toISOString(),
    familyDiscounts: s.familyDiscounts,
    holdMinutes: s.holdMinutes,
    offerHours: s.offerHours,
    waitingRoom:
      s.waitingRoomPerMinute !== null && s.waitingRoomFrom && s.waitingRoomUntil
        ? {
            perMinute: s.waitingRoomPerMinute,
            from: s.waitingRoomFrom.toISOString(),
            until: s.waitingRoomUntil.toISOString(),
          }
        : null,
  };
}
export type SeasonView = ReturnType<typeof seasonView>;

function invalid(reason: string) {
  return new AppError('season.invalid', 422, { params: { reason } });
}

/** Creates a season, or changes one (`seasonId`); recreation staff, audited. */
export async function saveSeason(options: {
  db: Database;
  auth: AuthContext | null;
  ip: string;
  orgId: string;
  seasonId?: string;
  input: SeasonInput;
}): Promise<SeasonView> {
  const who = requireRecreationStaff(options.auth, options.orgId);
  const { db, orgId, input } = options;
  const scope = scopeOf(orgId);
  if (input.endsOn < input.startsOn) invalidThrow('endsOn < startsOn');
  const residentOpensAt = new Date(input.residentOpensAt);
  const nonResidentOpensAt = new Date(input.nonResidentOpensAt);
  const closesAt = new Date(input.closesAt);
  if (nonResidentOpensAt < residentOpensAt) invalidThrow('nonResidentOpensAt < residentOpensAt');
  if (closesAt <= residentOpensAt) invalidThrow('closesAt <= residentOpensAt');
  const discounts = [...(input.familyDiscounts ?? [])].sort((a, b) => a.nth - b.nth);
  if (discounts.some((d) => d.nth < 2 || d.percent < 0 || d.percent > 100)) invalidThrow('familyDiscounts');
  const room = input.waitingRoom;
  if (room && (room.perMinute < 1 || new Date(room.until) <= new Date(room.from)))
    invalidThrow('waitingRoom');
  const values = {
    nameFr: input.nameFr.trim(),
    nameEn: input.nameEn.trim(),
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    residentOpensAt,
    nonResidentOpensAt,
    closesAt,
    familyDiscounts: discounts,
    holdMinutes: input.holdMinutes ?? 30,
    offerHours: input.offerHours ?? 48,
    waitingRoomPerMinute: room?.perMinute ?? null,
    waitingRoomFrom: room ? new Date(room.from) : null,
    waitingRoomUntil: room ? new Date(room.until) : null,
    updatedAt: sql`now()`,
  };
  const [row] = options.seasonId
    ? await db
        .update(seasons)
        .set(values)
        .where(scope.where(seasons, eq(seasons.id, options.seasonId)))
        .returning()
    : await db.insert(seasons).values(scope.rows(values)).returning();
  if (!row) throw new AppError('season.not_found', 404);
  await recordAudit(db, {
    orgId,
    actorAccountId: who.account.id,
    ip: options.ip,
    action: options.seasonId ? 'citizen.season_updated' : 'citizen.season_created',
    targetType: 'citizen_season',
    targetId: row.id,
    details: { name: values.nameFr },
  });
  return seasonView(row);
}

function invalidThrow(reason: string): never {
  throw invalid(reason);
}
