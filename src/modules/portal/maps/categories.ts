/** Kinds of points of interest on the citizen map. */
export const PLACE_CATEGORIES = [
  'town_hall',
  'library',
  'arena',
  'pool',
  'park',
  'community_centre',
  'ecocentre',
  'other',
] as const;
export type PlaceCategory = (typeof PLACE_CATEGORIES)[number];
