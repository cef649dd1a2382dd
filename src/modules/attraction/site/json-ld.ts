// schema.org JSON-LD for the public pages (Organization, Event, Place). Written as data blocks
// (<script type="application/ld+json">), which the Content-Security-Policy does not treat as scripts.
import type { MapPlace } from '../places/places.ts';
import type { Region } from './policies.ts';

type Ld = Record<string, unknown>;
const CONTEXT = 'https://schema.org';

/** Serialises a JSON-LD object for a script data block (`<` escaped so text cannot close the tag). */
export function jsonLdBlock(ld: Ld): string {
  return `<script type="application/ld+json">${JSON.stringify(ld).replace(/</g, '\\u003c')}</script>`;
}

const address = (street: string, locality?: string): Ld => ({
  '@type': 'PostalAddress',
  ...(street ? { streetAddress: street } : {}),
  ...(locality ? { addressLocality: locality } : {}),
  addressRegion: 'QC',
  addressCountry: 'CA',
});

/** The MRC running the site, with the municipalities it serves. */
export function organizationLd(region: Region, url: string, locale: 'fr' | 'en'): Ld {
  return {
    '@context': CONTEXT,
    '@type': 'GovernmentOrganization',
    name: region.name[locale],
    url,
    areaServed: region.members.map((m) => ({ '@type': 'City', name: m.name[locale] })),
    address: address('', undefined),
  };
}

/** An event of the region. */
export function eventLd(e: {
  name: string;
  description: string;
  startsAt: Date;
  endsAt: Date | null;
  location: string | null;
  address: string | null;
  url: string;
  imageUrl: string | null;
  region: Region;
  locale: 'fr' | 'en';
}): Ld {
  return {
    '@context': CONTEXT,
    '@type': 'Event',
    name: e.name,
    description: e.description,
    startDate: e.startsAt.toISOString(),
    ...(e.endsAt ? { endDate: e.endsAt.toISOString() } : {}),
    eventStatus: 'https://schema.org/EventScheduled',
    eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
    location: {
      '@type': 'Place',
      name: e.location ?? e.region.name[e.locale],
      address: address(e.address ?? ''),
    },
    organizer: { '@type': 'GovernmentOrganization', name: e.region.name[e.locale] },
    url: e.url,
    inLanguage: e.locale === 'fr' ? 'fr-CA' : 'en-CA',
    ...(e.imageUrl ? { image: [e.imageUrl] } : {}),
  };
}

const PLACE_TYPES: Record<string, string> = {
  daycare: 'ChildCare',
  schools: 'School',
  health: 'MedicalClinic',
  services: 'GovernmentOffice',
  leisure: 'TouristAttraction',
  housing_help: 'Place',
};

/** A place of the map. */
export function placeLd(p: MapPlace, url: string, locale: 'fr' | 'en'): Ld {
  return {
    '@context': CONTEXT,
    '@type': PLACE_TYPES[p.category] ?? 'Place',
    name: p.name[locale],
    ...(p.description[locale] ? { description: p.description[locale] } : {}),
    address: address(p.address, p.municipality?.name[locale]),
    geo: { '@type': 'GeoCoordinates', latitude: p.latitude, longitude: p.longitude },
    ...(p.phone ? { telephone: p.phone } : {}),
    ...(p.website ? { sameAs: [p.website] } : {}),
    url,
  };
}

/** An employer of the directory. */
export function employerLd(e: {
  name: string;
  description: string;
  address: string;
  municipality: string | undefined;
  latitude: number | null;
  longitude: number | null;
  website: string | null;
  logoUrl: string | null;
  naicsCode: string;
  url: string;
}): Ld {
  return {
    '@context': CONTEXT,
    '@type': 'Organization',
    name: e.name,
    ...(e.description ? { description: e.description } : {}),
    address: address(e.address, e.municipality),
    naics: e.naicsCode,
    ...(e.latitude !== null && e.longitude !== null
      ? {
          location: {
            '@type': 'Place',
            geo: { '@type': 'GeoCoordinates', latitude: e.latitude, longitude: e.longitude },
          },
        }
      : {}),
    ...(e.website ? { sameAs: [e.website] } : {}),
    ...(e.logoUrl ? { logo: e.logoUrl } : {}),
    url: e.url,
  };
}
