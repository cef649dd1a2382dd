import { count, eq } from 'drizzle-orm';
import type { Database } from '../../../platform/db/client.ts';
import { nextReference } from '../../../platform/db/references.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { organisations } from '../../../platform/orgs/schema.ts';
import { answerInTx } from './answer-offer.ts';
import {
  ALL_SLOTS,
  addDays,
  type CallbackRules,
  DEFAULT_RULES,
  localParts,
  type Slot,
} from './call-order.ts';
import { expireInTx } from './expire-offers.ts';
import { openNeedInTx } from './post-need.ts';
import { callbackAvailabilities, callbackEmployees, callbackRules } from './schema.ts';

const HOUR = 3_600_000;
const LABOURER = 'Journalier — travaux publics';
const LIFEGUARD = 'Sauveteur — piscine';
const ARENA = 'Préposé à l’aréna';

const AGREEMENT: CallbackRules = { ...DEFAULT_RULES, availabilityDeadlineDays: 3 };
const LIFEGUARD_RULES: CallbackRules = {
  ...AGREEMENT,
  seniorityBasis: 'date',
  equalDistribution: true,
  refusedHoursCount: true,
  refusalPolicy: 'limit',
  refusalLimit: 3,
  noAnswerCountsAsRefusal: true,
  maxHoursPerWeek: 32,
};

const weekdays = (shifts: string[]): Slot[] =>
  ALL_SLOTS.filter(
    (s) => ['mon', 'tue', 'wed', 'thu', 'fri'].includes(s.slice(0, 3)) && shifts.includes(s.slice(4)),
  );
const everything = (shifts: string[]): Slot[] => ALL_SLOTS.filter((s) => shifts.includes(s.slice(4)));

// Names are invented; numbers and classes look like a town's list.
const PEOPLE: Array<{
  n: string;
  given: string;
  family: string;
  classes: string[];
  quals: string[];
  hours: number;
  since: string;
  slots: Slot[];
  account?: string;
  phone?: string;
}> = [
  {
    n: 'RDL-0412',
    given: 'Jérémie',
    family: 'Ouellet',
    classes: [LABOURER, ARENA],
    quals: ['Permis classe 3', 'SIMDUT'],
    hours: 4120,
    since: '2019-05-06',
    slots: everything(['day', 'evening']),
    account: 'rdl-casual',
  },
  {
    n: 'RDL-0388',
    given: 'Sophie',
    family: 'Lavoie',
    classes: [LABOURER],
    quals: ['Permis classe 3', 'SIMDUT', 'Signaleur'],
    hours: 5210,
    since: '2017-04-18',
    slots: weekdays(['day']),
    phone: '+14185550142',
  },
  {
    n: 'RDL-0450',
    given: 'Marc-André',
    family: 'Pelletier',
    classes: [LABOURER],
    quals: ['SIMDUT'],
    hours: 3380,
    since: '2020-06-01',
    slots: everything(['day', 'evening', 'night']),
  },
  {
    n: 'RDL-0471',
    given: 'Karine',
    family: 'Dumont',
    classes: [LABOURER, ARENA],
    quals: ['SIMDUT', 'Cariste'],
    hours: 2890,
    since: '2021-03-22',
    slots: weekdays(['day', 'evening']),
  },
  {
    n: 'RDL-0502',
    given: 'Samuel',
    family: 'Bérubé',
    classes: [LABOURER],
    quals: ['Permis classe 3'],
    hours: 1650,
    since: '2022-05-09',
    slots: everything(['day']),
  },
  {
    n: 'RDL-0533',
    given: 'Émilie',
    family: 'Gagné',
    classes: [LIFEGUARD],
    quals: ['Sauveteur national', 'Premiers soins'],
    hours: 2100,
    since: '2020-09-14',
    slots: everything(['day', 'evening']),
  },
  {
    n: 'RDL-0540',
    given: 'Thomas',
    family: 'Morin',
    classes: [LIFEGUARD],
    quals: ['Sauveteur national', 'Premiers soins'],
    hours: 1420,
    since: '2021-06-01',
    slots: everything(['evening']),
  },
  {
    n: 'RDL-0561',
    given: 'Léa',
    family: 'Michaud',
    classes: [LIFEGUARD],
    quals: ['Sauveteur national'],
    hours: 980,
    since: '2022-06-20',
    slots: weekdays(['day', 'evening']),
  },
  {
    n: 'RDL-0577',
    given: 'Olivier',
    family: 'Lévesque',
    classes: [LIFEGUARD, ARENA],
    quals: ['Sauveteur national', 'Premiers soins'],
    hours: 760,
    since: '2023-05-29',
    slots: everything(['day', 'evening']),
  },
  {
    n: 'RDL-0590',
    given: 'Audrey',
    family: 'Thériault',
    classes: [ARENA],
    quals: ['Cariste', 'Surfaceuse'],
    hours: 1880,
    since: '2021-10-04',
    slots: everything(['evening', 'night']),
  },
  {
    n: 'RDL-0604',
    given: 'Francis',
    family: 'Beaulieu',
    classes: [ARENA],
    quals: ['Surfaceuse'],
    hours: 1210,
    since: '2022-11-07',
    slots: everything(['day', 'evening', 'night']),
  },
  {
    n: 'RDL-0618',
    given: 'Nadia',
    family: 'Caron',
    classes: [ARENA, LABOURER],
    quals: ['SIMDUT'],
    hours: 540,
    since: '2024-04-15',
    slots: weekdays(['evening']),
  },
];

