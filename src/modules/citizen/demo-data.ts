// Demonstration recreation data: the seasons and activities of Joliette and Saint-Charles-Borromée.
import type { Category, WeeklySlot } from './activities/schema.ts';

/** One demonstration activity. */
export type Demo = {
  code: string;
  category: Category;
  fr: string;
  en: string;
  dfr: string;
  den: string;
  facility: string;
  instructor: string;
  schedule: WeeklySlot[];
  ages: [number | null, number | null];
  capacity: number;
  prices: [number, number, number];
  instalments?: boolean;
  /** How many fictitious participants fill it (more than the capacity go on the waitlist). */
  filled?: number;
};

const S = (weekday: number, start: string, end: string): WeeklySlot => ({ weekday, start, end });

export const SEASONS = {
  autumn: {
    nameFr: 'Automne 2026',
    nameEn: 'Fall 2026',
    startsOn: '2026-09-08',
    endsOn: '2026-12-13',
    residentOpensAt: new Date('2026-08-10T13:00:00Z'),
    nonResidentOpensAt: new Date('2026-08-17T13:00:00Z'),
    closesAt: new Date('2026-10-15T03:59:00Z'),
  },
  winter: {
    nameFr: 'Hiver 2027',
    nameEn: 'Winter 2027',
    startsOn: '2027-01-11',
    endsOn: '2027-03-28',
    residentOpensAt: new Date('2026-11-16T14:00:00Z'),
    nonResidentOpensAt: new Date('2026-11-30T14:00:00Z'),
    closesAt: new Date('2027-01-26T04:59:00Z'),
  },
};

export const JOLIETTE: Record<keyof typeof SEASONS, Demo[]> = {
  autumn: [
    {
      code: 'HOC-M9-A26',
      category: 'sport',
      fr: 'Hockey mineur M9',
      en: 'Minor hockey U9',
      dfr: 'Développement des habiletés de patin et de rondelle, matchs amicaux le samedi.',
      den: 'Skating and puck skills, friendly games on Saturdays.',
      facility: 'Aréna Marcel-Bonin',
      instructor: 'Association de hockey mineur de Joliette',
      schedule: [S(6, '08:00', '09:30')],
      ages: [7, 8],
      capacity: 36,
      prices: [26500, 29500, 39500],
      instalments: true,
      filled: 30,
    },
    {
      code: 'NAT-J1-A26',
      category: 'sport',
      fr: 'Natation Junior 1 à 4',
      en: 'Swimming Junior 1 to 4',
      dfr: 'Cours de natation de la Croix-Rouge, groupes par niveau.',
      den: 'Red Cross swimming lessons, grouped by level.',
      facility: 'Centre aquatique de Joliette',
      instructor: 'Sauveteurs certifiés',
      schedule: [S(2, '18:00', '18:45')],
      ages: [5, 12],
      capacity: 24,
      prices: [9500, 10500, 14000],
      filled: 24,
    },
  ],
  winter: [
    {
      code: 'HOC-M11-H27',
      category: 'sport',
      fr: 'Hockey mineur M11',
      en: 'Minor hockey U11',
      dfr: 'Saison d’hiver de hockey mineur : pratiques, matchs et tournoi de fin de saison.',
      den: 'Minor hockey winter season: practices, games and an end-of-season tournament.',
      facility: 'Aréna Marcel-Bonin',
      instructor: 'Association de hockey mineur de Joliette',
      schedule: [S(6, '08:00', '09:30'), S(3, '17:30', '18:30')],
      ages: [9, 10],
      capacity: 40,
      prices: [28500, 32500, 42500],
      instalments: true,
      filled: 28,
    },
    {
      code: 'NAT-J1-H27',
      category: 'sport',
      fr: 'Natation Junior 1 à 4',
      en: 'Swimming Junior 1 to 4',
      dfr: 'Cours de natation de la Croix-Rouge; évaluation au premier cours.',
      den: 'Red Cross swimming lessons; assessment at the first class.',
      facility: 'Centre aquatique de Joliette',
      instructor: 'Sauveteurs certifiés',
      schedule: [S(2, '18:00', '18:45')],
      ages: [5, 12],
      capacity: 24,
      prices: [9500, 10500, 14000],
      filled: 15,
    },
    {
      code: 'CAMP-REL-27',
      category: 'camp_de_jour',
      fr: 'Camp de jour de la relâche',
      en: 'Spring break day camp',
      dfr: 'Cinq jours d’activités extérieures, de bricolage et de sorties pendant la relâche scolaire. Service de garde inclus.',
      den: 'Five days of outdoor play, crafts and outings during spring break. Before- and after-care included.',
      facility: 'Centre récréatif Saint-Jean-Bosco',
      instructor: 'Équipe d’animation du Service des loisirs',
      schedule: [
        S(1, '08:00', '16:00'),
        S(2, '08:00', '16:00'),
        S(3, '08:00', '16:00'),
        S(4, '08:00', '16:00'),
        S(5, '08:00', '16:00'),
      ],
      ages: [5, 12],
      capacity: 60,
      prices: [17500, 19000, 24500],
      filled: 41,
    },
    {
      code: 'DANSE-HH-H27',
      category: 'culture',
      fr: 'Danse hip-hop',
      en: 'Hip-hop dance',
      dfr: 'Chorégraphies hip-hop et spectacle de fin de session au Centre culturel.',
      den: 'Hip-hop choreographies and an end-of-session show at the cultural centre.',
      facility: 'Centre culturel de Joliette, studio B',
      instructor: 'Studio Mouvance',
      schedule: [S(3, '18:30', '19:30')],
      ages: [8, 14],
      capacity: 20,
      prices: [8500, 9500, 12000],
      filled: 12,
    },
    {
      code: 'POT-ADU-H27',
      category: 'culture',
      fr: 'Poterie au tour (adultes)',
      en: 'Wheel pottery (adults)',
      dfr: 'Initiation au tour, émaillage et cuisson; argile fournie.',
      den: 'Introduction to the wheel, glazing and firing; clay provided.',
      facility: 'Atelier du Centre culturel de Joliette',
      instructor: 'Marie-Ève Lafortune, céramiste',
      schedule: [S(4, '19:00', '21:30')],
      ages: [16, null],
      capacity: 10,
      prices: [16500, 18000, 22500],
      filled: 13,
    },
    {
      code: 'PATIN-INI-H27',
      category: 'sport',
      fr: 'Initiation au patin',
      en: 'Learn to skate',
      dfr: 'Premiers coups de patin, casque obligatoire.',
      den: 'First strides on the ice; helmet required.',
      facility: 'Aréna Marcel-Bonin',
      instructor: 'Club de patinage artistique de Joliette',
      schedule: [S(7, '10:00', '11:00')],
      ages: [4, 7],
      capacity: 30,
      prices: [7500, 8500, 11000],
      filled: 9,
    },
    {
      code: 'YOGA-55-H27',
      category: 'loisir',
      fr: 'Yoga doux 55 ans et plus',
      en: 'Gentle yoga 55+',
      dfr: 'Yoga sur chaise et au sol, rythme adapté.',
      den: 'Chair and mat yoga at a gentle pace.',
      facility: 'Centre récréatif Saint-Jean-Bosco',
      instructor: 'Louise Ducharme',
      schedule: [S(1, '10:00', '11:00')],
      ages: [55, null],
      capacity: 18,
      prices: [6000, 6500, 8000],
      filled: 7,
    },
  ],
};

