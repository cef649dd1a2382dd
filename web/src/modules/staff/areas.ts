import type { Role } from '../../app/session.tsx';

/** The module areas of the back-office, one per staff role; their pages come with each module. */
export const AREAS = [
  'recreation',
  'requests',
  'clerk',
  'public_works',
  'urban_planning',
  'treasury',
  'operations',
  'transit_dispatch',
  'transit_driver',
  'attraction',
  'elected',
] as const satisfies readonly Role[];
export type Area = (typeof AREAS)[number];

/** Module areas whose staff pages exist; the others still show the placeholder page. */
export const LIVE_AREAS: ReadonlySet<Area> = new Set<Area>([
  'recreation',
  'requests',
  'urban_planning',
  'clerk',
  'public_works',
  'operations',
  'transit_dispatch',
  'transit_driver',
  'attraction',
]);

/** Every role that can be given, administrators first. */
export const ROLES: readonly Role[] = ['admin', ...AREAS];

/** Whether a text names an area. */
export function isArea(value: string | undefined): value is Area {
  return (AREAS as readonly string[]).includes(value ?? '');
}

/** The areas a person sees in an organisation: all of them for administrators, else their own roles'. */
export function areasFor(roles: readonly Role[]): Area[] {
  if (roles.includes('admin')) return [...AREAS];
  return AREAS.filter((area) => roles.includes(area));
}
