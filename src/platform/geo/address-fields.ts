// Pure parsers of the parts of an address, shared by imports, search and the benchmark.

/** An address as the register stores it (before the database adds its id and search text). */
export interface AddressInput {
  civicNumber: number;
  civicSuffix: string | null;
  streetType: string | null;
  streetName: string;
  unit: string | null;
  municipality: string | null;
  postalCode: string | null;
  latitude: number | null;
  longitude: number | null;
}

/** The largest civic number accepted (Quebec numbers rarely pass five digits). */
export const MAX_CIVIC_NUMBER = 999_999;

/** "123", "123A", "123-A", "123 1/2" → number and suffix; undefined when it is no civic number. */
export function parseCivic(value: string): { number: number; suffix: string | null } | undefined {
  const match = value.trim().match(/^(\d{1,6})\s*-?\s*([A-Za-z]|1\/2|½)?$/);
  if (!match?.[1]) return undefined;
  const number = Number(match[1]);
  if (number < 1 || number > MAX_CIVIC_NUMBER) return undefined;
  const suffix = match[2] ? (match[2] === '½' ? '1/2' : match[2].toUpperCase()) : null;
  return { number, suffix };
}

// Canada Post never uses D, F, I, O, Q or U, and W or Z never start a code.
const POSTAL_CODE = /^([ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z])(\d[ABCEGHJ-NPRSTV-Z]\d)$/;

/** "j6e1a1", "J6E-1A1" → "J6E 1A1"; undefined when it is no Canadian postal code. */
export function normalisePostalCode(value: string): string | undefined {
  const compact = value.toUpperCase().replace(/[\s-]+/g, '');
  const match = compact.match(POSTAL_CODE);
  return match ? `${match[1]} ${match[2]}` : undefined;
}

/** "app. 4", "# 4", "Unité 4" → "4": the register keeps the unit itself, not the word before it. */
export function cleanUnit(value: string): string | null {
  const unit = value
    .trim()
    .replace(/^(app(artement)?|apt|unit[eé]?|suite|bureau|local|porte|#)\.?\s*/i, '')
    .trim();
  return unit === '' ? null : unit.slice(0, 20);
}

/** A decimal degree written with a dot or a French decimal comma; undefined when not a finite number. */
export function parseDegrees(value: string): number | undefined {
  const text = value.trim();
  if (!/^[-+]?\d{1,3}([.,]\d+)?$/.test(text)) return undefined;
  const number = Number(text.replace(',', '.'));
  return Number.isFinite(number) ? number : undefined;
}

/** Whether a latitude and longitude are both in range. */
export function isValidPosition(latitude: number, longitude: number): boolean {
  return latitude >= -90 && latitude <= 90 && longitude >= -180 && longitude <= 180;
}

/** An address written on one line the way Canada Post does: `4-123A, rue Saint-Jean`. */
export function formatAddress(a: {
  civicNumber: number;
  civicSuffix: string | null;
  streetType: string | null;
  streetName: string;
  unit: string | null;
}): string {
  const civic = `${a.unit ? `${a.unit}-` : ''}${a.civicNumber}${a.civicSuffix ?? ''}`;
  return `${civic}, ${a.streetType ? `${a.streetType} ` : ''}${a.streetName}`;
}
