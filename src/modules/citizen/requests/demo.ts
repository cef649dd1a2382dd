import { and, count, eq, inArray } from 'drizzle-orm';
import { accounts, memberships } from '../../../platform/auth/schema.ts';
import type { Database } from '../../../platform/db/client.ts';
import { nextReference } from '../../../platform/db/references.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { upsertAddresses } from '../../../platform/geo/upsert-addresses.ts';
import { organisations } from '../../../platform/orgs/schema.ts';
import type { AttributeValue } from './attributes.ts';
import { localDay } from './business-days.ts';
import {
  DEMO_CATEGORIES,
  DEMO_DEPARTMENTS,
  DEMO_STATUSES,
  DEMO_STREETS,
  DEMO_TEMPLATES,
} from './demo-data.ts';
import { publicPosition } from './grid.ts';
import {
  requestCategories,
  requestDepartments,
  requestEvents,
  requestFollowers,
  requestReplyTemplates,
  requestSettings,
  requestStatuses,
  serviceRequests,
} from './schema.ts';
import type { Phase } from './statuses.ts';
import { dueDates } from './targets.ts';

const HOUR = 3600_000;
const GUEST_NAMES = [
  'Julie Lachance',
  'Marc-André Bélanger',
  'Nadia Ouellet',
  'Pierre Gagné',
  'Sarah Thibodeau',
  'Kevin Morin',
];
const DAY = 24 * HOUR;

// A small seeded generator: the same demo every time.
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// The path of a request through the statuses, by its age and its place in the list.
function pathFor(i: number, ageDays: number): Array<{ status: string; phase: Phase }> {
  if (ageDays < 2 || i % 9 === 0) return [];
  const steps: Array<Array<{ status: string; phase: Phase }>> = [
    [{ status: 'acknowledged', phase: 'acknowledged' }],
    [
      { status: 'acknowledged', phase: 'acknowledged' },
      { status: 'in_progress', phase: 'in_progress' },
    ],
    [
      { status: 'acknowledged', phase: 'acknowledged' },
      { status: 'resolved', phase: 'resolved' },
    ],
    [{ status: 'planifiee', phase: 'acknowledged' }],
    [
      { status: 'acknowledged', phase: 'acknowledged' },
      { status: 'attente-entrepreneur', phase: 'in_progress' },
    ],
    [
      { status: 'in_progress', phase: 'in_progress' },
      { status: 'resolved', phase: 'resolved' },
      { status: 'closed', phase: 'closed' },
    ],
    [
      { status: 'acknowledged', phase: 'acknowledged' },
      { status: 'resolved', phase: 'resolved' },
    ],
  ];
  return steps[i % steps.length] ?? [];
}

