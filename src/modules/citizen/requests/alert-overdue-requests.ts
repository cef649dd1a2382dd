import { and, eq, inArray, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import { memberships } from '../../../platform/auth/schema.ts';
import type { Database } from '../../../platform/db/client.ts';
import type { JobQueue } from '../../../platform/jobs/queue.ts';
import {
  enqueueNotification,
  type NotifyResult,
  recordNotification,
} from '../../../platform/notify/notify.ts';
import { notifySettings } from '../../../platform/notify/settings.ts';
import { organisations } from '../../../platform/orgs/schema.ts';
import { REQUESTS_OVERDUE } from './notifications.ts';
import { serviceRequests } from './schema.ts';
import { OPEN_PHASES } from './statuses.ts';

// References listed in one alert; the link leads to the full queue.
const LISTED = 20;

/**
 * Alerts staff once per request and target missed (acknowledgement, then resolution): the assignee, or
 * when nobody is assigned, the organisation's requests desk. Each request is marked in the same
 * statement that selects it, so two workers never alert twice. Runs every quarter hour (pg-boss cron).
 */
export async function alertOverdueRequests(options: {
  db: Database;
  jobs: JobQueue;
}): Promise<{ ack: number; resolve: number }> {
  const { db, jobs } = options;
  const publicUrl = notifySettings(jobs).publicUrl;
  const counts = { ack: 0, resolve: 0 };
  const notices = await db.transaction(async (tx) => {
    const recorded: NotifyResult[] = [];
    for (const kind of ['ack', 'resolve'] as const) {
      const late =
        kind === 'ack'
          ? and(
              eq(serviceRequests.phase, 'submitted'),
              lt(serviceRequests.ackDueAt, sql`now()`),
              isNull(serviceRequests.ackAlertedAt),
            )
          : and(
              inArray(serviceRequests.phase, [...OPEN_PHASES]),
              lt(serviceRequests.resolveDueAt, sql`now()`),
              isNull(serviceRequests.resolveAlertedAt),
            );
      const rows = await tx
        .update(serviceRequests)
        .set(kind === 'ack' ? { ackAlertedAt: sql`now()` } : { resolveAlertedAt: sql`now()` })
        .where(and(late, isNotNull(serviceRequests.confirmedAt), isNull(serviceRequests.mergedIntoId)))
        .returning({
          orgId: serviceRequests.orgId,
          reference: serviceRequests.reference,
          assignee: serviceRequests.assigneeAccountId,
        });
      counts[kind] = rows.length;
      const byOrg = new Map<string, typeof rows>();
      for (const r of rows) byOrg.set(r.orgId, [...(byOrg.get(r.orgId) ?? []), r]);
      for (const [orgId, list] of byOrg) {
        const [org] = await tx
          .select({ slug: organisations.slug })
          .from(organisations)
          .where(eq(organisations.id, orgId));
        const desk = await tx
          .selectDistinct({ accountId: memberships.accountId })
          .from(memberships)
          .where(and(eq(memberships.orgId, orgId), inArray(memberships.role, ['requests', 'admin'])));
        const byRecipient = new Map<string, string[]>();
        for (const r of list) {
          for (const id of r.assignee ? [r.assignee] : desk.map((d) => d.accountId)) {
            byRecipient.set(id, [...(byRecipient.get(id) ?? []), r.reference]);
          }
        }
        for (const [accountId, references] of byRecipient) {
          const listed = references.slice(0, LISTED);
          if (references.length > LISTED) listed.push('…');
          recorded.push(
            await recordNotification(
              { db: tx, jobs },
              {
                orgId,
                category: 'requests',
                template: REQUESTS_OVERDUE,
                accountId,
                params: {
                  count: references.length,
                  references: listed,
                  kind,
                  url: `${publicUrl}/staff/${org?.slug ?? ''}/modules/requests?overdue=1`,
                },
              },
            ),
          );
        }
      }
    }
    return recorded;
  });
  for (const notice of notices) await enqueueNotification(jobs, notice);
  return counts;
}
