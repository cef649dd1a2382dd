import { findEvent } from './event-codes.ts';
import type { AlertRow } from './schema.ts';

/** Whether an alert applies now: sent, not a cancellation, not superseded, not expired. */
export function isActive(row: AlertRow, now = new Date()): boolean {
  return row.state === 'sent' && row.msgType !== 'Cancel' && !row.supersededAt && row.expiresAt > now;
}

/** The API shape of an alert row. */
export function toAlertView(row: AlertRow, capUrl: string | null) {
  const event = findEvent(row.eventCode);
  return {
    id: row.id,
    rootId: row.rootId,
    referencesId: row.referencesId,
    msgType: row.msgType,
    status: row.status,
    state: row.state,
    active: isActive(row),
    eventCode: row.eventCode,
    event: event?.name ?? { fr: row.eventCode, en: row.eventCode },
    urgency: row.urgency,
    severity: row.severity,
    certainty: row.certainty,
    headline: { fr: row.headlineFr, en: row.headlineEn },
    description: { fr: row.descriptionFr, en: row.descriptionEn },
    instruction: { fr: row.instructionFr, en: row.instructionEn },
    areaDesc: { fr: row.areaDescFr, en: row.areaDescEn },
    area: row.area,
    expiresAt: row.expiresAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
    supersededAt: row.supersededAt?.toISOString() ?? null,
    createdBy: row.createdBy,
    approvedBy: row.approvedBy,
    recipients: row.recipients,
    capUrl: row.sentAt ? capUrl : null,
  };
}
export type AlertView = ReturnType<typeof toAlertView>;
