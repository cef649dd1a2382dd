import { eq, sql } from 'drizzle-orm';
import type { AuthContext } from '../../../platform/auth/context.ts';
import { requireAccount } from '../../../platform/auth/policies.ts';
import { type Executor, rowsOf } from '../../../platform/db/client.ts';
import { scopeOf } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { type SeasonRow, seasons } from '../activities/schema.ts';
import { ADMISSION_MINUTES, type QueueTicket, readTicket, signTicket } from './queue-token.ts';

/** Where a person stands in the queue. */
export interface QueueStanding {
  seasonId: string;
  position: number;
  admitAt: string;
  waitSeconds: number;
  admitted: boolean;
  /** After this moment an admitted ticket no longer opens registration. */
  expiresAt: string;
  token: string;
}

/** Whether a season's waiting room is on at a moment. */
export function waitingRoomActive(season: SeasonRow, now: Date): boolean {
  return (
    season.waitingRoomPerMinute !== null &&
    season.waitingRoomFrom !== null &&
    season.waitingRoomUntil !== null &&
    now >= season.waitingRoomFrom &&
    now < season.waitingRoomUntil
  );
}

function standing(ticket: QueueTicket, token: string, now: Date): QueueStanding {
  const wait = Math.max(0, Math.ceil((ticket.admitAt - now.getTime()) / 1000));
  return {
    seasonId: ticket.seasonId,
    position: ticket.position,
    admitAt: new Date(ticket.admitAt).toISOString(),
    waitSeconds: wait,
    admitted: wait === 0,
    expiresAt: new Date(ticket.admitAt + ADMISSION_MINUTES * 60_000).toISOString(),
    token,
  };
}

/**
 * Gives the next place in a season's queue. One statement hands out the position and the admission time
 * (a leaky bucket: each admission comes 60/rate seconds after the previous one, never before the
 * residents' opening, never in the past), so the order is the order of arrival and the rate is the one
 * staff set, however many people arrive at once. A person who already holds a valid ticket keeps it.
 */
export async function joinQueue(options: {
  db: Executor;
  auth: AuthContext | null;
  orgId: string;
  seasonId: string;
  currentToken?: string | null;
  now?: Date;
}): Promise<QueueStanding> {
  const who = requireAccount(options.auth);
  const { db, orgId, seasonId } = options;
  const now = options.now ?? new Date();
  const kept = await readTicket(db, options.currentToken);
  if (
    kept &&
    kept.seasonId === seasonId &&
    kept.accountId === who.account.id &&
    now.getTime() < kept.admitAt + ADMISSION_MINUTES * 60_000
  )
    return standing(kept, options.currentToken ?? '', now);
  const at = now.toISOString();
  const result = await db.execute(sql`
    UPDATE citizen_seasons SET
      queue_seq = queue_seq + 1,
      queue_next_admit_at = GREATEST(coalesce(queue_next_admit_at, ${at}::timestamptz), ${at}::timestamptz, resident_opens_at)
        + make_interval(secs => 60.0 / waiting_room_per_minute)
    WHERE org_id = ${orgId} AND id = ${seasonId} AND waiting_room_per_minute IS NOT NULL
      AND ${at}::timestamptz >= waiting_room_from AND ${at}::timestamptz < waiting_room_until
    RETURNING queue_seq AS position,
      queue_next_admit_at - make_interval(secs => 60.0 / waiting_room_per_minute) AS admit_at`);
  const [row] = rowsOf<{ position: number | string; admit_at: string | Date }>(result);
  if (!row) {
    const [season] = await db
      .select({ id: seasons.id })
      .from(seasons)
      .where(scopeOf(orgId).where(seasons, eq(seasons.id, seasonId)));
    throw new AppError(season ? 'waiting_room.closed' : 'season.not_found', 404);
  }
  const ticket: QueueTicket = {
    seasonId,
    accountId: who.account.id,
    position: Number(row.position),
    admitAt: new Date(row.admit_at).getTime(),
  };
  return standing(ticket, await signTicket(db, ticket), now);
}

/** Where a ticket stands now (for the waiting page, polled or after a reconnection). */
export async function queueStatus(options: {
  db: Executor;
  auth: AuthContext | null;
  seasonId: string;
  token: string | null | undefined;
  now?: Date;
}): Promise<QueueStanding> {
  const who = requireAccount(options.auth);
  const ticket = await readTicket(options.db, options.token);
  if (!ticket || ticket.seasonId !== options.seasonId || ticket.accountId !== who.account.id)
    throw new AppError('waiting_room.token_invalid', 403);
  return standing(ticket, options.token ?? '', options.now ?? new Date());
}

/**
 * Lets a registration through the waiting room of its season when the room is on: a ticket of this
 * season and person whose turn has come and whose admission has not lapsed.
 */
export async function requireAdmission(options: {
  db: Executor;
  season: SeasonRow;
  accountId: string;
  token: string | null | undefined;
  now: Date;
}): Promise<void> {
  const { season, now } = options;
  if (!waitingRoomActive(season, now)) return;
  if (!options.token)
    throw new AppError('waiting_room.admission_required', 429, { details: { seasonId: season.id } });
  const ticket = await readTicket(options.db, options.token);
  if (
    !ticket ||
    ticket.seasonId !== season.id ||
    ticket.accountId !== options.accountId ||
    now.getTime() >= ticket.admitAt + ADMISSION_MINUTES * 60_000
  )
    throw new AppError('waiting_room.token_invalid', 403, { details: { seasonId: season.id } });
  if (now.getTime() < ticket.admitAt) {
    const waitSeconds = Math.ceil((ticket.admitAt - now.getTime()) / 1000);
    throw new AppError('waiting_room.not_yet', 429, {
      params: { position: ticket.position, minutes: Math.max(1, Math.ceil(waitSeconds / 60)) },
      details: { seasonId: season.id, position: ticket.position, waitSeconds },
    });
  }
}
