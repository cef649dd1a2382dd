import { randomBytes } from 'node:crypto';
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { Database } from '../../../platform/db/client.ts';
import { nextReference } from '../../../platform/db/references.ts';
import { scopeOf } from '../../../platform/db/tenancy.ts';
import { activeRolls } from '../roll/active-roll.ts';
import { rollUnits } from '../roll/schema.ts';
import { addMonths } from './act-on-application.ts';
import { DEFAULT_PERMIT_TYPES } from './catalogue.ts';
import { computeFee } from './fee-rules.ts';
import { upsertPermitType } from './save-permit-type.ts';
import { permitApplications, permitEvents, permitTypes } from './schema.ts';
import type { PermitStatus } from './state-machine.ts';

// Demonstration files of Rivière-du-Loup: a year of permits at every step, so that the registry, the map
// and the staff dashboard show something real. Each step is backdated like a real history.
const STORY: Array<{
  code: string;
  steps: PermitStatus[];
  daysAgo: number;
  answers: Record<string, string | number | boolean>;
}> = [
  {
    code: 'piscine',
    steps: ['submitted', 'under_review', 'issued'],
    daysAgo: 300,
    answers: { poolType: 'inground', enclosure: true, distanceToLine: 3, startDate: '2025-05-01' },
  },
  {
    code: 'renovation',
    steps: ['submitted', 'under_review', 'issued', 'closed'],
    daysAgo: 280,
    answers: { structural: false, workValue: 45000, startDate: '2025-05-15' },
  },
  {
    code: 'construction',
    steps: ['submitted', 'under_review', 'inspection_scheduled', 'issued'],
    daysAgo: 250,
    answers: { use: 'residential', floorArea: 180, dwellings: 1, workValue: 420000, startDate: '2025-06-01' },
  },
  {
    code: 'remise',
    steps: ['submitted', 'under_review', 'issued'],
    daysAgo: 200,
    answers: { floorArea: 12, workValue: 4000 },
  },
  {
    code: 'abattage',
    steps: ['submitted', 'under_review', 'issued', 'closed'],
    daysAgo: 180,
    answers: { trees: 2, reason: 'dead' },
  },
  {
    code: 'enseigne',
    steps: ['submitted', 'under_review', 'issued'],
    daysAgo: 150,
    answers: { signArea: 3.5, lit: false },
  },
  {
    code: 'demolition',
    steps: ['submitted', 'under_review', 'refused'],
    daysAgo: 140,
    answers: { extent: 'full', startDate: '2025-09-01' },
  },
  {
    code: 'septique',
    steps: ['submitted', 'info_requested', 'submitted', 'under_review', 'issued'],
    daysAgo: 120,
    answers: { bedrooms: 3, workValue: 18000 },
  },
  {
    code: 'renovation',
    steps: ['submitted', 'under_review', 'issued', 'final_inspection_scheduled'],
    daysAgo: 90,
    answers: { structural: true, workValue: 120000, startDate: '2025-11-01' },
  },
  {
    code: 'piscine',
    steps: ['submitted', 'under_review', 'issued'],
    daysAgo: 60,
    answers: {
      poolType: 'aboveground',
      wallHeight: 1.3,
      enclosure: true,
      distanceToLine: 2,
      startDate: '2026-05-01',
    },
  },
  {
    code: 'construction',
    steps: ['submitted', 'under_review'],
    daysAgo: 45,
    answers: { use: 'residential', floorArea: 220, dwellings: 2, workValue: 510000, startDate: '2026-05-01' },
  },
  {
    code: 'renovation',
    steps: ['submitted', 'info_requested'],
    daysAgo: 30,
    answers: { structural: true, workValue: 60000, startDate: '2026-04-01' },
  },
  {
    code: 'remise',
    steps: ['submitted', 'under_review'],
    daysAgo: 20,
    answers: { floorArea: 9, workValue: 2500 },
  },
  {
    code: 'piscine',
    steps: ['submitted'],
    daysAgo: 6,
    answers: { poolType: 'removable', enclosure: true, distanceToLine: 1.5, startDate: '2026-06-01' },
  },
  {
    code: 'enseigne',
    steps: ['submitted', 'under_review', 'inspection_scheduled'],
    daysAgo: 25,
    answers: { signArea: 2, lit: true },
  },
  { code: 'cloture', steps: ['acknowledged'], daysAgo: 15, answers: { location: 'rear', height: 1.8 } },
  {
    code: 'travaux-mineurs',
    steps: ['acknowledged'],
    daysAgo: 8,
    answers: { workValue: 3000, startDate: '2026-04-15' },
  },
];

