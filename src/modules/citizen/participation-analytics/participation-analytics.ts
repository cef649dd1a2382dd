import { and, count, gte, isNotNull, sql, sum } from 'drizzle-orm';
import type { AuthContext } from '../../../platform/auth/context.ts';
import { requireStaff } from '../../../platform/auth/policies.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { alerts } from '../alerts/schema.ts';
import { contributions } from '../consultations/schema.ts';
import { newsletterSubscriptions } from '../newsletters/schema.ts';
import { surveyResponses } from '../surveys/schema.ts';

/** The last `n` months, oldest first, as `YYYY-MM` (in Quebec's time zone). */
export function lastMonths(n: number, now = new Date()): string[] {
  const here = new Date(now.toLocaleString('en-US', { timeZone: 'America/Toronto' }));
  return Array.from({ length: n }, (_, i) => {
    const d = new Date(here.getFullYear(), here.getMonth() - (n - 1 - i), 1);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
  });
}

const month = (column: unknown) => sql<string>`to_char(${column} AT TIME ZONE 'America/Toronto', 'YYYY-MM')`;

/**
 * Participation over the last twelve months for the town's staff (any role; elected officials too):
 * survey answers, consultation contributions, newsletter subscriptions confirmed, alert messages sent
 * and the people they reached. Only counts, so anonymous answers stay anonymous.
 */
export async function participationAnalytics(options: {
  db: Executor;
  auth: AuthContext | null;
  orgId: string;
}) {
  requireStaff(options.auth, options.orgId);
  const months = lastMonths(12);
  const since = new Date(`${months[0]}-01T00:00:00-05:00`);
  const { db, orgId } = options;
  const [answers, contribs, subs, sent] = await Promise.all([
    db
      .select({ m: month(surveyResponses.createdAt), n: count() })
      .from(surveyResponses)
      .where(inOrg(surveyResponses, orgId, gte(surveyResponses.createdAt, since)))
      .groupBy(month(surveyResponses.createdAt)),
    db
      .select({ m: month(contributions.createdAt), n: count() })
      .from(contributions)
      .where(inOrg(contributions, orgId, gte(contributions.createdAt, since)))
      .groupBy(month(contributions.createdAt)),
    db
      .select({ m: month(newsletterSubscriptions.consentAt), n: count() })
      .from(newsletterSubscriptions)
      .where(
        inOrg(
          newsletterSubscriptions,
          orgId,
          and(isNotNull(newsletterSubscriptions.consentAt), gte(newsletterSubscriptions.consentAt, since)),
        ),
      )
      .groupBy(month(newsletterSubscriptions.consentAt)),
    db
      .select({ m: month(alerts.sentAt), n: count(), reach: sum(alerts.recipients) })
      .from(alerts)
      .where(inOrg(alerts, orgId, isNotNull(alerts.sentAt), gte(alerts.sentAt, since)))
      .groupBy(month(alerts.sentAt)),
  ]);
  const series = (rows: Array<{ m: string; n: number }>) => {
    const by = new Map(rows.map((r) => [r.m, r.n]));
    return months.map((m) => by.get(m) ?? 0);
  };
  const reach = new Map(sent.map((r) => [r.m, Number(r.reach ?? 0)]));
  return {
    months,
    surveyAnswers: series(answers),
    contributions: series(contribs),
    subscriptions: series(subs),
    alerts: series(sent),
    alertReach: months.map((m) => reach.get(m) ?? 0),
  };
}
