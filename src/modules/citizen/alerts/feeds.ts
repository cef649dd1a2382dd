import { asc, desc, eq, isNotNull } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.ts';
import { inOrg } from '../../../platform/db/tenancy.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { getOrganisation } from '../../../platform/orgs/get-organisation.ts';
import { renderAtom, renderCap } from './cap-xml.ts';
import { alerts } from './schema.ts';

/** The Atom index of a town's sent CAP messages (the latest 100), by organisation slug. */
export async function alertsAtom(options: {
  db: Executor;
  publicUrl: string;
  slug: string;
  locale: 'fr' | 'en';
}): Promise<string> {
  const org = await getOrganisation({ db: options.db, idOrSlug: options.slug });
  const rows = await options.db
    .select()
    .from(alerts)
    .where(inOrg(alerts, org.id, isNotNull(alerts.sentAt)))
    .orderBy(desc(alerts.sentAt))
    .limit(100);
  return renderAtom({ org, publicUrl: options.publicUrl, alerts: rows, locale: options.locale });
}

/** One sent CAP message, with references to every earlier message of its chain. */
export async function alertCap(options: {
  db: Executor;
  publicUrl: string;
  slug: string;
  alertId: string;
}): Promise<string> {
  const org = await getOrganisation({ db: options.db, idOrSlug: options.slug });
  const [row] = await options.db
    .select()
    .from(alerts)
    .where(inOrg(alerts, org.id, eq(alerts.id, options.alertId), isNotNull(alerts.sentAt)));
  if (!row?.sentAt) throw new AppError('alert.not_found', 404);
  const chain = await options.db
    .select()
    .from(alerts)
    .where(inOrg(alerts, org.id, eq(alerts.rootId, row.rootId), isNotNull(alerts.sentAt)))
    .orderBy(asc(alerts.sentAt));
  const sentAt = row.sentAt;
  const earlier = chain.filter((m) => m.id !== row.id && (m.sentAt as Date) <= sentAt);
  return renderCap({ alert: row, earlier, org, publicUrl: options.publicUrl });
}
