import { and, eq } from 'drizzle-orm';
import { recordPersonalDataAccess } from '../../../platform/audit/record-personal-data-access.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { activeRolls, decodedUse, loadedUseCodes } from './active-roll.ts';
import { decodeCardinalPoint, decodeLinkingWord, decodeStreetType } from './codes.ts';
import { matriculeKey, type RollAddress, valueChange } from './mamh-format.ts';
import { canSeeOwners } from './policies.ts';
import { addressLabel } from './roll-batch.ts';
import { rollUnits } from './schema.ts';

/** The unit page: values, previous value and change, characteristics, use, position; owners for staff only. */
export async function getRollUnit(options: {
  db: Executor;
  auth: AuthContext | null;
  ip: string;
  orgId: string;
  unitId: string;
}) {
  const { db, auth, orgId } = options;
  const rolls = await activeRolls(db, orgId);
  const [unit] = await db
    .select()
    .from(rollUnits)
    .where(inOrg(rollUnits, orgId, eq(rollUnits.id, options.unitId)));
  // Units of superseded or failed imports do not exist for readers.
  const roll = rolls.find((r) => r.importId === unit?.importId);
  if (!unit || !roll) throw new AppError('roll.unit_not_found', 404);
  const earlier = rolls.find((r) => r.year < roll.year);
  const [before] = earlier
    ? await db
        .select({ totalValue: rollUnits.totalValue })
        .from(rollUnits)
        .where(
          and(
            inOrg(rollUnits, orgId, eq(rollUnits.importId, earlier.importId)),
            eq(rollUnits.matriculeKey, unit.matriculeKey),
          ),
        )
    : [];
  const staff = canSeeOwners(auth, orgId);
  if (staff && auth && unit.owners) {
    await recordPersonalDataAccess(db, {
      orgId,
      actorAccountId: auth.account.id,
      subjectAccountId: null,
      ip: options.ip,
      targetType: 'roll_unit',
      targetId: unit.id,
      purpose: 'roll.owners',
      details: { matricule: unit.matricule, year: unit.year },
    });
  }
  const loaded = await loadedUseCodes(db, orgId, [unit.cubf ?? '']);
  const parts = unit.matriculeParts;
  const addresses = (unit.addresses as unknown as RollAddress[]).map((a) => ({
    label: addressLabel(a) ?? '',
    civicFrom: a.civicFrom,
    civicTo: a.civicTo,
    streetName: a.streetName,
    streetType: decodeStreetType(a.streetType),
    linkingWord: decodeLinkingWord(a.linkingWord),
    cardinal: decodeCardinalPoint(a.cardinal),
    apartment: a.apartment,
  }));
  return {
    id: unit.id,
    year: unit.year,
    matricule: unit.matricule,
    matriculeFull: matriculeKey({
      division: parts.division ?? '',
      section: parts.section ?? '',
      emplacement: parts.emplacement ?? '',
      check: parts.check ?? null,
      building: parts.building ?? null,
      local: parts.local ?? null,
    }).replace(/-+$/, ''),
    address: unit.addressLabel,
    addresses,
    lots: unit.lots,
    use: decodedUse(unit.cubf, loaded),
    neighbourhood: unit.neighbourhood,
    characteristics: {
      frontage: unit.frontage,
      area: unit.area,
      storeys: unit.storeys,
      yearBuilt: unit.yearBuilt,
      yearBuiltKind: unit.yearBuiltKind === 'R' || unit.yearBuiltKind === 'E' ? unit.yearBuiltKind : null,
      floorArea: unit.floorArea,
      dwellings: unit.dwellings,
    },
    values: {
      referenceDate: unit.referenceDate,
      land: unit.landValue,
      building: unit.buildingValue,
      total: unit.totalValue,
      previous: unit.previousValue,
      changePercent: valueChange(unit.totalValue, unit.previousValue),
    },
    previousRoll: earlier && before ? { year: earlier.year, totalValue: before.totalValue } : null,
    latitude: unit.latitude,
    longitude: unit.longitude,
    ownersVisible: staff,
    owners: staff ? (unit.owners ?? []) : null,
  };
}

export type RollUnitView = Awaited<ReturnType<typeof getRollUnit>>;