async function seedTown(
  db: Database,
  orgId: string,
  slug: string,
  options: { count: number; seed: number; resident?: string; staff?: string },
): Promise<void> {
  const [already] = await db
    .select({ n: count() })
    .from(requestCategories)
    .where(inOrg(requestCategories, orgId));
  if ((already?.n ?? 0) > 0) return;
  const [org] = await db.select().from(organisations).where(eq(organisations.id, orgId));
  if (!org) return;
  const rand = random(options.seed);
  const departments = await db
    .insert(requestDepartments)
    .values(DEMO_DEPARTMENTS.map((d) => ({ orgId, ...d })))
    .returning();
  const departmentOf = (code: string) => departments.find((d) => d.code === code)?.id ?? null;
  const categories = await db
    .insert(requestCategories)
    .values(
      DEMO_CATEGORIES.map((c, position) => ({
        orgId,
        code: c.code,
        nameFr: c.nameFr,
        nameEn: c.nameEn,
        descriptionFr: c.descriptionFr,
        descriptionEn: c.descriptionEn,
        groupFr: c.groupFr,
        groupEn: c.groupEn,
        departmentId: departmentOf(c.department),
        sensitive: c.sensitive ?? false,
        ackDays: c.ackDays,
        resolveDays: c.resolveDays,
        fields: c.fields,
        position,
      })),
    )
    .returning();
  await db.insert(requestStatuses).values(DEMO_STATUSES.map((s) => ({ orgId, ...s })));
  await db.insert(requestReplyTemplates).values(DEMO_TEMPLATES.map((t) => ({ orgId, ...t })));
  await db.insert(requestSettings).values({ orgId }).onConflictDoNothing();
  const streets = DEMO_STREETS[slug] ?? [];
  await upsertAddresses({
    db,
    orgId,
    source: 'demo',
    rows: streets.map(([civicNumber, streetType, streetName, latitude, longitude]) => ({
      civicNumber,
      civicSuffix: null,
      streetType,
      streetName,
      unit: null,
      municipality: org.nameFr,
      postalCode: null,
      latitude,
      longitude,
    })),
  });

  const now = Date.now();
  const created: Array<{ id: string; categoryId: string; lat: number; lon: number }> = [];
  for (let i = 0; i < options.count; i++) {
    const spec = DEMO_CATEGORIES[(i * 5 + 3) % DEMO_CATEGORIES.length];
    const category = categories.find((c) => c.code === spec?.code);
    const street = streets[i % streets.length];
    if (!spec || !category || !street) continue;
    const [civic, type, name, baseLat, baseLon] = street;
    const lat = baseLat + (rand() - 0.5) * 0.003;
    const lon = baseLon + (rand() - 0.5) * 0.004;
    const ageDays = (i * 71) / options.count + rand() * 1.5;
    const createdAt = new Date(now - ageDays * DAY);
    const attributes: Record<string, AttributeValue> = {};
    for (const field of spec.fields) {
      if (field.datatype === 'datetime')
        attributes[field.code] = new Date(createdAt.getTime() - 2 * HOUR).toISOString();
      else if (field.values?.length) {
        const pick =
          field.values[Math.floor(rand() * field.values.length)]?.key ?? field.values[0]?.key ?? '';
        attributes[field.code] = field.datatype === 'multivaluelist' ? [pick] : pick;
      }
    }
    const isResident = !!options.resident && i % 7 === 1;
    const unconfirmed = !isResident && i < options.count / 10 && i % 2 === 0;
    const email = isResident ? null : `citoyen.${slug}.${i + 1}@exemple.ca`;
    const shown = publicPosition(lat, lon, { sensitive: category.sensitive, gridMetres: 250 });
    const reference = await nextReference(db, {
      orgId,
      prefix: org.refPrefix,
      kind: 'request',
      year: Number(localDay(createdAt).slice(0, 4)),
    });
    const path = unconfirmed ? [] : pathFor(i, ageDays);
    let at = createdAt.getTime();
    const times = path.map((_, k) => {
      at += (6 + rand() * 40 * (k + 1)) * HOUR;
      return Math.min(at, now - HOUR);
    });
    const last = path.at(-1);
    const when = (phase: Phase) => {
      const k = path.findIndex((p) => p.phase === phase);
      return k >= 0 ? new Date(times[k] ?? now) : null;
    };
    const [row] = await db
      .insert(serviceRequests)
      .values({
        orgId,
        reference,
        categoryId: category.id,
        departmentId: category.departmentId,
        status: last?.status ?? 'submitted',
        phase: last?.phase ?? 'submitted',
        description: spec.samples[i % spec.samples.length] ?? spec.nameFr,
        attributes,
        latitude: lat,
        longitude: lon,
        publicLatitude: shown.lat,
        publicLongitude: shown.lon,
        address: `${civic + (i % 3) * 2} ${type} ${name}, ${org.nameFr}`,
        reporterAccountId: isResident ? (options.resident ?? null) : null,
        reporterEmail: email,
        reporterName: email ? (GUEST_NAMES[i % GUEST_NAMES.length] ?? null) : null,
        locale: i % 6 === 5 ? 'en' : 'fr',
        confirmedAt: unconfirmed ? null : createdAt,
        assigneeAccountId: options.staff && last?.phase === 'in_progress' ? options.staff : null,
        ...(unconfirmed ? {} : dueDates(category, createdAt)),
        acknowledgedAt: path.length > 0 ? new Date(times[0] ?? now) : null,
        resolvedAt: when('resolved'),
        closedAt: when('closed'),
        publicNote:
          path.length > 1 ? DEMO_TEMPLATES[1]?.bodyFr : path.length ? DEMO_TEMPLATES[0]?.bodyFr : null,
        createdAt,
        updatedAt: new Date(times.at(-1) ?? createdAt.getTime()),
        // Demo requests are old news: their targets were already alerted on.
        ackAlertedAt: new Date(now),
        resolveAlertedAt: new Date(now),
      })
      .returning({ id: serviceRequests.id });
    if (!row) continue;
    created.push({ id: row.id, categoryId: category.id, lat, lon });
    await db.insert(requestFollowers).values({
      orgId,
      requestId: row.id,
      accountId: isResident ? (options.resident ?? null) : null,
      email,
      locale: i % 6 === 5 ? 'en' : 'fr',
      role: 'reporter',
      confirmedAt: unconfirmed ? null : createdAt,
      createdAt,
    });
    await db.insert(requestEvents).values([
      {
        orgId,
        requestId: row.id,
        kind: 'submitted' as const,
        visibility: 'public' as const,
        actorKind: 'reporter' as const,
        toStatus: 'submitted',
        createdAt,
      },
      ...path.map((step, k) => ({
        orgId,
        requestId: row.id,
        kind: 'status' as const,
        visibility: 'public' as const,
        actorAccountId: options.staff ?? null,
        actorKind: 'staff' as const,
        fromStatus: k === 0 ? 'submitted' : (path[k - 1]?.status ?? null),
        toStatus: step.status,
        body:
          step.phase === 'resolved' ? DEMO_TEMPLATES[1]?.bodyFr : k === 0 ? DEMO_TEMPLATES[0]?.bodyFr : null,
        createdAt: new Date(times[k] ?? now),
      })),
      ...(path.length > 1
        ? [
            {
              orgId,
              requestId: row.id,
              kind: 'internal_note' as const,
              visibility: 'internal' as const,
              actorAccountId: options.staff ?? null,
              actorKind: 'staff' as const,
              body: 'Équipe de jour avisée; matériel commandé.',
              createdAt: new Date((times[0] ?? now) + HOUR),
            },
          ]
        : []),
    ]);
  }

  // One duplicate, folded into the first request of its category; the resident follows another.
  const [first, ...rest] = created;
  const duplicate = rest.find((r) => r.categoryId === first?.categoryId);
  if (first && duplicate) {
    await db
      .update(serviceRequests)
      .set({ status: 'closed', phase: 'closed', closedAt: new Date(now - DAY), mergedIntoId: first.id })
      .where(inOrg(serviceRequests, orgId, eq(serviceRequests.id, duplicate.id)));
    await db.insert(requestEvents).values({
      orgId,
      requestId: duplicate.id,
      kind: 'merged',
      visibility: 'public',
      actorAccountId: options.staff ?? null,
      actorKind: 'staff',
      toStatus: 'closed',
      createdAt: new Date(now - DAY),
    });
  }
  const followed = rest.find((r) => r.id !== duplicate?.id);
  if (options.resident && followed)
    await db
      .insert(requestFollowers)
      .values({
        orgId,
        requestId: followed.id,
        accountId: options.resident,
        role: 'follower',
        confirmedAt: new Date(now),
      })
      .onConflictDoNothing();
}

/** Seeds requests in Joliette and Rivière-du-Loup: categories with their fields, queues, a few dozen requests. */
export async function seedRequests(
  db: Database,
  orgIds: Map<string, string>,
  accountIds: Map<string, string>,
): Promise<void> {
  for (const [slug, options] of [
    ['joliette', { count: 32, seed: 61025 }],
    ['riviere-du-loup', { count: 20, seed: 12072 }],
  ] as const) {
    const orgId = orgIds.get(slug);
    if (!orgId) continue;
    // The organisation's administrator stands for its requests desk in the demo.
    const [admin] = await db
      .select({ id: accounts.id })
      .from(memberships)
      .innerJoin(accounts, eq(accounts.id, memberships.accountId))
      .where(and(eq(memberships.orgId, orgId), inArray(memberships.role, ['admin', 'requests'])))
      .limit(1);
    await seedTown(db, orgId, slug, {
      ...options,
      resident: slug === 'joliette' ? accountIds.get('resident') : undefined,
      staff: admin?.id,
    });
  }
}
