// A generated roll in the MAMH format: Rivière-du-Loup's demonstration roll and the benchmark's larger ones.
// Deterministic (seeded), realistic streets, land uses and values; never real people.
import { Readable } from 'node:stream';
import type { RollAddress, RollUnit } from './mamh-format.ts';
import { ROLL_FOOTER_XML, rollHeaderXml, unitXml } from './write-roll.ts';

/** A small seeded generator (mulberry32), so the same seed always gives the same roll. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Streets of Rivière-du-Loup (type code, linking word code, name, cardinal point).
const RDL_STREETS: Array<[string, string | null, string, string | null]> = [
  ['RU', null, 'Lafontaine', null],
  ['BO', null, 'Armand-Thériault', null],
  ['BO', null, 'Cartier', null],
  ['BO', 'K', 'Hôtel-de-Ville', null],
  ['RU', null, 'Fraser', null],
  ['RU', null, 'Saint-Pierre', null],
  ['RU', null, 'Témiscouata', null],
  ['RU', 'L', 'Cour', null],
  ['RU', null, 'Sainte-Anne', null],
  ['RU', 'N', 'Domaine', null],
  ['RU', null, 'Saint-François', null],
  ['RU', null, 'Iberville', null],
  ['RU', null, 'Frontenac', null],
  ['RU', null, 'Pelletier', null],
  ['RU', null, 'Beaubien', null],
  ['RU', null, 'Delage', null],
  ['RU', null, 'Joly', null],
  ['RU', null, 'Saint-Elzéar', null],
  ['RU', null, 'Sainte-Claire', null],
  ['RU', null, 'Saint-Ludger', null],
  ['RU', null, 'Plessis', null],
  ['RU', null, 'Amyot', null],
  ['RU', 'N', 'Rocher', null],
  ['RU', null, 'Saint-Marc', null],
  ['RU', null, 'Bégin', null],
  ['RU', null, 'Chassé', null],
  ['RU', null, 'Desjardins', null],
  ['RU', null, 'Hayward', null],
  ['CH', 'M', 'Raymond', null],
  ['CT', null, 'Saint-Jacques', null],
  ['RU', 'L', 'Chute', null],
  ['CH', 'N', 'Fleuve', null],
  ['RU', null, 'Deschênes', null],
  ['RU', null, 'Chapleau', null],
  ['RU', null, 'Laval', null],
  ['RU', null, 'Labrie', null],
  ['RU', null, 'Saint-Laurent', null],
  ['RU', 'J', 'Gaspé', null],
  ['RU', null, 'Gauvin', null],
  ['RU', null, 'Michaud', null],
  ['RU', null, 'Pouliot', null],
  ['RU', null, 'Sirois', null],
  ['RU', 'M', 'Érables', null],
  ['RU', 'M', 'Bouleaux', null],
  ['RU', 'M', 'Pins', null],
  ['RU', 'M', 'Cèdres', null],
  ['RU', 'M', 'Merisiers', null],
  ['RU', 'M', 'Épinettes', null],
  ['RO', 'L', 'Pointe', null],
  ['RU', null, 'Plourde', null],
  ['RU', null, 'Thériault', null],
  ['RU', null, 'Saint-Jacques', 'N'],
  ['RU', null, 'Saint-Jacques', 'S'],
  ['RU', 'K', 'Église', null],
  ['RU', null, 'Notre-Dame', 'E'],
  ['RU', null, 'Notre-Dame', 'O'],
  ['AV', null, 'Patry', null],
  ['RA', null, 'Beaux-Séjours', null],
  ['RU', null, 'Fraserville', null],
  ['RU', null, 'Lévesque', null],
  ['RU', null, 'Belzile', null],
  ['RU', null, 'Moreault', null],
  ['RU', null, 'Collin', null],
  ['PL', null, 'Lavoie', null],
  ['RU', null, 'Bernier', null],
  ['RU', null, 'Ouellet', null],
  ['RU', null, 'Dubé', null],
  ['RU', null, 'Morin', null],
  ['MO', null, 'Saint-Patrice', null],
  ['RU', null, 'Beaulieu', null],
];

// For rolls larger than a town's: more streets, from the same kinds of names.
const EXTRA_NAMES = [
  'Gagnon',
  'Roy',
  'Côté',
  'Bouchard',
  'Gauthier',
  'Morin',
  'Lavoie',
  'Fortin',
  'Gagné',
  'Ouellet',
  'Pelletier',
  'Bélanger',
  'Lévesque',
  'Bergeron',
  'Leblanc',
  'Paquette',
  'Girard',
  'Simard',
  'Boucher',
  'Caron',
  'Beaulieu',
  'Cloutier',
  'Dubé',
  'Poirier',
  'Fournier',
  'Lapointe',
  'Leclerc',
  'Lefebvre',
  'Poulin',
  'Thibault',
  'Saint-Jean',
  'Saint-Louis',
  'Saint-Joseph',
  'Sainte-Marie',
  'Sainte-Catherine',
  'Champlain',
  'Laurier',
  'Papineau',
  'Montcalm',
  'Frontenac',
  'Cartier',
  'Maisonneuve',
  'Lafleur',
  'Desrosiers',
  'Tremblay',
  'Martel',
  'Nadeau',
  'Proulx',
  'Rioux',
  'Vachon',
  'Drapeau',
  'Lessard',
];
const EXTRA_TYPES = ['RU', 'AV', 'BO', 'CH', 'PL', 'RA', 'CR', 'TE', 'IM', 'MO'];

/** The streets of a generated roll: Rivière-du-Loup's, then combinations when more are needed. */
export function rollStreetsFor(count: number): Array<[string, string | null, string, string | null]> {
  const streets = [...RDL_STREETS];
  for (let i = 0; streets.length < count; i++) {
    const name = EXTRA_NAMES[i % EXTRA_NAMES.length] ?? 'Principale';
    const type = EXTRA_TYPES[Math.floor(i / EXTRA_NAMES.length) % EXTRA_TYPES.length] ?? 'RU';
    const round = Math.floor(i / (EXTRA_NAMES.length * EXTRA_TYPES.length));
    streets.push([type, null, round ? `${name} ${round + 1}` : name, null]);
  }
  return streets.slice(0, Math.max(count, 1));
}

