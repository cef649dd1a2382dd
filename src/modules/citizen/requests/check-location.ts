import type { Executor } from '../../../platform/db/client.ts';
import { reverseGeocode } from '../../../platform/geo/reverse-geocode.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { Locale } from '../../../platform/http/locale.ts';
import type { RequestOrg } from './context.ts';
import { fieldError } from './field-error.ts';

// Quebec, generously: a point outside is a typo (swapped latitude and longitude, a missing minus sign).
const QUEBEC = { south: 44.9, north: 63, west: -80, east: -57 };
// Farther than this from every address of the town's register, the pin is in another municipality.
const OUTSIDE_METRES = 8000;
// Closer than this to a registered address, that address names the place.
const ADDRESS_METRES = 120;

/** A location a request may have: a point in Quebec, near the town when it has an address register. */
export async function checkLocation(
  db: Executor,
  org: RequestOrg,
  input: { lat: number; lon: number; address?: string | null },
  locale: Locale,
): Promise<{ lat: number; lon: number; address: string | null }> {
  const { lat, lon } = input;
  const inside =
    Number.isFinite(lat) &&
    Number.isFinite(lon) &&
    lat >= QUEBEC.south &&
    lat <= QUEBEC.north &&
    lon >= QUEBEC.west &&
    lon <= QUEBEC.east;
  if (!inside) throw fieldError('requests.location_invalid', 'location', locale);
  const given = input.address?.trim() || null;
  try {
    const nearest = await reverseGeocode({ db, orgId: org.id, input: { lat, lon } });
    if (nearest.distanceMeters > OUTSIDE_METRES) {
      throw fieldError('requests.location_outside', 'location', locale, 422, {
        km: Math.round(nearest.distanceMeters / 100) / 10,
        town: org.name[locale],
      });
    }
    return {
      lat,
      lon,
      address: given ?? (nearest.distanceMeters <= ADDRESS_METRES ? nearest.address.label : null),
    };
  } catch (error) {
    // A town without an address register yet: any point in Quebec is taken as given.
    if (error instanceof AppError && error.code === 'address.none_nearby')
      return { lat, lon, address: given };
    throw error;
  }
}