/** A local (Quebec) time `days` from today at `hour`, as an instant (EST/EDT resolved by trying both offsets). */
function localAt(days: number, hour: number, now: Date): Date {
  const date = addDays(localParts(now).date, days);
  for (const offset of [4, 5]) {
    const at = new Date(`${date}T${String(hour).padStart(2, '0')}:00:00Z`);
    const candidate = new Date(at.getTime() + offset * HOUR);
    if (localParts(candidate).hour === hour && localParts(candidate).date === date) return candidate;
  }
  return new Date(`${date}T${String(hour + 5).padStart(2, '0')}:00:00Z`);
}

/**
 * Rivière-du-Loup's call-back list: its rules, twelve people in three job classes with their availabilities,
 * and three weeks of needs run through the real round engine (offers, refusals, windows left to expire,
 * acceptances), so the logs and reports are genuine; plus open needs with offers waiting.
 */
export async function seedDemoCallback(
  db: Database,
  orgIds: Map<string, string>,
  accountIds: Map<string, string>,
) {
  const orgId = orgIds.get('riviere-du-loup');
  if (!orgId) return;
  const [existing] = await db
    .select({ n: count() })
    .from(callbackEmployees)
    .where(inOrg(callbackEmployees, orgId));
  if ((existing?.n ?? 0) > 0) return;
  const [org] = await db.select().from(organisations).where(eq(organisations.id, orgId));
  if (!org) return;
  const supervisor = accountIds.get('rdl-staff') ?? null;
  const now = new Date();
  await db.insert(callbackRules).values([
    { orgId, jobClass: '', rules: AGREEMENT },
    { orgId, jobClass: LIFEGUARD, rules: LIFEGUARD_RULES },
  ]);
  const ids = new Map<string, string>();
  for (const p of PEOPLE) {
    const [row] = await db
      .insert(callbackEmployees)
      .values({
        orgId,
        employeeNumber: p.n,
        givenName: p.given,
        familyName: p.family,
        accountId: p.account ? (accountIds.get(p.account) ?? null) : null,
        jobClasses: p.classes,
        qualifications: p.quals,
        seniorityHours: p.hours,
        seniorityDate: p.since,
        email: `${p.given
          .toLowerCase()
          .normalize('NFD')
          .replace(/[^a-z]/g, '')}.${p.family
          .toLowerCase()
          .normalize('NFD')
          .replace(/[^a-z]/g, '')}@courriel.demo.civique.ca`,
        phone: p.phone ?? null,
        channels: p.phone ? ['email', 'sms'] : p.account ? ['email', 'inapp'] : ['email'],
      })
      .returning();
    if (!row) continue;
    ids.set(p.n, row.id);
    await db.insert(callbackAvailabilities).values({
      orgId,
      employeeId: row.id,
      effectiveFrom: addDays(localParts(now).date, -60),
      slots: p.slots,
      declaredBy: p.account ? (accountIds.get(p.account) ?? null) : supervisor,
    });
  }
  // Past needs: posted two days ahead, answered by script through the engine.
  const scripts: Array<{
    days: number;
    from: number;
    to: number;
    jobClass: string;
    place: string;
    quals?: string[];
    answers: Array<'refuse' | 'expire' | 'accept'>;
  }> = [
    {
      days: -20,
      from: 7,
      to: 15,
      jobClass: LABOURER,
      place: 'Garage municipal, rue Témiscouata',
      quals: ['Permis classe 3'],
      answers: ['refuse', 'accept'],
    },
    { days: -18, from: 15, to: 23, jobClass: ARENA, place: 'Centre Premier Tech', answers: ['accept'] },
    {
      days: -16,
      from: 9,
      to: 17,
      jobClass: LIFEGUARD,
      place: 'Piscine Émile-Dubé',
      quals: ['Sauveteur national'],
      answers: ['expire', 'accept'],
    },
    {
      days: -13,
      from: 7,
      to: 15,
      jobClass: LABOURER,
      place: 'Parc des Chutes',
      answers: ['expire', 'refuse', 'accept'],
    },
    {
      days: -11,
      from: 23,
      to: 31,
      jobClass: ARENA,
      place: 'Centre Premier Tech',
      quals: ['Surfaceuse'],
      answers: ['accept'],
    },
    {
      days: -9,
      from: 16,
      to: 21,
      jobClass: LIFEGUARD,
      place: 'Piscine Émile-Dubé',
      quals: ['Sauveteur national'],
      answers: ['refuse', 'accept'],
    },
    {
      days: -6,
      from: 7,
      to: 15,
      jobClass: LABOURER,
      place: 'Garage municipal, rue Témiscouata',
      quals: ['SIMDUT'],
      answers: ['accept'],
    },
    {
      days: -4,
      from: 12,
      to: 20,
      jobClass: LIFEGUARD,
      place: 'Piscine Émile-Dubé',
      answers: ['refuse', 'refuse', 'expire', 'refuse'],
    },
    { days: -2, from: 15, to: 23, jobClass: ARENA, place: 'Stade de la Cité', answers: ['refuse', 'accept'] },
  ];
  const upcoming: typeof scripts = [
    {
      days: 3,
      from: 7,
      to: 15,
      jobClass: LABOURER,
      place: 'Déneigement — secteur Saint-Ludger',
      quals: ['Permis classe 3'],
      answers: [],
    },
    {
      days: 4,
      from: 16,
      to: 21,
      jobClass: LIFEGUARD,
      place: 'Piscine Émile-Dubé',
      quals: ['Sauveteur national'],
      answers: [],
    },
  ];
  for (const s of [...scripts, ...upcoming]) {
    const startsAt = localAt(s.days, s.from % 24, now);
    const endsAt = new Date(startsAt.getTime() + (s.to - s.from) * HOUR);
    const postedAt = s.days < 0 ? new Date(startsAt.getTime() - 50 * HOUR) : now;
    await db.transaction(async (tx) => {
      const reference = await nextReference(tx, {
        orgId,
        prefix: `${org.refPrefix}-RAP`,
        kind: 'callback_need',
        year: Number(localParts(postedAt).date.slice(0, 4)),
      });
      const rules = s.jobClass === LIFEGUARD ? LIFEGUARD_RULES : AGREEMENT;
      const opened = await openNeedInTx(tx, {
        orgId,
        reference,
        input: {
          jobClass: s.jobClass,
          startsAt: startsAt.toISOString(),
          endsAt: endsAt.toISOString(),
          place: s.place,
          qualifications: s.quals,
        },
        rules,
        createdBy: supervisor,
        now: postedAt,
      });
      let at = postedAt;
      let offers = opened.offers;
      for (const answer of s.answers) {
        const offer = offers[0];
        if (!offer) break;
        if (answer === 'expire') {
          at = new Date(offer.expiresAt.getTime() + 1000);
          offers = (await expireInTx(tx, { orgId, offer, now: at }))?.next ?? [];
        } else {
          at = new Date(at.getTime() + 7 * 60_000);
          const done = await answerInTx(tx, {
            orgId,
            offerId: offer.id,
            answer,
            via: answer === 'accept' && offer.rank > 2 ? 'phone' : 'link',
            actorAccountId: null,
            now: at,
          });
          offers = done.next;
        }
      }
    });
  }
}
