import type { deletionRequests } from './schema.ts';

type Row = typeof deletionRequests.$inferSelect;

/** A deletion request as its author sees it. */
export interface DeletionRequestView {
  id: string;
  status: Row['status'];
  reason: string | null;
  dueAt: string;
  createdAt: string;
  handledAt: string | null;
  response: string | null;
}

/** Shapes a deletion request row for the API. */
export function toDeletionRequestView(row: Row): DeletionRequestView {
  return {
    id: row.id,
    status: row.status,
    reason: row.reason,
    dueAt: row.dueAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    handledAt: row.handledAt ? row.handledAt.toISOString() : null,
    response: row.response,
  };
}

/** Access Act: an answer within 30 days of receiving the request. */
export const DELETION_DEADLINE_DAYS = 30;
