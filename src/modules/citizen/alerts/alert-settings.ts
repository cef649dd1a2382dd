import { recordAudit } from '../../../platform/audit/record-audit.ts';
import type { AuthContext } from '../../../platform/auth/context.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { inOrg, scopeOf } from '../../../platform/db/tenancy.ts';
import { requireAlertStaff } from './policies.ts';
import { alertSettings } from './schema.ts';

export type AlertSettingsView = {
  /** Alerts raised by events of other modules (a boil-water advisory) wait for a second person. */
  eventAlertsNeedApproval: boolean;
};

/** Whether the organisation asks a second person to approve alerts raised by events (default: no). */
export async function eventNeedsApproval(db: Executor, orgId: string): Promise<boolean> {
  const [row] = await db
    .select({ value: alertSettings.eventAlertsNeedApproval })
    .from(alertSettings)
    .where(inOrg(alertSettings, orgId));
  return row?.value ?? false;
}

/** Authorised staff read the organisation's alert settings. */
export async function getAlertSettings(options: {
  db: Executor;
  auth: AuthContext | null;
  orgId: string;
}): Promise<AlertSettingsView> {
  requireAlertStaff(options.auth, options.orgId);
  return { eventAlertsNeedApproval: await eventNeedsApproval(options.db, options.orgId) };
}

/** Authorised staff change the organisation's alert settings (one row per organisation). Audited. */
export async function saveAlertSettings(options: {
  db: Executor;
  auth: AuthContext | null;
  ip: string;
  orgId: string;
  input: AlertSettingsView;
}): Promise<AlertSettingsView> {
  const who = requireAlertStaff(options.auth, options.orgId);
  const value = options.input.eventAlertsNeedApproval;
  await options.db
    .insert(alertSettings)
    .values(scopeOf(options.orgId).rows({ eventAlertsNeedApproval: value }))
    .onConflictDoUpdate({
      target: alertSettings.orgId,
      set: { eventAlertsNeedApproval: value, updatedAt: new Date() },
    });
  await recordAudit(options.db, {
    orgId: options.orgId,
    actorAccountId: who.account.id,
    action: 'citizen.alert_settings_saved',
    targetType: 'citizen_alert_settings',
    ip: options.ip,
    details: options.input,
  });
  return { eventAlertsNeedApproval: await eventNeedsApproval(options.db, options.orgId) };
}
