import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { JobQueue } from '../../../platform/jobs/queue.ts';
import { notifyMany } from '../../../platform/notify/notify-many.ts';
import { getOrganisation } from '../../../platform/orgs/get-organisation.ts';
import { alertPageUrl } from './cap-xml.ts';
import { alertRecipients } from './recipients.ts';
import { type AlertRow, alerts } from './schema.ts';
import { ALERT_MESSAGE, type AlertMessageParams } from './templates.ts';

/**
 * Sends an alert that is ready: marks it sent and, in the same transaction, supersedes the message it
 * updates or cancels (a conditional UPDATE: if someone else's update got there first, this one fails).
 * Then fans it out through the platform's mass send in the `emergency` category: each person gets it on
 * the channels they chose (category opt-outs do not apply to emergencies; an emergency always reaches at
 * least e-mail or the inbox) with the highest delivery priority.
 */
export async function sendAlert(options: {
  db: Database;
  jobs: JobQueue;
  publicUrl: string;
  row: AlertRow;
  approvedBy?: string | null;
}): Promise<AlertRow> {
  const { db, row } = options;
  const sent = await db.transaction(async (tx) => {
    if (row.referencesId) {
      const superseded = await tx
        .update(alerts)
        .set({ supersededAt: new Date() })
        .where(
          inOrg(
            alerts,
            row.orgId,
            eq(alerts.id, row.referencesId),
            eq(alerts.state, 'sent'),
            isNull(alerts.supersededAt),
          ),
        )
        .returning({ id: alerts.id });
      if (superseded.length === 0) throw new AppError('alert.not_current', 409);
    }
    const [updated] = await tx
      .update(alerts)
      .set({ state: 'sent', sentAt: new Date(), approvedBy: options.approvedBy ?? null })
      .where(and(inOrg(alerts, row.orgId, eq(alerts.id, row.id))))
      .returning();
    if (!updated) throw new AppError('alert.not_found', 404);
    return updated;
  });
  const org = await getOrganisation({ db, idOrSlug: row.orgId });
  const accountIds = await alertRecipients(db, {
    orgId: row.orgId,
    area: row.area,
    test: row.status === 'Test',
  });
  const params: AlertMessageParams = {
    msgType: sent.msgType,
    test: sent.status === 'Test',
    headline: { fr: sent.headlineFr, en: sent.headlineEn },
    instruction: { fr: sent.instructionFr, en: sent.instructionEn },
    areaDesc: { fr: sent.areaDescFr, en: sent.areaDescEn },
    expires: sent.expiresAt.toISOString(),
    url: alertPageUrl(options.publicUrl, org, sent.rootId),
  };
  const { campaignId, total } = await notifyMany(
    { db, jobs: options.jobs },
    {
      orgId: row.orgId,
      accountIds,
      category: 'emergency',
      template: ALERT_MESSAGE,
      params,
      urgency: 'high',
      title: `${sent.status === 'Test' ? '[EXERCICE] ' : ''}${sent.headlineFr}`,
      createdBy: sent.createdBy,
    },
  );
  const [done] = await db
    .update(alerts)
    .set({ campaignId, recipients: total })
    .where(inOrg(alerts, row.orgId, eq(alerts.id, row.id)))
    .returning();
  return done ?? sent;
}
