import { defineNotification } from '../../../platform/notify/notification-templates.ts';
import { measureName } from '../data/catalogue.ts';

interface AlarmParams extends Record<string, unknown> {
  station: { fr: string; en: string };
  measureCode: string;
  unit: string;
  value: number;
  min: number | null;
  max: number | null;
  observedAt: string;
  level: number;
  url: string;
}

const when = (iso: string, l: 'fr' | 'en') =>
  new Date(iso).toLocaleString(l === 'fr' ? 'fr-CA' : 'en-CA', { timeZone: 'America/Toronto' });
const range = (p: AlarmParams, l: 'fr' | 'en') =>
  p.min !== null && p.max !== null
    ? `${p.min}–${p.max} ${p.unit}`
    : p.min !== null
      ? `${l === 'fr' ? 'au moins' : 'at least'} ${p.min} ${p.unit}`
      : `${l === 'fr' ? 'au plus' : 'at most'} ${p.max} ${p.unit}`;

/** The on-call operator (then the next level) is paged when a reading leaves its range. */
export const WATER_ALARM = defineNotification<AlarmParams>('operations.water_alarm', {
  subject: (p, l) =>
    l === 'fr'
      ? `ALARME ${p.station.fr} : ${measureName(p.measureCode).fr} ${p.value} ${p.unit}${p.level > 1 ? ` (escalade niveau ${p.level})` : ''}`
      : `ALARM ${p.station.en}: ${measureName(p.measureCode).en} ${p.value} ${p.unit}${p.level > 1 ? ` (escalated to level ${p.level})` : ''}`,
  text: (p, l) =>
    l === 'fr'
      ? `${measureName(p.measureCode).fr} à ${p.station.fr} : ${p.value} ${p.unit} le ${when(p.observedAt, l)} (exigence : ${range(p, l)}).\nAccusez réception : ${p.url}`
      : `${measureName(p.measureCode).en} at ${p.station.en}: ${p.value} ${p.unit} on ${when(p.observedAt, l)} (required: ${range(p, l)}).\nAcknowledge: ${p.url}`,
  short: (p, l) =>
    l === 'fr'
      ? `Alarme ${p.station.fr} : ${measureName(p.measureCode).fr} ${p.value} ${p.unit}`
      : `Alarm ${p.station.en}: ${measureName(p.measureCode).en} ${p.value} ${p.unit}`,
  url: (p) => p.url,
});

interface ExceedanceParams extends Record<string, unknown> {
  station: { fr: string; en: string };
  parameter: 'e_coli' | 'total_coliforms';
  value: number;
  boilWater: boolean;
  url: string;
}

const PARAM = {
  e_coli: { fr: 'E. coli', en: 'E. coli' },
  total_coliforms: { fr: 'coliformes totaux', en: 'total coliforms' },
};

/** Staff learn of a bacteriological exceedance at once, with what the regulation requires next. */
export const WATER_EXCEEDANCE = defineNotification<ExceedanceParams>('operations.water_exceedance', {
  subject: (p, l) =>
    l === 'fr'
      ? `Dépassement bactériologique à ${p.station.fr} : ${PARAM[p.parameter].fr} ${p.value}/100 mL`
      : `Bacteriological exceedance at ${p.station.en}: ${PARAM[p.parameter].en} ${p.value}/100 mL`,
  text: (p, l) =>
    l === 'fr'
      ? `Résultat de laboratoire : ${PARAM[p.parameter].fr} ${p.value}/100 mL à ${p.station.fr}. Rééchantillonnage requis (art. 39).${p.boilWater ? ' Présence d’E. coli : avis d’ébullition à émettre (art. 36).' : ''}\n${p.url}`
      : `Lab result: ${PARAM[p.parameter].en} ${p.value}/100 mL at ${p.station.en}. Resampling required (s. 39).${p.boilWater ? ' E. coli present: a boil-water notice must be issued (s. 36).' : ''}\n${p.url}`,
  short: (p, l) =>
    l === 'fr'
      ? `Dépassement ${PARAM[p.parameter].fr} à ${p.station.fr}`
      : `${PARAM[p.parameter].en} exceedance at ${p.station.en}`,
  url: (p) => p.url,
});