const USES: Array<[string, number]> = [
  ['1000', 0.78],
  ['1100', 0.02],
  ['9100', 0.07],
  ['5000', 0.03],
  ['5411', 0.01],
  ['5811', 0.02],
  ['6000', 0.02],
  ['4621', 0.015],
  ['6812', 0.005],
  ['6911', 0.005],
  ['7611', 0.015],
];
/** The land use whose share of the roll covers a draw between 0 and 1. */
function landUseFor(draw: number): string {
  let cumulative = 0;
  for (const [code, share] of USES) {
    cumulative += share;
    if (draw <= cumulative) return code;
  }
  return '1000';
}

const GIVEN = ['Marie', 'Jean', 'Sylvie', 'Pierre', 'Nathalie', 'Luc', 'Chantal', 'Michel', 'Julie', 'Denis'];
const FAMILY = [
  'Gagnon',
  'Roy',
  'Côté',
  'Bouchard',
  'Ouellet',
  'Pelletier',
  'Lévesque',
  'Dubé',
  'Michaud',
  'Sirois',
];

/** One generated unit and where it stands (for the address register of the demonstration). */
export interface GeneratedUnit {
  unit: Omit<RollUnit, 'line'>;
  latitude: number;
  longitude: number;
}

/** Centre of Rivière-du-Loup. */
export const RDL_CENTRE = { latitude: 47.8297, longitude: -69.5338 };

