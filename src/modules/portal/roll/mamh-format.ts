// The MAMH open-data roll format (one XML file per municipality): its field codes and the pure conversion of
// one `<RLUEx>` assessment unit into what the product stores. Readers and writers share these names.

/** A raw unit as read from the file: single fields, and repeated groups (`RL0101x`, `RL0103x`, `RL0201x`). */
export interface RawUnit {
  line: number;
  fields: Record<string, string>;
  groups: Record<string, Array<Record<string, string>>>;
}

/** One address of a unit (block `RL0101x`); codes are kept as written, decoded for display. */
export interface RollAddress {
  civicFrom: number | null;
  civicFromSuffix: string | null;
  civicTo: number | null;
  civicToSuffix: string | null;
  streetType: string | null;
  linkingWord: string | null;
  streetName: string | null;
  cardinal: string | null;
  apartment: string | null;
  apartmentSuffix: string | null;
}

/** The matricule's parts (RL0104A–F): division, section, emplacement, check digit, building, local. */
export interface Matricule {
  division: string;
  section: string;
  emplacement: string;
  check: string | null;
  building: string | null;
  local: string | null;
}

/** An assessment unit as the product stores it. */
export interface RollUnit {
  line: number;
  matricule: Matricule;
  addresses: RollAddress[];
  lots: string[];
  cubf: string | null;
  neighbourhood: string | null;
  frontage: number | null;
  area: number | null;
  storeys: number | null;
  yearBuilt: number | null;
  yearBuiltKind: 'R' | 'E' | null;
  floorArea: number | null;
  dwellings: number | null;
  referenceDate: string | null;
  landValue: number | null;
  buildingValue: number | null;
  totalValue: number | null;
  previousValue: number | null;
  /** Owner blocks (`RL0201x`) exactly as the file holds them; never shown to the public. */
  owners: Array<Record<string, string>>;
}

/** Why a unit was refused; `field` names the MAMH field at fault. */
export interface UnitRejection {
  line: number;
  code: 'roll.unit_matricule' | 'roll.unit_number' | 'roll.unit_date' | 'roll.unit_duplicate';
  field?: string;
}

/** `0668-90-0333`: how people write the first three parts of a matricule. */
export function formatMatricule(m: Pick<Matricule, 'division' | 'section' | 'emplacement'>): string {
  return `${m.division}-${m.section}-${m.emplacement}`;
}

/** The unique key of a unit in one roll: every part, building and local included. */
export function matriculeKey(m: Matricule): string {
  return [m.division, m.section, m.emplacement, m.check ?? '', m.building ?? '', m.local ?? ''].join('-');
}

/** Digits of a typed matricule (`0668-90-0333`, `0668 90 0333`, `0668900333`, or a prefix), or null. */
export function matriculeDigits(query: string): string | null {
  const text = query.trim();
  if (!/^\d{4}([\s-]?\d{1,2}([\s-]?\d{1,4})?)?$/.test(text)) return null;
  return text.replace(/[\s-]/g, '');
}

const INTEGER = /^-?\d+$/;
const DECIMAL = /^-?\d+([.,]\d+)?$/;

class Reject extends Error {
  readonly rejection: Omit<UnitRejection, 'line'>;
  constructor(rejection: Omit<UnitRejection, 'line'>) {
    super(rejection.code);
    this.rejection = rejection;
  }
}

function text(value: string | undefined): string | null {
  const v = value?.trim();
  return v ? v : null;
}

function integer(fields: Record<string, string>, name: string): number | null {
  const v = text(fields[name]);
  if (v === null) return null;
  if (!INTEGER.test(v) || !Number.isSafeInteger(Number(v)))
    throw new Reject({ code: 'roll.unit_number', field: name });
  return Number(v);
}

function decimal(fields: Record<string, string>, name: string): number | null {
  const v = text(fields[name]);
  if (v === null) return null;
  if (!DECIMAL.test(v)) throw new Reject({ code: 'roll.unit_number', field: name });
  return Number(v.replace(',', '.'));
}

function civic(group: Record<string, string>, name: string): number | null {
  const v = text(group[name]);
  if (v === null) return null;
  if (!INTEGER.test(v)) throw new Reject({ code: 'roll.unit_number', field: name });
  return Number(v);
}

function address(group: Record<string, string>): RollAddress {
  return {
    civicFrom: civic(group, 'RL0101Ax'),
    civicFromSuffix: text(group.RL0101Bx),
    civicTo: civic(group, 'RL0101Cx'),
    civicToSuffix: text(group.RL0101Dx),
    streetType: text(group.RL0101Ex),
    linkingWord: text(group.RL0101Fx),
    streetName: text(group.RL0101Gx),
    cardinal: text(group.RL0101Hx),
    apartment: text(group.RL0101Ix),
    apartmentSuffix: text(group.RL0101Jx),
  };
}

/** Converts a raw `<RLUEx>` into a unit, or says why it is refused (the import goes on without it). */
export function toRollUnit(raw: RawUnit): { unit: RollUnit } | { rejection: UnitRejection } {
  try {
    const f = raw.fields;
    const division = text(f.RL0104A);
    const section = text(f.RL0104B);
    const emplacement = text(f.RL0104C);
    for (const [name, value] of [
      ['RL0104A', division],
      ['RL0104B', section],
      ['RL0104C', emplacement],
    ] as const)
      if (!value || !/^\d+$/.test(value)) throw new Reject({ code: 'roll.unit_matricule', field: name });
    const referenceDate = text(f.RL0401A);
    if (referenceDate && !/^\d{4}-\d{2}-\d{2}$/.test(referenceDate))
      throw new Reject({ code: 'roll.unit_date', field: 'RL0401A' });
    const kind = text(f.RL0307B)?.toUpperCase();
    return {
      unit: {
        line: raw.line,
        matricule: {
          division: division ?? '',
          section: section ?? '',
          emplacement: emplacement ?? '',
          check: text(f.RL0104D),
          building: text(f.RL0104E),
          local: text(f.RL0104F),
        },
        addresses: (raw.groups.RL0101x ?? []).map(address),
        lots: (raw.groups.RL0103x ?? [])
          .map((g) => text(g.RL0103Ax)?.replace(/\s+/g, ''))
          .filter((l): l is string => !!l),
        cubf: text(f.RL0105A),
        neighbourhood: text(f.RL0107A),
        frontage: decimal(f, 'RL0301A'),
        area: decimal(f, 'RL0302A'),
        storeys: integer(f, 'RL0306A'),
        yearBuilt: integer(f, 'RL0307A'),
        yearBuiltKind: kind === 'R' || kind === 'E' ? kind : null,
        floorArea: decimal(f, 'RL0308A'),
        dwellings: integer(f, 'RL0311A'),
        referenceDate,
        landValue: integer(f, 'RL0402A'),
        buildingValue: integer(f, 'RL0403A'),
        totalValue: integer(f, 'RL0404A'),
        previousValue: integer(f, 'RL0405A'),
        owners: raw.groups.RL0201x ?? [],
      },
    };
  } catch (error) {
    if (error instanceof Reject) return { rejection: { line: raw.line, ...error.rejection } };
    throw error;
  }
}

/** The change between the previous roll's value and this one, in percent (one decimal), or null. */
export function valueChange(total: number | null, previous: number | null): number | null {
  if (total === null || previous === null || previous === 0) return null;
  return Math.round(((total - previous) / previous) * 1000) / 10;
}
