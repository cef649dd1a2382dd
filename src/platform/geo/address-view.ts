import { formatAddress } from './address-fields.ts';
import { addresses } from './schema.ts';

/** The columns an address is read with (search, reverse geocoding, map layer). */
export const addressColumns = {
  id: addresses.id,
  civicNumber: addresses.civicNumber,
  civicSuffix: addresses.civicSuffix,
  streetType: addresses.streetType,
  streetName: addresses.streetName,
  unit: addresses.unit,
  municipality: addresses.municipality,
  postalCode: addresses.postalCode,
  latitude: addresses.latitude,
  longitude: addresses.longitude,
};

/** An address as the API shows it, with its one-line label. */
export interface AddressView {
  id: string;
  label: string;
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

/** Adds the label to a row read with `addressColumns`. */
export function toAddressView(row: Omit<AddressView, 'label'>): AddressView {
  return { label: formatAddress(row), ...row };
}
