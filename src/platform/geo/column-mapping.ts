// Which column of a file holds which part of an address, and turning one row into an address.
import {
  type AddressInput,
  cleanUnit,
  isValidPosition,
  normalisePostalCode,
  parseCivic,
  parseDegrees,
} from './address-fields.ts';
import { fold, splitStreet, streetTypeOf } from './street-types.ts';

/** The parts of an address a column can hold (`address` is a whole "123 rue X" in one column). */
export const ADDRESS_FIELDS = [
  'address',
  'civicNumber',
  'civicSuffix',
  'streetType',
  'street',
  'unit',
  'municipality',
  'postalCode',
  'latitude',
  'longitude',
] as const;
export type AddressField = (typeof ADDRESS_FIELDS)[number];

/** For each field, the column that holds it, or null. */
export type ColumnMapping = Record<AddressField, string | null>;

// Header names seen in municipal, MAMH, Adresses Québec and OpenStreetMap exports, folded and without spaces.
const SYNONYMS: Record<AddressField, readonly string[]> = {
  address: ['adresse', 'address', 'adressecomplete', 'fulladdress', 'adresseciviquecomplete'],
  civicNumber: [
    'numerocivique',
    'nocivique',
    'civique',
    'numero',
    'no',
    'num',
    'civic',
    'civicnumber',
    'number',
    'housenumber',
    'addrhousenumber',
    'numcivique',
  ],
  civicSuffix: ['suffixe', 'suffix', 'suffixecivique', 'lettre', 'civicsuffix'],
  streetType: ['typerue', 'typevoie', 'generique', 'type', 'streettype', 'specifique_type'],
  street: [
    'rue',
    'nomrue',
    'nomdelarue',
    'odonyme',
    'street',
    'streetname',
    'nomvoie',
    'voie',
    'addrstreet',
    'nomtopographique',
  ],
  unit: ['unite', 'unit', 'app', 'appartement', 'apt', 'suite', 'local', 'addrunit'],
  municipality: ['municipalite', 'ville', 'city', 'municipality', 'nommunicipalite', 'addrcity'],
  postalCode: ['codepostal', 'cp', 'postalcode', 'postal', 'postcode', 'addrpostcode', 'zip'],
  latitude: ['latitude', 'lat', 'y'],
  longitude: ['longitude', 'lon', 'lng', 'long', 'x'],
};

const key = (column: string) => fold(column).replace(/ /g, '');

/** Guesses the mapping from a file's column names; each column serves at most one field. */
export function detectMapping(columns: readonly string[]): ColumnMapping {
  const mapping = Object.fromEntries(ADDRESS_FIELDS.map((f) => [f, null])) as ColumnMapping;
  const used = new Set<string>();
  for (const field of ADDRESS_FIELDS) {
    for (const synonym of SYNONYMS[field]) {
      const column = columns.find((c) => !used.has(c) && key(c) === synonym);
      if (column) {
        mapping[field] = column;
        used.add(column);
        break;
      }
    }
  }
  return mapping;
}

/** Whether a mapping names enough columns to build an address. */
export function mappingIsComplete(mapping: ColumnMapping, hasGeometry: boolean): boolean {
  const hasPlace = mapping.address !== null || (mapping.civicNumber !== null && mapping.street !== null);
  const hasPosition = hasGeometry || (mapping.latitude === null) === (mapping.longitude === null);
  return hasPlace && hasPosition;
}

/** A problem with one line, as a message code and its parameters. */
export interface LineProblem {
  code: string;
  params?: Record<string, string | number>;
}

const cell = (values: Record<string, unknown>, column: string | null): string => {
  if (column === null) return '';
  const value = values[column];
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value.trim() : String(value).trim();
};

/**
 * Builds an address from one row (CSV cells or GeoJSON properties), or says what is wrong with it.
 * `point` is a GeoJSON geometry's [lon, lat], which wins over latitude/longitude columns.
 */
export function rowToAddress(
  values: Record<string, unknown>,
  mapping: ColumnMapping,
  point?: readonly [number, number],
): { address: AddressInput } | { problem: LineProblem } {
  let civicText = cell(values, mapping.civicNumber);
  let streetText = cell(values, mapping.street);
  const whole = cell(values, mapping.address);
  if (whole && (!civicText || !streetText)) {
    const match = whole.match(/^(\d{1,6}(?:\s*-?\s*(?:[A-Za-z]|1\/2))?)(?=[\s,])[,\s]+(.+)$/);
    if (!match?.[1] || !match[2]) return { problem: { code: 'address_import.line.address_unreadable' } };
    civicText ||= match[1];
    streetText ||= match[2];
  }
  if (!civicText) return { problem: { code: 'address_import.line.civic_missing' } };
  const civic = parseCivic(civicText);
  if (!civic) return { problem: { code: 'address_import.line.civic_invalid', params: { value: civicText } } };
  if (!streetText) return { problem: { code: 'address_import.line.street_missing' } };

  const typeText = cell(values, mapping.streetType);
  let streetType: string | null = null;
  let streetName = streetText;
  if (typeText) {
    const type = streetTypeOf(typeText);
    if (!type)
      return { problem: { code: 'address_import.line.street_type_unknown', params: { value: typeText } } };
    streetType = type.name;
  } else {
    ({ type: streetType, name: streetName } = splitStreet(streetText));
  }
  if (streetName.length > 120) return { problem: { code: 'address_import.line.street_too_long' } };

  const suffixText = cell(values, mapping.civicSuffix);
  if (suffixText && !/^([A-Za-z]|1\/2)$/.test(suffixText))
    return { problem: { code: 'address_import.line.suffix_invalid', params: { value: suffixText } } };

  const postalText = cell(values, mapping.postalCode);
  const postalCode = postalText ? normalisePostalCode(postalText) : null;
  if (postalCode === undefined)
    return { problem: { code: 'address_import.line.postal_code_invalid', params: { value: postalText } } };

  let latitude: number | null = null;
  let longitude: number | null = null;
  if (point) {
    [longitude, latitude] = point;
  } else {
    const latText = cell(values, mapping.latitude);
    const lonText = cell(values, mapping.longitude);
    if (latText || lonText) {
      if (!latText || !lonText) return { problem: { code: 'address_import.line.position_incomplete' } };
      const lat = parseDegrees(latText);
      if (lat === undefined || lat < -90 || lat > 90)
        return { problem: { code: 'address_import.line.latitude_invalid', params: { value: latText } } };
      const lon = parseDegrees(lonText);
      if (lon === undefined || lon < -180 || lon > 180)
        return { problem: { code: 'address_import.line.longitude_invalid', params: { value: lonText } } };
      latitude = lat;
      longitude = lon;
    }
  }
  if (latitude !== null && longitude !== null && !isValidPosition(latitude, longitude))
    return { problem: { code: 'address_import.line.position_invalid' } };

  const municipality = cell(values, mapping.municipality);
  const unit = cleanUnit(cell(values, mapping.unit));
  return {
    address: {
      civicNumber: civic.number,
      civicSuffix: suffixText ? suffixText.toUpperCase() : civic.suffix,
      streetType,
      streetName,
      unit,
      municipality: municipality ? municipality.slice(0, 120) : null,
      postalCode,
      latitude,
      longitude,
    },
  };
}
