import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Database } from '../../../platform/db/client.ts';
import { scopeOf } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { transitShifts } from '../network/schema.ts';
import { requireDriver } from '../policies.ts';
import { publishLive } from '../tracking/bus.ts';
import { findCurrentShift, findMyDriver } from './manifest.ts';

/** The driver starts or ends their current shift (a conditional update: each happens once). */
export async function setShiftStatus(options: {
  db: Database;
  auth: AuthContext | null;
  ip: string;
  orgId: string;
  action: 'start' | 'end';
  now?: Date;
}): Promise<{ id: string; status: string }> {
  const who = requireDriver(options.auth, options.orgId);
  const { db, orgId } = options;
  const now = options.now ?? new Date();
  const driver = await findMyDriver(db, orgId, who.account.id);
  const shift = driver ? await findCurrentShift(db, orgId, driver.id, now) : null;
  if (!shift) throw new AppError('transit.no_shift', 404);
  const from = options.action === 'start' ? 'planned' : 'started';
  const to = options.action === 'start' ? 'started' : 'ended';
  const [row] = await db
    .update(transitShifts)
    .set(options.action === 'start' ? { status: to, startedAt: now } : { status: to, endedAt: now })
    .where(
      scopeOf(orgId).where(transitShifts, eq(transitShifts.id, shift.id), eq(transitShifts.status, from)),
    )
    .returning();
  if (!row) throw new AppError('transit.bad_transition', 409, { params: { status: shift.status } });
  await recordAudit(db, {
    orgId,
    actorAccountId: who.account.id,
    ip: options.ip,
    action: `transit.shift.${options.action}`,
    targetType: 'transit_shift',
    targetId: row.id,
  });
  publishLive(orgId, { type: 'trip', tripId: '', vehicleId: row.vehicleId, status: `shift_${row.status}` });
  return { id: row.id, status: row.status };
}
