import { recordAudit } from '../../../platform/audit/record-audit.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import { requireRole } from '../../../platform/auth/policies.ts';
import type { Database } from '../../../platform/db/client.ts';
import { scopeOf } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { mapZones } from './schema.ts';
import { readZoning, type ZoneInput } from './zoning.ts';

/** Replaces the organisation's zones with those of a plan (no policy check: staff use case and demo seed). */
export async function replaceZones(db: Database, orgId: string, zones: readonly ZoneInput[]): Promise<void> {
  const scope = scopeOf(orgId);
  await db.transaction(async (tx) => {
    await tx.delete(mapZones).where(scope.where(mapZones));
    for (let i = 0; i < zones.length; i += 500)
      await tx
        .insert(mapZones)
        .values(
          zones
            .slice(i, i + 500)
            .map((z) => scope.rows({ code: z.code, use: z.use, geometry: z.geometry, ...z.box })),
        );
  });
}

/**
 * Staff (urban planning) import the zoning plan as GeoJSON. A file with any refused feature is refused whole
 * with the features at fault; otherwise its zones replace the previous plan in one transaction.
 */
export async function importZoning(options: {
  db: Database;
  auth: AuthContext | null;
  ip: string;
  orgId: string;
  input: unknown;
}): Promise<{ imported: number }> {
  const who = requireRole(options.auth, options.orgId, ['urban_planning']);
  const read = readZoning(options.input);
  if (!read) throw new AppError('map.zoning_not_geojson', 422);
  if (read.rejected.length || read.zones.length === 0)
    throw new AppError('map.zoning_invalid', 422, { details: { rejected: read.rejected.slice(0, 100) } });
  await replaceZones(options.db, options.orgId, read.zones);
  await recordAudit(options.db, {
    orgId: options.orgId,
    actorAccountId: who.account.id,
    action: 'map.zoning_imported',
    ip: options.ip,
    details: { zones: read.zones.length },
  });
  return { imported: read.zones.length };
}