/** Generates a roll's units street by street, civic numbers going up in steps of 2 to 10. */
export function* generateUnits(options: {
  units: number;
  seed?: number;
  year: number;
}): Generator<GeneratedUnit> {
  const random = seeded(options.seed ?? 12072);
  const perStreet = 150;
  const streets = rollStreetsFor(Math.ceil(options.units / perStreet));
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const referenceDate = `${options.year - 2}-07-01`;
  let n = 0;
  for (let s = 0; n < options.units; s++) {
    const [type, link, name, cardinal] = streets[s % streets.length] ?? ['RU', null, 'Principale', null];
    // Each street is a straight line from a point near the centre, in its own direction.
    const angle = random() * Math.PI * 2;
    const startLat = RDL_CENTRE.latitude + (random() - 0.5) * 0.04;
    const startLon = RDL_CENTRE.longitude + (random() - 0.5) * 0.06;
    let civic = between(1, 20);
    for (let k = 0; k < perStreet && n < options.units; k++, n++) {
      civic += between(1, 5) * 2;
      const roll = random();
      const cubf = landUseFor(roll);
      const vacant = cubf === '9100' || cubf === '4621' || cubf === '7611';
      const area = between(300, vacant ? 6000 : 2200);
      const land = Math.round((area * between(25, 70)) / 100) * 100;
      const building = vacant ? null : Math.round(between(600, cubf === '1000' ? 4500 : 12000) / 1) * 100;
      const total = land + (building ?? 0);
      const growth = 1 + between(5, 45) / 100;
      const dwellings = cubf === '1000' ? (random() < 0.85 ? between(1, 2) : between(3, 24)) : null;
      const address: RollAddress = {
        civicFrom: civic,
        civicFromSuffix: null,
        civicTo: null,
        civicToSuffix: null,
        streetType: type,
        linkingWord: link,
        streetName: name,
        cardinal,
        apartment: null,
        apartmentSuffix: null,
      };
      const owners = random() < 0.5 ? [{ RL0201Ax: pick(FAMILY), RL0201Bx: pick(GIVEN), RL0201Hx: '1' }] : [];
      const metres = k * 25;
      yield {
        unit: {
          matricule: {
            division: String(1000 + Math.floor(n / 10000) * 7).padStart(4, '0'),
            section: String(10 + (Math.floor(n / 1000) % 90)).padStart(2, '0'),
            emplacement: String(n % 10000).padStart(4, '0'),
            check: String(n % 10),
            building: '000',
            local: '0000',
          },
          addresses: [address],
          lots: [String(3_100_000 + n * 3)],
          cubf,
          neighbourhood: String(1 + (s % 40)).padStart(4, '0'),
          frontage: between(10, 45),
          area,
          storeys: vacant ? null : between(1, dwellings && dwellings > 4 ? 4 : 2),
          yearBuilt: vacant ? null : between(1880, options.year - 1),
          yearBuiltKind: vacant ? null : random() < 0.8 ? 'R' : 'E',
          floorArea: vacant ? null : between(70, cubf === '1000' ? 320 : 2500),
          dwellings,
          referenceDate,
          landValue: land,
          buildingValue: building,
          totalValue: total,
          previousValue: Math.round(total / growth / 100) * 100,
          owners,
        },
        latitude: startLat + (Math.sin(angle) * metres) / 111_000,
        longitude: startLon + (Math.cos(angle) * metres) / 75_000,
      };
    }
  }
}

/** A generated roll file as a stream (bounded memory however many units). */
export function generatedRollStream(options: {
  municipality: string;
  year: number;
  units: number;
  seed?: number;
}): Readable {
  const units = generateUnits(options);
  let headerSent = false;
  return Readable.from(
    (function* () {
      if (!headerSent) {
        headerSent = true;
        yield rollHeaderXml({ municipality: options.municipality, year: options.year });
      }
      let chunk = '';
      for (const { unit } of units) {
        chunk += unitXml(unit);
        if (chunk.length > 64_000) {
          yield chunk;
          chunk = '';
        }
      }
      yield chunk + ROLL_FOOTER_XML;
    })(),
    { objectMode: false },
  );
}