export const SCB: Record<keyof typeof SEASONS, Demo[]> = {
  autumn: [
    {
      code: 'SOC-U10-A26',
      category: 'sport',
      fr: 'Soccer intérieur U10',
      en: 'Indoor soccer U10',
      dfr: 'Soccer intérieur au gymnase, matchs entre équipes de la région.',
      den: 'Indoor soccer in the gym, games against teams of the region.',
      facility: 'Gymnase de l’école Saint-Pierre',
      instructor: 'Club de soccer Les Rapides',
      schedule: [S(6, '09:00', '10:30')],
      ages: [8, 9],
      capacity: 32,
      prices: [11000, 11000, 15000],
      filled: 26,
    },
  ],
  winter: [
    {
      code: 'KARATE-H27',
      category: 'sport',
      fr: 'Karaté (6 à 12 ans)',
      en: 'Karate (ages 6 to 12)',
      dfr: 'Karaté traditionnel, passage de ceinture en fin de session.',
      den: 'Traditional karate, belt test at the end of the session.',
      facility: 'Centre André-Hénault',
      instructor: 'Dojo Shindokan',
      schedule: [S(2, '18:30', '19:30'), S(4, '18:30', '19:30')],
      ages: [6, 12],
      capacity: 24,
      prices: [12000, 12000, 16500],
      filled: 14,
    },
    {
      code: 'CAMP-SCB-27',
      category: 'camp_de_jour',
      fr: 'Camp de la relâche — Saint-Charles',
      en: 'Spring break camp — Saint-Charles',
      dfr: 'Semaine de plein air : glissade, raquette et jeux coopératifs.',
      den: 'An outdoor week: sliding, snowshoeing and cooperative games.',
      facility: 'Centre André-Hénault',
      instructor: 'Animation Saint-Charles',
      schedule: [
        S(1, '08:30', '16:00'),
        S(2, '08:30', '16:00'),
        S(3, '08:30', '16:00'),
        S(4, '08:30', '16:00'),
        S(5, '08:30', '16:00'),
      ],
      ages: [5, 11],
      capacity: 40,
      prices: [16000, 16000, 21000],
      filled: 19,
    },
    {
      code: 'BRICO-PE-H27',
      category: 'loisir',
      fr: 'Bricolage parent-enfant',
      en: 'Parent-child crafts',
      dfr: 'Un samedi sur deux, un projet à rapporter à la maison.',
      den: 'Every other Saturday, a project to take home.',
      facility: 'Bibliothèque Rina-Lasnier, salle polyvalente',
      instructor: 'Équipe de la bibliothèque',
      schedule: [S(6, '10:00', '11:30')],
      ages: [3, 8],
      capacity: 16,
      prices: [4000, 4000, 6000],
      filled: 6,
    },
  ],
};
