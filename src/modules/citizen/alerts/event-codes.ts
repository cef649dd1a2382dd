// The CAP-CP event codes staff choose from (valueName `profile:CAP-CP:Event:0.4`), each with its CAP
// category and names in both languages. The codes are those of the CAP-CP Event References list that a
// municipality issues; the list is kept here (a handful of rows) rather than fetched. Every code is
// checked against the list in event-codes.test.ts (which says where that list comes from): a power
// outage is `electric` ("Electricity Supply") there, not `powerOutage`.
import type { Bilingual } from '../../../platform/http/locale.ts';

/** CAP 1.2 categories (the `category` element). */
export type CapCategory =
  | 'Geo'
  | 'Met'
  | 'Safety'
  | 'Security'
  | 'Rescue'
  | 'Fire'
  | 'Health'
  | 'Env'
  | 'Transport'
  | 'Infra'
  | 'CBRNE'
  | 'Other';

export interface AlertEvent {
  code: string;
  category: CapCategory;
  name: Bilingual;
}

export const ALERT_EVENTS: readonly AlertEvent[] = [
  {
    code: 'drinkingWate',
    category: 'Health',
    name: { fr: 'Avis d’ébullition / eau potable', en: 'Boil-water advisory / drinking water' },
  },
  { code: 'flood', category: 'Met', name: { fr: 'Inondation', en: 'Flood' } },
  { code: 'flashFlood', category: 'Met', name: { fr: 'Crue soudaine', en: 'Flash flood' } },
  { code: 'urbanFire', category: 'Fire', name: { fr: 'Incendie urbain', en: 'Urban fire' } },
  { code: 'forestFire', category: 'Fire', name: { fr: 'Feu de forêt', en: 'Forest fire' } },
  { code: 'industryFire', category: 'Fire', name: { fr: 'Incendie industriel', en: 'Industrial fire' } },
  {
    code: 'electric',
    category: 'Infra',
    name: { fr: 'Panne de courant (électricité)', en: 'Power outage (electricity supply)' },
  },
  { code: 'roadClose', category: 'Transport', name: { fr: 'Fermeture de route', en: 'Road closure' } },
  { code: 'airQuality', category: 'Env', name: { fr: 'Qualité de l’air', en: 'Air quality' } },
  { code: 'chemical', category: 'CBRNE', name: { fr: 'Matières dangereuses', en: 'Hazardous materials' } },
  { code: 'civilEmerg', category: 'Safety', name: { fr: 'Urgence civile', en: 'Civil emergency' } },
  { code: 'damOverflow', category: 'Infra', name: { fr: 'Débordement de barrage', en: 'Dam overflow' } },
  { code: '911Service', category: 'Infra', name: { fr: 'Panne du service 911', en: '911 service outage' } },
  { code: 'testMessage', category: 'Other', name: { fr: 'Message d’essai', en: 'Test message' } },
];

/** An event by code, or undefined. */
export function findEvent(code: string): AlertEvent | undefined {
  return ALERT_EVENTS.find((e) => e.code === code);
}