/** Rivière-du-Loup's permit types and demonstration files (after its roll, whose units they are on). */
export async function seedDemoPermits(
  db: Database,
  orgIds: Map<string, string>,
  accountIds: Map<string, string>,
): Promise<void> {
  const orgId = orgIds.get('riviere-du-loup');
  if (!orgId) return;
  const scope = scopeOf(orgId);
  const [existing] = await db
    .select({ id: permitTypes.id })
    .from(permitTypes)
    .where(scope.where(permitTypes))
    .limit(1);
  if (existing) return;
  const types = new Map<string, typeof permitTypes.$inferSelect>();
  for (const [position, type] of DEFAULT_PERMIT_TYPES.entries())
    types.set(type.code, await upsertPermitType(db, orgId, { ...type, position }));
  const [roll] = await activeRolls(db, orgId);
  if (!roll) return;
  const units = await db
    .select()
    .from(rollUnits)
    .where(
      scope.where(
        rollUnits,
        and(eq(rollUnits.importId, roll.importId), isNotNull(rollUnits.latitude), eq(rollUnits.cubf, '1000')),
      ),
    )
    .orderBy(asc(rollUnits.matriculeKey))
    .limit(STORY.length * 37);
  const applicant = accountIds.get('resident') ?? null;
  const staff = accountIds.get('rdl-staff') ?? null;
  const now = Date.now();
  for (const [i, story] of STORY.entries()) {
    const type = types.get(story.code);
    const unit = units[i * 37];
    if (!type || !unit) continue;
    const at = (k: number) =>
      new Date(now - (story.daysAgo - k * Math.max(1, Math.floor(story.daysAgo / 8))) * 86_400_000);
    const last = story.steps[story.steps.length - 1] ?? 'submitted';
    const issuedStep = story.steps.indexOf('issued');
    const year = at(0).getUTCFullYear();
    await db.transaction(async (tx) => {
      const reference = await nextReference(tx, { orgId, prefix: 'RDL', kind: 'permit_application', year });
      const issued = issuedStep >= 0 ? at(issuedStep + 1) : null;
      const permitNumber = issued
        ? await nextReference(tx, {
            orgId,
            prefix: 'RDL-P',
            kind: 'permit_number',
            year: issued.getUTCFullYear(),
          })
        : null;
      const [row] = await tx
        .insert(permitApplications)
        .values(
          scope.rows({
            reference,
            typeId: type.id,
            kind: type.kind,
            applicantAccountId: applicant,
            status: last,
            propertyUnitId: unit.id,
            propertyMatricule: unit.matricule,
            propertyAddress: unit.addressLabel,
            propertyLots: unit.lots,
            latitude: unit.latitude,
            longitude: unit.longitude,
            description: type.descriptionFr,
            answers: story.answers,
            feeCents: computeFee(type.feeRule, story.answers),
            submittedAt: at(0),
            decidedAt: issued ?? (last === 'refused' ? at(story.steps.length) : null),
            refusalReason:
              last === 'refused'
                ? 'Bâtiment d’intérêt patrimonial : démolition non autorisée par le comité.'
                : null,
            permitNumber,
            issuedAt: issued,
            expiresAt: issued ? addMonths(issued, type.validityMonths) : null,
            closedAt: last === 'closed' ? at(story.steps.length) : null,
            conditions: issued ? 'Respecter les marges de recul prévues au règlement de zonage.' : null,
            verificationToken: issued ? randomBytes(18).toString('base64url') : null,
            createdAt: at(0),
          }),
        )
        .returning({ id: permitApplications.id });
      if (!row) return;
      let from: PermitStatus | null = null;
      for (const [k, step] of story.steps.entries()) {
        await tx.insert(permitEvents).values(
          scope.rows({
            applicationId: row.id,
            actor: k === 0 ? 'applicant' : 'staff',
            actorAccountId: k === 0 ? applicant : staff,
            action: k === 0 ? (type.kind === 'declaration' ? 'submit' : 'pay') : 'mark_complete',
            fromStatus: from,
            toStatus: step,
            message: step === 'info_requested' ? 'Veuillez fournir le plan d’implantation signé.' : null,
            createdAt: at(k),
          }),
        );
        from = step;
      }
    });
  }
}
