import type { ResidencyRow } from './schema.ts';

/** A residency as the API shows it. */
export function residencyView(r: ResidencyRow) {
  return {
    id: r.id,
    orgId: r.orgId,
    householdId: r.householdId,
    proof: r.proof,
    status: r.status,
    addressLabel: r.addressLabel,
    postalCode: r.postalCode,
    fileId: r.fileId,
    startsOn: r.startsOn,
    expiresOn: r.expiresOn,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    decisionNote: r.decisionNote,
    endedAt: r.endedAt?.toISOString() ?? null,
    endReason: r.endReason,
    createdAt: r.createdAt.toISOString(),
  };
}
export type ResidencyView = ReturnType<typeof residencyView>;

/** How long a residency lasts before it must be renewed. */
export const RESIDENCY_YEARS = 2;
/** Renewal opens this many days before the expiry. */
export const RENEWAL_DAYS = 60;
