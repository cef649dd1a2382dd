import { eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record-audit.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Database } from '../../../platform/db/client.ts';
import { inOrg, scopeOf } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { JobQueue } from '../../../platform/jobs/queue.ts';
import { notifyMany } from '../../../platform/notify/notify-many.ts';
import { getOrganisation } from '../../../platform/orgs/get-organisation.ts';
import { requireSurveyStaff as requireParticipationStaff } from '../surveys/policies.ts';
import {
  type ConsultationDocument,
  type ConsultationPhase,
  consultationMeetings,
  consultations,
  followers,
} from './schema.ts';
import { CONSULTATION_NEWS } from './templates.ts';
import { toConsultationView } from './views.ts';

type Bi = { fr: string; en: string };
export interface ConsultationInput {
  title: Bi;
  context: Bi;
  documents: ConsultationDocument[];
  phases: ConsultationPhase[];
  surveyId?: string | null;
}

/** Tells the followers of a consultation some news (platform mass send, category `participation`). */
async function tellFollowers(
  ctx: { db: Database; jobs: JobQueue; publicUrl: string },
  row: typeof consultations.$inferSelect,
  news: Bi,
  createdBy: string,
) {
  const list = await ctx.db
    .select({ accountId: followers.accountId })
    .from(followers)
    .where(inOrg(followers, row.orgId, eq(followers.consultationId, row.id)));
  if (list.length === 0) return;
  const org = await getOrganisation({ db: ctx.db, idOrSlug: row.orgId });
  await notifyMany(ctx, {
    orgId: row.orgId,
    accountIds: list.map((f) => f.accountId),
    category: 'participation',
    template: CONSULTATION_NEWS,
    params: {
      title: { fr: row.titleFr, en: row.titleEn },
      news,
      url: `${ctx.publicUrl}/${org.slug}/consultations/${row.id}`,
    },
    title: `${row.titleFr} – ${news.fr}`.slice(0, 200),
    createdBy,
  });
}

/** Staff create a consultation (a draft) or change one. Audited. */
export async function saveConsultation(options: {
  db: Database;
  auth: AuthContext | null;
  ip: string;
  orgId: string;
  consultationId?: string;
  input: ConsultationInput;
}) {
  const who = requireParticipationStaff(options.auth, options.orgId);
  const { input } = options;
  const values = {
    titleFr: input.title.fr,
    titleEn: input.title.en,
    contextFr: input.context.fr,
    contextEn: input.context.en,
    documents: input.documents,
    phases: input.phases,
    surveyId: input.surveyId ?? null,
  };
  const [row] = options.consultationId
    ? await options.db
        .update(consultations)
        .set(values)
        .where(inOrg(consultations, options.orgId, eq(consultations.id, options.consultationId)))
        .returning()
    : await options.db
        .insert(consultations)
        .values(scopeOf(options.orgId).rows({ ...values, createdBy: who.account.id }))
        .returning();
  if (!row) throw new AppError('consultation.not_found', 404);
  await recordAudit(options.db, {
    orgId: options.orgId,
    actorAccountId: who.account.id,
    action: options.consultationId ? 'citizen.consultation_updated' : 'citizen.consultation_created',
    targetType: 'citizen_consultation',
    targetId: row.id,
    ip: options.ip,
  });
  return toConsultationView(row);
}

/** Staff publish a consultation, or close it with its summary (followers are told). Audited. */
export async function setConsultationState(options: {
  db: Database;
  jobs: JobQueue;
  publicUrl: string;
  auth: AuthContext | null;
  ip: string;
  orgId: string;
  consultationId: string;
  action: 'publish' | 'close';
  summary?: Bi;
}) {
  const who = requireParticipationStaff(options.auth, options.orgId);
  const where = inOrg(
    consultations,
    options.orgId,
    eq(consultations.id, options.consultationId),
    isNull(consultations.closedAt),
  );
  const [row] = await options.db
    .update(consultations)
    .set(
      options.action === 'publish'
        ? { publishedAt: new Date() }
        : {
            closedAt: new Date(),
            closingSummaryFr: options.summary?.fr ?? '',
            closingSummaryEn: options.summary?.en ?? '',
          },
    )
    .where(where)
    .returning();
  if (!row) throw new AppError('consultation.not_found', 404);
  await recordAudit(options.db, {
    orgId: options.orgId,
    actorAccountId: who.account.id,
    action: `citizen.consultation_${options.action === 'publish' ? 'published' : 'closed'}`,
    targetType: 'citizen_consultation',
    targetId: row.id,
    ip: options.ip,
  });
  if (options.action === 'close') {
    await tellFollowers(
      options,
      row,
      {
        fr: 'La consultation est terminée : voici son bilan.',
        en: 'The consultation has ended: here is its report.',
      },
      who.account.id,
    );
  }
  return toConsultationView(row);
}

/** Staff add a public meeting (followers are told). Audited. */
export async function addMeeting(options: {
  db: Database;
  jobs: JobQueue;
  publicUrl: string;
  auth: AuthContext | null;
  ip: string;
  orgId: string;
  consultationId: string;
  input: { title: Bi; place: string; startsAt: string; capacity: number };
}) {
  const who = requireParticipationStaff(options.auth, options.orgId);
  const [consultation] = await options.db
    .select()
    .from(consultations)
    .where(inOrg(consultations, options.orgId, eq(consultations.id, options.consultationId)));
  if (!consultation) throw new AppError('consultation.not_found', 404);
  const [meeting] = await options.db
    .insert(consultationMeetings)
    .values(
      scopeOf(options.orgId).rows({
        consultationId: consultation.id,
        titleFr: options.input.title.fr,
        titleEn: options.input.title.en,
        place: options.input.place,
        startsAt: new Date(options.input.startsAt),
        capacity: options.input.capacity,
      }),
    )
    .returning();
  if (!meeting) throw new Error('meeting insert returned no row');
  await recordAudit(options.db, {
    orgId: options.orgId,
    actorAccountId: who.account.id,
    action: 'citizen.consultation_meeting_added',
    targetType: 'citizen_consultation_meeting',
    targetId: meeting.id,
    ip: options.ip,
  });
  if (consultation.publishedAt) {
    await tellFollowers(
      options,
      consultation,
      {
        fr: `Nouvelle rencontre publique : ${meeting.titleFr} (${meeting.place}).`,
        en: `New public meeting: ${meeting.titleEn} (${meeting.place}).`,
      },
      who.account.id,
    );
  }
  return { id: meeting.id };
}
