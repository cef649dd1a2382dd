import { asc, eq, inArray } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { inOrg, scopeOf } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { isUniqueViolation } from '../requests/unique-violation.ts';
import { type AreaSector, closedPolygon, type LatLon } from './area.ts';
import { requireAlertStaff } from './policies.ts';
import { alertSectors } from './schema.ts';

type SectorRow = typeof alertSectors.$inferSelect;
const toSector = (row: SectorRow): AreaSector => ({
  id: row.id,
  name: { fr: row.nameFr, en: row.nameEn },
  points: row.points,
});

/** The organisation's sectors by French name (public: residents see which sector an alert covers). */
export async function listSectors(options: {
  db: Executor;
  orgId: string;
}): Promise<{ items: AreaSector[] }> {
  const rows = await options.db
    .select()
    .from(alertSectors)
    .where(inOrg(alertSectors, options.orgId))
    .orderBy(asc(alertSectors.nameFr));
  return { items: rows.map(toSector) };
}

/** Authorised staff draw a named sector; its ring is checked like an alert polygon. Audited. */
export async function createSector(options: {
  db: Executor;
  auth: AuthContext | null;
  ip: string;
  orgId: string;
  input: { name: { fr: string; en: string }; points: LatLon[] };
}): Promise<AreaSector> {
  const who = requireAlertStaff(options.auth, options.orgId);
  const ring = closedPolygon(options.input.points);
  if ('problem' in ring) throw new AppError(ring.problem, 422);
  const row = await options.db
    .insert(alertSectors)
    .values(
      scopeOf(options.orgId).rows({
        nameFr: options.input.name.fr.trim(),
        nameEn: options.input.name.en.trim(),
        // Stored open: the closing point is added again wherever CAP needs it.
        points: ring.points.slice(0, -1),
      }),
    )
    .returning()
    .then((r) => r[0])
    .catch((e: unknown) => {
      if (isUniqueViolation(e)) throw new AppError('alert.sector_name_taken', 409);
      throw e;
    });
  if (!row) throw new Error('sector insert returned nothing');
  await recordAudit(options.db, {
    orgId: options.orgId,
    actorAccountId: who.account.id,
    action: 'citizen.alert_sector_created',
    targetType: 'citizen_alert_sector',
    targetId: row.id,
    ip: options.ip,
  });
  return toSector(row);
}

/** Authorised staff remove a sector (alerts already sent keep their copy of it). Audited. */
export async function deleteSector(options: {
  db: Executor;
  auth: AuthContext | null;
  ip: string;
  orgId: string;
  sectorId: string;
}): Promise<void> {
  const who = requireAlertStaff(options.auth, options.orgId);
  const removed = await options.db
    .delete(alertSectors)
    .where(inOrg(alertSectors, options.orgId, eq(alertSectors.id, options.sectorId)))
    .returning({ id: alertSectors.id });
  if (!removed.length) throw new AppError('alert.sector_unknown', 404);
  await recordAudit(options.db, {
    orgId: options.orgId,
    actorAccountId: who.account.id,
    action: 'citizen.alert_sector_deleted',
    targetType: 'citizen_alert_sector',
    targetId: options.sectorId,
    ip: options.ip,
  });
}

/** The chosen sectors of the organisation, copied into an alert's area; an unknown id is refused. */
export async function resolveSectors(
  db: Executor,
  orgId: string,
  ids: readonly string[],
): Promise<AreaSector[]> {
  const wanted = [...new Set(ids)];
  const rows = await db
    .select()
    .from(alertSectors)
    .where(inOrg(alertSectors, orgId, inArray(alertSectors.id, wanted)))
    .orderBy(asc(alertSectors.nameFr));
  if (rows.length !== wanted.length) throw new AppError('alert.sector_unknown', 422);
  return rows.map(toSector);
}
