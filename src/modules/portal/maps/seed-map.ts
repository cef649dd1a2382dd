import type { Database } from '../../../platform/db/client.ts';
import { scopeOf } from '../../../platform/db/tenancy.ts';
import { RDL_CENTRE } from '../roll/demo-roll.ts';
import { replaceZones } from './import-zoning.ts';
import { mapPlaces, mapZones } from './schema.ts';
import { readZoning } from './zoning.ts';

// Rivière-du-Loup's facilities (positions approximate) for the demonstration map.
const PLACES = [
  {
    category: 'town_hall',
    nameFr: 'Hôtel de ville',
    nameEn: 'Town hall',
    address: '65, rue de l’Hôtel-de-Ville',
    latitude: 47.8358,
    longitude: -69.5362,
  },
  {
    category: 'library',
    nameFr: 'Bibliothèque Françoise-Bédard',
    nameEn: 'Françoise-Bédard Library',
    address: '67, rue de l’Hôtel-de-Ville',
    latitude: 47.8361,
    longitude: -69.5357,
  },
  {
    category: 'arena',
    nameFr: 'Centre Premier Tech',
    nameEn: 'Centre Premier Tech',
    address: '85, rue Delage',
    latitude: 47.8267,
    longitude: -69.5398,
  },
  {
    category: 'pool',
    nameFr: 'Piscine municipale',
    nameEn: 'Municipal pool',
    address: '25, rue Saint-Pierre',
    latitude: 47.8301,
    longitude: -69.5296,
  },
  {
    category: 'park',
    nameFr: 'Parc des Chutes',
    nameEn: 'Parc des Chutes',
    address: 'rue Frontenac',
    latitude: 47.8319,
    longitude: -69.5227,
  },
  {
    category: 'park',
    nameFr: 'Parc de la Pointe',
    nameEn: 'Parc de la Pointe',
    address: 'route de la Pointe',
    latitude: 47.8496,
    longitude: -69.5612,
  },
  {
    category: 'community_centre',
    nameFr: 'Centre communautaire Saint-François',
    nameEn: 'Saint-François community centre',
    address: 'rue Saint-François',
    latitude: 47.8243,
    longitude: -69.5315,
  },
  {
    category: 'ecocentre',
    nameFr: 'Écocentre',
    nameEn: 'Ecocentre',
    address: 'rue Témiscouata',
    latitude: 47.8142,
    longitude: -69.5251,
  },
] as const;

/** Rivière-du-Loup's demonstration map: facilities and a small zoning plan (a grid of zones around the centre). */
export async function seedDemoMap(db: Database, orgIds: Map<string, string>): Promise<void> {
  const orgId = orgIds.get('riviere-du-loup');
  if (!orgId) return;
  const scope = scopeOf(orgId);
  const [place] = await db
    .select({ id: mapPlaces.id })
    .from(mapPlaces)
    .where(scope.where(mapPlaces))
    .limit(1);
  if (!place) await db.insert(mapPlaces).values(PLACES.map((p) => scope.rows({ ...p })));
  const [zone] = await db.select({ id: mapZones.id }).from(mapZones).where(scope.where(mapZones)).limit(1);
  if (zone) return;
  const uses = [
    'Résidentielle (H)',
    'Commerciale (C)',
    'Publique (P)',
    'Industrielle (I)',
    'Résidentielle (H)',
    'Récréative (R)',
  ];
  const features = [];
  for (let row = 0; row < 4; row++)
    for (let col = 0; col < 5; col++) {
      const west = RDL_CENTRE.longitude - 0.035 + col * 0.014;
      const south = RDL_CENTRE.latitude - 0.022 + row * 0.011;
      features.push({
        type: 'Feature',
        properties: {
          zone: `${uses[(row * 5 + col) % uses.length]?.slice(-2, -1)}-${100 + row * 5 + col}`,
          usage: uses[(row * 5 + col) % uses.length],
        },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [west, south],
              [west + 0.014, south],
              [west + 0.014, south + 0.011],
              [west, south + 0.011],
              [west, south],
            ],
          ],
        },
      });
    }
  const read = readZoning({ type: 'FeatureCollection', features });
  if (read) await replaceZones(db, orgId, read.zones);
}
