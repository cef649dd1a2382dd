import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { inOrg, scopeOf } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { stationExists } from './get-station.ts';
import { requireOperationsStaff } from './policies.ts';
import { opsDevices } from './schema.ts';

const PREFIX = 'opsdev_';

/** SHA-256 of a token: enough for 256 random bits (no dictionary to slow down, unlike passwords). */
export function hashDeviceToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Staff register a telemetry device for a station; the token is shown once and only its hash is kept. */
export async function createDevice(options: {
  db: Executor;
  auth: AuthContext | null;
  ip: string | null;
  orgId: string;
  stationId: string;
  name: string;
}) {
  const who = requireOperationsStaff(options.auth, options.orgId);
  if (!(await stationExists(options.db, options.orgId, options.stationId)))
    throw new AppError('ops.station_not_found', 404);
  const token = PREFIX + randomBytes(32).toString('base64url');
  const [row] = await options.db
    .insert(opsDevices)
    .values(
      scopeOf(options.orgId).rows({
        stationId: options.stationId,
        name: options.name.trim(),
        tokenHash: hashDeviceToken(token),
        tokenPrefix: token.slice(0, PREFIX.length + 6),
        createdBy: who.account.id,
      }),
    )
    .returning();
  if (!row) throw new Error('device insert failed');
  await recordAudit(options.db, {
    orgId: options.orgId,
    actorAccountId: who.account.id,
    action: 'ops.device.create',
    targetType: 'ops_device',
    targetId: row.id,
    ip: options.ip,
    details: { stationId: options.stationId, name: row.name },
  });
  return { ...deviceView(row), token };
}

function deviceView(row: typeof opsDevices.$inferSelect) {
  return {
    id: row.id,
    stationId: row.stationId,
    name: row.name,
    tokenPrefix: row.tokenPrefix,
    createdAt: row.createdAt.toISOString(),
    lastSeenAt: row.lastSeenAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

/** The devices of a station. */
export async function listDevices(options: {
  db: Executor;
  auth: AuthContext | null;
  orgId: string;
  stationId: string;
}) {
  requireOperationsStaff(options.auth, options.orgId);
  const rows = await options.db
    .select()
    .from(opsDevices)
    .where(inOrg(opsDevices, options.orgId, eq(opsDevices.stationId, options.stationId)))
    .orderBy(opsDevices.createdAt);
  return { items: rows.map(deviceView) };
}

/** Staff revoke a device: its token stops working at once. */
export async function revokeDevice(options: {
  db: Executor;
  auth: AuthContext | null;
  ip: string | null;
  orgId: string;
  deviceId: string;
}) {
  const who = requireOperationsStaff(options.auth, options.orgId);
  const [row] = await options.db
    .update(opsDevices)
    .set({ revokedAt: sql`coalesce(${opsDevices.revokedAt}, now())` })
    .where(inOrg(opsDevices, options.orgId, eq(opsDevices.id, options.deviceId)))
    .returning();
  if (!row) throw new AppError('ops.device_not_found', 404);
  await recordAudit(options.db, {
    orgId: options.orgId,
    actorAccountId: who.account.id,
    action: 'ops.device.revoke',
    targetType: 'ops_device',
    targetId: row.id,
    ip: options.ip,
  });
  return deviceView(row);
}

/**
 * The device a bearer token belongs to in an organisation, or a 401. Looked up by hash (indexed), then
 * compared in constant time; a revoked device's token is refused.
 */
export async function authenticateDevice(
  db: Executor,
  orgId: string,
  authorization: string | undefined,
): Promise<{ id: string; stationId: string }> {
  const token = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (!token?.startsWith(PREFIX)) throw new AppError('ops.device_token_invalid', 401);
  const hash = hashDeviceToken(token);
  const [row] = await db
    .select({ id: opsDevices.id, stationId: opsDevices.stationId, tokenHash: opsDevices.tokenHash })
    .from(opsDevices)
    .where(inOrg(opsDevices, orgId, eq(opsDevices.tokenHash, hash), isNull(opsDevices.revokedAt)));
  if (!row || !timingSafeEqual(Buffer.from(row.tokenHash), Buffer.from(hash)))
    throw new AppError('ops.device_token_invalid', 401);
  await db
    .update(opsDevices)
    .set({ lastSeenAt: sql`now()` })
    .where(and(inOrg(opsDevices, orgId, eq(opsDevices.id, row.id))));
  return { id: row.id, stationId: row.stationId };
}
